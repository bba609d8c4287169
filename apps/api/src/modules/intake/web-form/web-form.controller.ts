import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConsumes,
  ApiExtension,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { sql } from '../../../common/database/sql.js';
import { Public } from '../../../common/auth/decorators.js';
import { NotFoundError } from '../../../common/errors/domain-errors.js';
import { RateLimited } from '../../../common/http/rate-limit.js';
import { THROTTLERS } from '../../../common/http/throttling/throttlers.js';
import { ApiProblems } from '../../../common/openapi/api-problems.decorator.js';
import { FIELD_LIMITS } from '../../../common/openapi/request-fields.js';
import { DataSource } from 'typeorm';
import type { TranslatedText } from '@relaydesk/contracts';
import {
  WebFormConfigDto,
  WebFormConfirmationDto,
  WebFormSubmissionDto,
  WebFormSubmissionResultDto,
} from './dto/web-form-public.dto.js';
import { FormTokens } from './form-token.js';
import { toFormFiles } from './web-form-files.js';
import {
  admittedSettings,
  formUploads,
  MAX_FORM_FILES,
  WebFormUploadInterceptor,
} from './web-form-upload.interceptor.js';
import {
  InjectConfig,
  storageConfig,
  type StorageConfig,
} from '../../../config/config-namespaces.js';
import { WebFormConfirmationsService } from './web-form-confirmations.service.js';
import { WebFormSettingsService } from './web-form-settings.service.js';
import { WebFormSubmissionsService } from './web-form-submissions.service.js';

const CONFIRMATION_TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

/**
 * The public web form: no sign-in. What a visitor may learn is what the page shows (whether the
 * form is open and its request types), never whether an address has an account.
 */
@ApiTags('web-form')
@Public()
@Controller('v1/web-form')
export class WebFormController {
  constructor(
    private readonly db: DataSource,
    private readonly settings: WebFormSettingsService,
    private readonly tokens: FormTokens,
    private readonly submissions: WebFormSubmissionsService,
    private readonly confirmations: WebFormConfirmationsService,
    @InjectConfig(storageConfig) private readonly storage: StorageConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'What the web form page needs',
    description:
      'Whether the form is open, the request types it offers (names in every language) and a ' +
      'fresh form token: send it back with the submission (it dates the opening of the form).',
  })
  @ApiOkResponse({ type: WebFormConfigDto })
  // It reads the settings and types from the database: 503 while that is away.
  @ApiProblems(503)
  async config(): Promise<WebFormConfigDto> {
    const settings = await this.settings.current();
    const limits = { maxFiles: MAX_FORM_FILES, maxFileBytes: this.storage.attachmentMaxBytes };
    if (!settings.enabled) return { enabled: false, types: [], formToken: '', ...limits };
    const types = await sql<{ id: string; name: TranslatedText }>(
      this.db.manager,
      `SELECT t.id, t.name FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n)
         JOIN ticket_types t ON t.id = o.id AND t.is_public AND t.active
        ORDER BY o.n`,
      [settings.typeIds],
    );
    return { enabled: true, types, formToken: this.tokens.issue(), ...limits };
  }

  @Post('submissions')
  @HttpCode(202)
  @UseInterceptors(WebFormUploadInterceptor)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiExtension('x-rate-limited', true)
  @ApiOperation({
    summary: 'Send the web form',
    description:
      'Always 202 `accepted` ("check your mail"), whoever the address belongs to: the sender ' +
      'gets a confirmation link by e-mail and the ticket exists once it is followed; only when ' +
      'the settings file known contacts at once is a contact’s ticket created now, and its ' +
      'number comes by the acknowledgement mail. A form sent sooner than the minimum fill time after its ' +
      'token was issued, or with a token already used, is 422; per network (IPv6: per /64) and ' +
      'per mailbox there are hourly limits (429). 404 while the form is closed. The closed form ' +
      'and the network limit are answered before the body is read. With files: ' +
      'multipart/form-data, the same fields and up to 5 files in `files`, each and all together ' +
      'at most ATTACHMENT_MAX_BYTES (413, as soon as the bytes received pass it); they become ' +
      'the ticket’s attachments.',
  })
  @ApiAcceptedResponse({
    type: WebFormSubmissionResultDto,
    description: 'Accepted; what follows is told by e-mail to the address',
  })
  @ApiProblems(400, 404, 413, 422, 429)
  async submit(
    @Body() dto: WebFormSubmissionDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WebFormSubmissionResultDto> {
    return this.submissions.submit(dto, admittedSettings(req), res, toFormFiles(formUploads(req)));
  }

  @Post('confirm/:token')
  @HttpCode(200)
  @RateLimited({
    by: [THROTTLERS.accountToken],
    message: 'Too many attempts from your network; try again later',
  })
  @ApiOperation({
    summary: 'Confirm a web form request with the mailed link’s token',
    description:
      'Creates the contact (when new) and the ticket, once: following the link again answers ' +
      '`already_confirmed` with the same ticket number. Unknown token 404, expired 410. The ' +
      'portal page at the link asks for a click first, so mail scanners that open links confirm ' +
      'nothing.',
  })
  @ApiParam({
    name: 'token',
    schema: { type: 'string', maxLength: FIELD_LIMITS.token, pattern: CONFIRMATION_TOKEN.source },
  })
  @ApiOkResponse({ type: WebFormConfirmationDto })
  @ApiProblems(404, 410, 422, 429)
  confirm(@Param('token') token: string): Promise<WebFormConfirmationDto> {
    // A malformed token names no request: the same 404 as an unknown one.
    if (!CONFIRMATION_TOKEN.test(token)) throw new NotFoundError('Confirmation link');
    return this.confirmations.confirm(token);
  }
}
