import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, Public, RequirePermissions } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { AttachmentUploadReceiver, serveStoredFile } from '../tickets/index.js';
import {
  KbAttachmentDto,
  KbAttachmentListDto,
  KbAttachmentListQueryDto,
} from './dto/kb-attachment.dto.js';
import { KbAttachmentsService } from './kb-attachments.service.js';

/** An upload carries the file and nothing else. */
const NO_FIELDS: ReadonlySet<string> = new Set();

const DOWNLOAD_DESCRIPTION =
  'PNG, JPEG, GIF and WebP images are served inline with their type (so `<img>` shows them); ' +
  'every other file, SVG included, as a download (Content-Disposition: attachment). Always ' +
  'with nosniff and a sandboxing Content-Security-Policy, so a file never runs in our origin.';

const FILE_RESPONSE = {
  description: 'The file, with the detected Content-Type',
  content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
} as const;

/** Files of articles for signed-in readers (THE audience rule) and their upload by editors. */
@ApiTags('knowledge-base')
@ApiBearerAuth()
@Controller('v1/kb/articles')
export class KbAttachmentsController {
  constructor(
    private readonly files: KbAttachmentsService,
    private readonly receiver: AttachmentUploadReceiver,
  ) {}

  @Post(':id/attachments')
  @RequirePermissions(Permission.KbEdit)
  @ApiOperation({
    summary: 'Attach a file or an image to an article',
    description:
      'multipart/form-data with the file in `file` (one file, at most ATTACHMENT_MAX_BYTES; ' +
      'at most 100 files per article). The type is detected from the bytes; the declared one ' +
      'is ignored. Refer to an image from the Markdown as `![alt](url)` with the returned `url`.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary', maxLength: 2 * 1024 ** 3 } },
      required: ['file'],
    },
  })
  @ApiCreatedResponse({ type: KbAttachmentDto })
  @ApiProblems(400, 401, 403, 404, 413, 415, 422)
  async upload(
    @CurrentUser() user: AuthUser,
    @IdParam() articleId: string,
    @Req() req: Request,
  ): Promise<KbAttachmentDto> {
    // Who and where before a single byte of the body is read.
    await this.files.assertCanUpload(user, articleId);
    const upload = await this.receiver.receive(req, NO_FIELDS);
    return this.files.create(user, articleId, upload);
  }

  @Get(':id/attachments')
  @ApiOperation({
    summary: "An article's files, oldest first; 404 when the article is not visible",
  })
  @ApiOkResponse({ type: KbAttachmentListDto })
  @ApiProblems(400, 401, 404)
  async list(
    @CurrentUser() user: AuthUser,
    @IdParam() articleId: string,
    @Query() q: KbAttachmentListQueryDto,
  ): Promise<KbAttachmentListDto> {
    return { items: await this.files.list(user, articleId, q.includeDeleted) };
  }

  @Get(':id/attachments/:attachmentId')
  @ApiOperation({
    summary: "Download an article's file (or show an image)",
    description: DOWNLOAD_DESCRIPTION,
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse(FILE_RESPONSE)
  @ApiProblems(401, 404)
  async download(
    @CurrentUser() user: AuthUser,
    @IdParam() articleId: string,
    @IdParam('attachmentId') attachmentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return serveStoredFile(await this.files.open(user, articleId, attachmentId), res);
  }

  @Delete(':id/attachments/:attachmentId')
  @HttpCode(204)
  @RequirePermissions(Permission.KbEdit)
  @ApiOperation({
    summary: "Delete an article's file",
    description:
      'The bytes are removed; the record stays in the file history (`includeDeleted`) with ' +
      'who deleted it and when.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404)
  remove(
    @CurrentUser() user: AuthUser,
    @IdParam() articleId: string,
    @IdParam('attachmentId') attachmentId: string,
  ): Promise<void> {
    return this.files.remove(user, articleId, attachmentId);
  }
}

/** Files of public articles, without signing in (the reader is anonymous whatever is sent). */
@ApiTags('knowledge-base')
@Public()
@Controller('v1/public/kb/articles')
export class KbPublicAttachmentsController {
  constructor(private readonly files: KbAttachmentsService) {}

  @Get(':id/attachments')
  @ApiOperation({ summary: "A public article's files (anonymous); 404 when not public" })
  @ApiOkResponse({ type: KbAttachmentListDto })
  @ApiProblems(404)
  async list(@IdParam() articleId: string): Promise<KbAttachmentListDto> {
    return { items: await this.files.list(null, articleId) };
  }

  @Get(':id/attachments/:attachmentId')
  @ApiOperation({
    summary: "Download a public article's file (anonymous)",
    description: DOWNLOAD_DESCRIPTION,
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse(FILE_RESPONSE)
  @ApiProblems(404)
  async download(
    @IdParam() articleId: string,
    @IdParam('attachmentId') attachmentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return serveStoredFile(await this.files.open(null, articleId, attachmentId), res);
  }
}
