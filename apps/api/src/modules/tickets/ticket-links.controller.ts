import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { CreateTicketLinkDto, TicketLinkDto } from './dto/ticket-link.dto.js';
import { TicketLinksService } from './ticket-links.service.js';

@ApiTags('tickets')
@ApiBearerAuth()
@RequirePermissions(Permission.TicketsRead)
@RequireScope('tickets:read')
@Controller('v1/tickets/:id/links')
export class TicketLinksController {
  constructor(private readonly links: TicketLinksService) {}

  @Get()
  @ApiOperation({ summary: 'Linked tickets (duplicates, related, parent, children) you may see' })
  @ApiOkResponse({ type: [TicketLinkDto] })
  @ApiProblems(401, 404)
  list(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<TicketLinkDto[]> {
    return this.links.list(user, id);
  }

  @RequireScope('tickets:write')
  @Post()
  @RequirePermissions(Permission.TicketsUpdate)
  @ApiOperation({ summary: 'Link another ticket: duplicate of, related, parent or child (staff)' })
  @ApiCreatedResponse({ type: TicketLinkDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  create(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: CreateTicketLinkDto,
  ): Promise<TicketLinkDto> {
    return this.links.create(user, id, dto);
  }

  @RequireScope('tickets:write')
  @Delete(':linkId')
  @HttpCode(204)
  @RequirePermissions(Permission.TicketsUpdate)
  @ApiOperation({ summary: 'Remove a link (staff)' })
  @ApiNoContentResponse()
  @ApiProblems(401, 403, 404, 409)
  remove(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @IdParam('linkId') linkId: string,
  ): Promise<void> {
    return this.links.remove(user, id, linkId);
  }
}
