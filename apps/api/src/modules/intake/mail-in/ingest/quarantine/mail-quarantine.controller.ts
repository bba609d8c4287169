import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../../../../common/auth/auth-user.js';
import {
  CurrentUser,
  RequirePermissions,
  RequireScope,
} from '../../../../../common/auth/decorators.js';
import { IdParam } from '../../../../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../../../../common/openapi/api-problems.decorator.js';
import {
  AcceptedMailDto,
  AcceptQuarantinedMailDto,
  QuarantinedMailDetailDto,
  QuarantinePageDto,
  QuarantinePageQueryDto,
} from './mail-quarantine.dto.js';
import { MailQuarantineService } from './mail-quarantine.service.js';

@ApiTags('mailboxes')
@ApiBearerAuth()
@RequirePermissions(Permission.MailQuarantineManage)
@RequireScope('admin')
@Controller('v1/admin/mail-quarantine')
export class MailQuarantineController {
  constructor(private readonly quarantine: MailQuarantineService) {}

  @Get()
  @ApiOperation({
    summary: 'Held inbound mail, oldest first (admins, dispatchers)',
    description:
      'Mail from unknown senders (mailbox policy quarantine), over the per-sender rate limit, ' +
      'or answering a ticket its sender may not see. Nothing is done with it until accepted.',
  })
  @ApiOkResponse({ type: QuarantinePageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: QuarantinePageQueryDto): Promise<QuarantinePageDto> {
    return this.quarantine.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One held mail with its text and file names' })
  @ApiOkResponse({ type: QuarantinedMailDetailDto })
  @ApiProblems(401, 403, 404, 409)
  get(@IdParam() id: string): Promise<QuarantinedMailDetailDto> {
    return this.quarantine.get(id);
  }

  @Get(':id/raw')
  @Header('Content-Type', 'message/rfc822')
  @Header('Content-Disposition', 'attachment; filename="message.eml"')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: 'The held mail as received (.eml)' })
  @ApiProduces('message/rfc822')
  @ApiOkResponse({
    description: 'The raw message',
    content: { 'message/rfc822': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(401, 403, 404)
  async raw(@IdParam() id: string): Promise<StreamableFile> {
    return new StreamableFile(await this.quarantine.raw(id));
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept: file it as a new ticket from the stored message',
    description:
      'The sender’s contact is used, or created (in `organizationId`, or the organization that ' +
      'allows the domain). Always a new ticket: a held reply never lands on the ticket it ' +
      'pointed at. 409 when it was decided already.',
  })
  @ApiOkResponse({ type: AcceptedMailDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  accept(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() body: AcceptQuarantinedMailDto,
  ): Promise<AcceptedMailDto> {
    return this.quarantine.accept(user, id, body.organizationId);
  }

  @Post(':id/discard')
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard: no ticket; the raw message is kept, marked discarded' })
  @ApiNoContentResponse({ description: 'Discarded' })
  @ApiProblems(401, 403, 404, 409)
  async discard(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<void> {
    await this.quarantine.discard(user, id);
  }
}
