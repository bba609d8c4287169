import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import { RequirePermissions, RequireScope } from '../../../../common/auth/decorators.js';
import { IdParam } from '../../../../common/http/uuid-param.pipe.js';
import { IdempotentCreate } from '../../../../common/idempotency/idempotent-create.decorator.js';
import { ApiProblems } from '../../../../common/openapi/api-problems.decorator.js';
import { MailboxConnectionTest } from '../imap/mailbox-connection-test.js';
import {
  CreateMailboxDto,
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
}
