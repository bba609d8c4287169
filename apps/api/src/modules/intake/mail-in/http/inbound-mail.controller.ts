import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { Request } from 'express';
import type { AuthUser } from '../../../../common/auth/auth-user.js';
import { CurrentUser, RequireScope } from '../../../../common/auth/decorators.js';
import {
  BusinessRuleError,
  ForbiddenError,
  NotFoundError,
  UnsupportedMediaTypeError,
} from '../../../../common/errors/domain-errors.js';
import { ApiProblems } from '../../../../common/openapi/api-problems.decorator.js';
import { UUID_SCHEMA } from '../../../../common/openapi/request-fields.js';
import { IsOptionalNonNull } from '../../../../common/validation/dto-decorators.js';
import { MailIngestPort } from '../imap/mail-ingest-port.js';
import { MailboxesService } from '../mailboxes/mailboxes.service.js';
import { INBOUND_MAIL_MAX_BYTES, INBOUND_MAIL_TYPES } from './inbound-mail-body.js';

const RESULTS = [
  'created',
  'replied',
  'duplicate',
  'ignored',
  'quarantined',
  'refused',
  'bounce',
  'failed',
] as const;

export class InboundMailQueryDto {
  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description: "The mailbox whose defaults apply (the installation's when left out)",
  })
  @IsOptionalNonNull()
  @IsUUID('loose')
  mailbox?: string;
}

export class InboundMailOutcomeDto {
  @ApiProperty({ enum: RESULTS }) result!: (typeof RESULTS)[number];
  @ApiProperty({ format: 'uuid', description: 'The stored message' }) inboundMessageId!: string;
  @ApiPropertyOptional({ format: 'uuid' }) ticketId?: string;
  @ApiPropertyOptional({ description: 'Why it failed (result failed); the message is kept' })
  error?: string;
}

/**
 * Raw mail piped in over HTTP by an MTA (deployments without IMAP): the same ingest as the
 * poller, so the same exactly-once keys (the Message-ID) and the same outcomes.
 */
@ApiTags('inbound-mail')
@ApiBearerAuth()
@RequireScope('inbound-mail:write')
@Controller('v1/inbound-mail')
export class InboundMailController {
  constructor(
    private readonly ingest: MailIngestPort,
    private readonly mailboxes: MailboxesService,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Receive one raw RFC 822 message (API token with scope inbound-mail:write)',
    description:
      `The body is the message as received (\`message/rfc822\` or \`application/octet-stream\`, ` +
      `at most ${INBOUND_MAIL_MAX_BYTES} bytes). It becomes a ticket, a comment, a quarantine ` +
      'entry, a refusal or a bounce mark, exactly as a mail fetched from a mailbox; sending ' +
      'the same message again answers `duplicate`. Only API tokens may call it.',
  })
  @ApiConsumes(...INBOUND_MAIL_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({ type: InboundMailOutcomeDto })
  @ApiProblems(400, 401, 403, 404, 413, 415, 422)
  async receive(
    @CurrentUser() user: AuthUser,
    @Query() query: InboundMailQueryDto,
    @Req() req: Request,
  ): Promise<InboundMailOutcomeDto> {
    if (!user.token) {
      throw new ForbiddenError('This endpoint is for an MTA with an API token, not for people');
    }
    if (!Buffer.isBuffer(req.body)) {
      throw new UnsupportedMediaTypeError('Send the message as message/rfc822');
    }
    if (req.body.length === 0) throw new BusinessRuleError('The message is empty');
    if (query.mailbox) {
      const mailbox = await this.mailboxes.get(query.mailbox).catch(() => null);
      if (!mailbox) throw new NotFoundError('Mailbox');
    }
    const outcome = await this.ingest.ingest(
      { kind: 'http', mailboxId: query.mailbox ?? null },
      req.body,
    );
    return {
      result: outcome.result,
      inboundMessageId: outcome.inboundMessageId,
      ...(outcome.ticketId ? { ticketId: outcome.ticketId } : {}),
      ...(outcome.error ? { error: outcome.error } : {}),
    };
  }
}
