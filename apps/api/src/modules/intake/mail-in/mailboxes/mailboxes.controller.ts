import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Patch,
  Post,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import { RequirePermissions, RequireScope } from '../../../../common/auth/decorators.js';
import { IdParam } from '../../../../common/http/uuid-param.pipe.js';
import { IdempotentCreate } from '../../../../common/idempotency/idempotent-create.decorator.js';
import { ApiProblems } from '../../../../common/openapi/api-problems.decorator.js';
import { InboundMailOutcomeDto } from '../http/inbound-mail.controller.js';
import { MailboxConnectionTest } from '../imap/mailbox-connection-test.js';
import { FailedMessageRetry } from './failed-message-retry.js';
import {
  CreateMailboxDto,
  FailedMessageDto,
  MailboxDto,
  MailboxTestResultDto,
  UpdateMailboxDto,
} from './mailbox.dto.js';
import { MailboxesService } from './mailboxes.service.js';

const PASSWORD_NOTE =
  'The IMAP password is write-only: stored encrypted (SECRETS_KEY), never returned ' +
  '(`passwordSet` says one is stored).';

@ApiTags('mailboxes')
@ApiBearerAuth()
@RequirePermissions(Permission.MailManage)
@RequireScope('admin')
@Controller('v1/admin/mailboxes')
export class MailboxesController {
  constructor(
    private readonly mailboxes: MailboxesService,
    private readonly connectionTest: MailboxConnectionTest,
    private readonly retries: FailedMessageRetry,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Support mailboxes polled over IMAP, with their poller status (admin)',
  })
  @ApiOkResponse({ type: [MailboxDto] })
  @ApiProblems(401, 403)
  list(): Promise<MailboxDto[]> {
    return this.mailboxes.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One support mailbox (admin)' })
  @ApiOkResponse({ type: MailboxDto })
  @ApiProblems(401, 403, 404)
  get(@IdParam() id: string): Promise<MailboxDto> {
    return this.mailboxes.get(id);
  }

  @Post()
  @IdempotentCreate()
  @ApiOperation({ summary: 'Add a support mailbox (admin)', description: PASSWORD_NOTE })
  @ApiCreatedResponse({ type: MailboxDto })
  @ApiProblems(400, 401, 403, 409, 422)
  create(@Body() dto: CreateMailboxDto): Promise<MailboxDto> {
    return this.mailboxes.create(dto);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a support mailbox (admin)',
    description: `Send the version you read. ${PASSWORD_NOTE} Leave it out to keep it; a new host needs it again.`,
  })
  @ApiOkResponse({ type: MailboxDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(@IdParam() id: string, @Body() dto: UpdateMailboxDto): Promise<MailboxDto> {
    return this.mailboxes.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a support mailbox (admin)',
    description: 'Refused (409) once messages came through it: deactivate it instead.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404, 409)
  async delete(@IdParam() id: string): Promise<void> {
    await this.mailboxes.delete(id);
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Test the connection: log in, open the folder, count its messages (admin)',
    description:
      'A server that refuses or does not answer (10 s) is a result with `ok: false` and the ' +
      'reason, not an error. Nothing in the mailbox changes.',
  })
  @ApiOkResponse({ type: MailboxTestResultDto })
  @ApiProblems(401, 403, 404)
  test(@IdParam() id: string): Promise<MailboxTestResultDto> {
    return this.connectionTest.run(id);
  }

  @Get(':id/failed-messages')
  @ApiOperation({
    summary: 'Messages of this mailbox that could not be processed, with the error (admin)',
    description:
      'Each was moved to the failed folder on the server and kept here with its raw bytes; ' +
      'newest first, at most 200.',
  })
  @ApiOkResponse({ type: [FailedMessageDto] })
  @ApiProblems(401, 403, 404)
  failedMessages(@IdParam() id: string): Promise<FailedMessageDto[]> {
    return this.mailboxes.failedMessages(id);
  }

  @Get(':id/failed-messages/:messageId/raw')
  @Header('Content-Type', 'message/rfc822')
  @Header('Content-Disposition', 'attachment; filename="message.eml"')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: 'The raw .eml of a failed message (admin)' })
  @ApiProduces('message/rfc822')
  @ApiOkResponse({
    description: 'The message as received',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiProblems(401, 403, 404)
  async failedMessageRaw(
    @IdParam() id: string,
    @IdParam('messageId') messageId: string,
  ): Promise<StreamableFile> {
    return new StreamableFile(await this.mailboxes.failedMessageRaw(id, messageId));
  }

  @Post(':id/failed-messages/:messageId/retry')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run a failed message through the ingest again (admin)',
    description:
      'The stored raw copy is filed as if it had just arrived (after a fix, or when the failure ' +
      'was passing); the answer is the new outcome. The old entry leaves the failed list; a ' +
      'message that fails again is listed anew with its new error.',
  })
  @ApiOkResponse({ type: InboundMailOutcomeDto })
  @ApiProblems(401, 403, 404)
  retry(
    @IdParam() id: string,
    @IdParam('messageId') messageId: string,
  ): Promise<InboundMailOutcomeDto> {
    return this.retries.retry(id, messageId);
  }
}
