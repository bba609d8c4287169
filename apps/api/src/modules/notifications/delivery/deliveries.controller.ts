import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../../common/auth/decorators.js';
import { IdParam } from '../../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../../common/openapi/api-problems.decorator.js';
import { DeliveryQueries } from './delivery-queries.js';
import {
  AdminDeliveryQueryDto,
  DeliveryPageDto,
  DeliveryPageQueryDto,
  MailSettingsDto,
} from './dto/delivery.dto.js';

@ApiTags('tickets')
@ApiBearerAuth()
@RequirePermissions(Permission.TicketsRead)
@RequireScope('tickets:read')
@Controller('v1/tickets/:id/deliveries')
export class TicketDeliveriesController {
  constructor(private readonly queries: DeliveryQueries) {}

  @Get()
  @ApiOperation({
    summary: 'E-mails and SMS sent about the ticket (staff)',
    description:
      'Newest first: recipient, channel, kind, status, attempts, the last SMTP or gateway reply ' +
      'and when it was sent; never the content. Staff who may see the ticket only: for a client, ' +
      'as for a ticket you cannot see, it is a 404.',
  })
  @ApiOkResponse({ type: DeliveryPageDto })
  @ApiProblems(400, 401, 404)
  list(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Query() query: DeliveryPageQueryDto,
  ): Promise<DeliveryPageDto> {
    return this.queries.forTicket(user, id, query);
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@RequirePermissions(Permission.MailManage)
@RequireScope('admin')
@Controller('v1/admin')
export class MailAdminController {
  constructor(private readonly queries: DeliveryQueries) {}

  @Get('mail')
  @ApiOperation({
    summary: 'Mail settings in force and deliveries by status (admins)',
    description:
      'From the environment (SMTP_URL, MAIL_FROM, MAIL_DKIM_*, …): driver, host, port, TLS, ' +
      'login name (never the password), sender, domain, DKIM on or off; and the outbox counts.',
  })
  @ApiOkResponse({ type: MailSettingsDto })
  @ApiProblems(401, 403)
  mail(): Promise<MailSettingsDto> {
    return this.queries.mailSettings();
  }

  @Get('deliveries')
  @ApiOperation({
    summary: 'Deliveries in one status, newest first (admins)',
    description: 'Failed ones by default: what did not reach its recipient, with the reason.',
  })
  @ApiOkResponse({ type: DeliveryPageDto })
  @ApiProblems(400, 401, 403)
  deliveries(@Query() query: AdminDeliveryQueryDto): Promise<DeliveryPageDto> {
    return this.queries.forAdmin(query);
  }
}
