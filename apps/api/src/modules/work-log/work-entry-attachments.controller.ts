import { Controller, Delete, Get, HttpCode, Post, Req, Res, StreamableFile } from '@nestjs/common';
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
import { CurrentUser, RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { AttachmentUploadReceiver, serveStoredFile } from '../tickets/index.js';
import {
  WorkEntryAttachmentDto,
  WorkEntryAttachmentListDto,
} from './dto/work-entry-attachment.dto.js';
import {
  FILES_PER_WORK_ENTRY,
  WorkEntryAttachmentsService,
} from './work-entry-attachments.service.js';

/** An upload carries the file and nothing else. */
const NO_FIELDS: ReadonlySet<string> = new Set();

/**
 * Files of work entries: staff only (clients never read them, whatever the installation lets
 * them see of billed work), on entries of tickets the reader sees.
 */
@ApiTags('work-log')
@ApiBearerAuth()
@Controller('v1')
export class WorkEntryAttachmentsController {
  constructor(
    private readonly files: WorkEntryAttachmentsService,
    private readonly receiver: AttachmentUploadReceiver,
  ) {}

  @Get('tickets/:id/work-entries/attachments')
  @RequireScope('tickets:read')
  @RequirePermissions(Permission.WorkLogWrite)
  @ApiOperation({
    summary: 'The files of a ticket’s work entries, each with its entry (staff)',
  })
  @ApiOkResponse({ type: WorkEntryAttachmentListDto })
  @ApiProblems(401, 403, 404)
  async forTicket(
    @CurrentUser() user: AuthUser,
    @IdParam() ticketId: string,
  ): Promise<WorkEntryAttachmentListDto> {
    return { items: await this.files.forTicket(user, ticketId) };
  }

  @Post('work-entries/:id/attachments')
  @RequireScope('tickets:write')
  @RequirePermissions(Permission.WorkLogWrite)
  @ApiOperation({
    summary: 'Attach a file to a work entry (staff)',
    description:
      'multipart/form-data with the file in `file` (one file, at most ATTACHMENT_MAX_BYTES, else ' +
      `413; at most ${FILES_PER_WORK_ENTRY} files per entry, else 422). The type is detected ` +
      'from the bytes. Clients never read these files.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary', maxLength: 2 * 1024 ** 3 } },
      required: ['file'],
    },
  })
  @ApiCreatedResponse({ type: WorkEntryAttachmentDto })
  @ApiProblems(400, 401, 403, 404, 413, 415, 422)
  async upload(
    @CurrentUser() user: AuthUser,
    @IdParam() entryId: string,
    @Req() req: Request,
  ): Promise<WorkEntryAttachmentDto> {
    // Who and where before a single byte of the body is read.
    await this.files.assertCanUpload(user, entryId);
    const upload = await this.receiver.receive(req, NO_FIELDS);
    return this.files.create(user, entryId, upload);
  }

  @Get('work-entries/:id/attachments')
  @RequireScope('tickets:read')
  @RequirePermissions(Permission.WorkLogWrite)
  @ApiOperation({ summary: 'A work entry’s files, oldest first (staff)' })
  @ApiOkResponse({ type: WorkEntryAttachmentListDto })
  @ApiProblems(401, 403, 404)
  async list(
    @CurrentUser() user: AuthUser,
    @IdParam() entryId: string,
  ): Promise<WorkEntryAttachmentListDto> {
    return { items: await this.files.forEntry(user, entryId) };
  }

  @Get('work-entries/:id/attachments/:attachmentId')
  @RequireScope('tickets:read')
  @RequirePermissions(Permission.WorkLogWrite)
  @ApiOperation({
    summary: 'Download a work entry’s file (staff)',
    description:
      'PNG, JPEG, GIF and WebP images inline, every other file as a download; always with ' +
      'nosniff and a sandboxing Content-Security-Policy.',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The file, with the detected Content-Type',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(401, 403, 404)
  async download(
    @CurrentUser() user: AuthUser,
    @IdParam() entryId: string,
    @IdParam('attachmentId') attachmentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return serveStoredFile(await this.files.open(user, entryId, attachmentId), res);
  }

  @Delete('work-entries/:id/attachments/:attachmentId')
  @RequireScope('tickets:write')
  @HttpCode(204)
  @RequirePermissions(Permission.WorkLogWrite)
  @ApiOperation({ summary: 'Delete a work entry’s file (staff); its bytes are removed' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404)
  remove(
    @CurrentUser() user: AuthUser,
    @IdParam() entryId: string,
    @IdParam('attachmentId') attachmentId: string,
  ): Promise<void> {
    return this.files.remove(user, entryId, attachmentId);
  }
}
