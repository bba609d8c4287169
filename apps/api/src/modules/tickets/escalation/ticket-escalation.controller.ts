import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../../common/auth/decorators.js';
import { IdParam } from '../../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../../common/openapi/api-problems.decorator.js';
import { EscalateTicketDto, TicketEscalationDto } from '../dto/escalation.dto.js';
import { TicketEscalationService } from './ticket-escalation.service.js';

@ApiTags('tickets')
@ApiBearerAuth()
@RequireScope('tickets:write')
@Controller('v1/tickets')
export class TicketEscalationController {
  constructor(private readonly escalation: TicketEscalationService) {}

  @Post(':id/escalation')
  @HttpCode(200)
  @RequirePermissions(Permission.TicketsEscalate)
  @ApiOperation({
    summary: 'Escalate to the next support level (staff); the reason is required',
    description:
      'Moves the ticket to an active group of the next level (the one named, or the first by ' +
      'name), takes it off its agent and lets that group’s distribution pick one. 409 at L3, ' +
      'when no group has the next level, or when the ticket is no longer open.',
  })
  @ApiOkResponse({ type: TicketEscalationDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  escalate(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: EscalateTicketDto,
  ): Promise<TicketEscalationDto> {
    return this.escalation.escalate(user, id, dto);
  }
}
