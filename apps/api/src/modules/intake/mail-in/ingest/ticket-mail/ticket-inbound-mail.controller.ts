import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../../../../common/auth/auth-user.js';
import {
  CurrentUser,
  RequirePermissions,
  RequireScope,
} from '../../../../../common/auth/decorators.js';
import { IdParam } from '../../../../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../../../../common/openapi/api-problems.decorator.js';
import { TicketInboundMailPageDto, TicketInboundMailQueryDto } from './ticket-inbound-mail.dto.js';
import { TicketInboundMailService } from './ticket-inbound-mail.service.js';

@ApiTags('tickets')
@ApiBearerAuth()
@RequirePermissions(Permission.TicketsRead)
@RequireScope('tickets:read')
@Controller('v1/tickets/:id/inbound-mail')
export class TicketInboundMailController {
  constructor(private readonly inbound: TicketInboundMailService) {}

  @Get()
  @ApiOperation({
    summary: 'Mail received about the ticket (staff)',
    description:
      'Newest first: its own messages (sender, a Reply-To that differs, files flagged inline ' +
      'or dangerous) and, flagged, messages that pointed at it but did not land on it (a ' +
      'sender who may not see it, an auto-reply). For a client, as for a ticket you cannot ' +
      'see, it is a 404.',
  })
  @ApiOkResponse({ type: TicketInboundMailPageDto })
  @ApiProblems(400, 401, 404)
  list(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Query() query: TicketInboundMailQueryDto,
  ): Promise<TicketInboundMailPageDto> {
    return this.inbound.list(user, id, query);
  }
}
