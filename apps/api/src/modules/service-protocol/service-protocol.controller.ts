import { Controller, Get, HttpCode, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { ProtocolQueryDto, StoredProtocolDto, StoreProtocolQueryDto } from './dto/protocol.dto.js';
import { ServiceProtocolService } from './service-protocol.service.js';

@ApiTags('tickets')
@ApiBearerAuth()
@RequirePermissions(Permission.TicketsRead)
@RequireScope('tickets:read')
@Controller('v1/tickets')
export class ServiceProtocolController {
  constructor(private readonly protocols: ServiceProtocolService) {}

  @Get(':id/protocol')
  @ApiOperation({
    summary: 'The service protocol of a ticket as a PDF (staff)',
    description:
      'Provider (the installation settings’ company details) and customer, service object, equipment, contract, the request and its public replies (never internal notes), the billed work (billable and warranty entries with billed quantities, prices and sums; internal work never) with totals, signature fields; labels and numbers in `lang`, times in the installation’s time zone. A client, or a ticket the caller may not see: 404.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF', schema: { type: 'string', format: 'binary' } })
  @ApiProblems(400, 401, 404)
  async download(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Query() query: ProtocolQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { pdf, fileName } = await this.protocols.render(user, id, query.lang ?? 'en');
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="protocol.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      length: pdf.length,
    });
  }

  @RequireScope('tickets:write')
  @Post(':id/protocol/attachments')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Store the service protocol on the ticket as an attachment (staff)',
    description:
      'The copy holds billed work: it is internal unless the installation lets clients see billed work (then public unless `internal=true`); `internal=false` while clients may not see billed work: 422. A public copy is what clients see of work: billed quantities, no prices or sums; it is a snapshot (turning the setting off later does not withdraw it). A client or an invisible ticket: 404.',
  })
  @ApiCreatedResponse({ type: StoredProtocolDto })
  @ApiProblems(400, 401, 404, 409, 422)
  store(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Query() query: StoreProtocolQueryDto,
  ): Promise<StoredProtocolDto> {
    return this.protocols.store(user, id, query.lang ?? 'en', query.internal);
  }
}
