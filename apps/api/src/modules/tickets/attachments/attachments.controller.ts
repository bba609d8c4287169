import { Controller, Get, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../../common/auth/decorators.js';
import { ParseIdPipe } from '../../../common/http/uuid-param.pipe.js';
import { UUID_SCHEMA } from '../../../common/openapi/request-fields.js';
import { ApiProblems } from '../../../common/openapi/api-problems.decorator.js';
import { AttachmentUploadReceiver } from './attachment-upload.receiver.js';
import { AttachmentsService } from './attachments.service.js';
import { AttachmentDto, AttachmentListQueryDto, AttachmentPageDto } from './dto/attachment.dto.js';
import { attachmentDisposition } from './file-name.js';

@ApiTags('attachments')
@ApiBearerAuth()
@RequirePermissions(Permission.TicketsRead)
@RequireScope('tickets:read')
@Controller('v1/tickets')
export class TicketAttachmentsController {
  constructor(
    private readonly attachments: AttachmentsService,
    private readonly receiver: AttachmentUploadReceiver,
  ) {}

  @RequireScope('tickets:write')
  @Post(':id/attachments')
  @ApiOperation({
    summary: 'Attach a file to a ticket, optionally to one of its comments',
    description:
      'multipart/form-data with the file in `file` (one file, at most ATTACHMENT_MAX_BYTES) and ' +
      'an optional `commentId`. Attached to an internal comment, the file is internal too. The ' +
      'content type is detected from the bytes; the declared one is ignored.',
  })
  @ApiParam({ name: 'id', ...UUID_SCHEMA, description: 'Ticket id' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          // The largest ATTACHMENT_MAX_BYTES accepts; the configured limit (25 MB by default)
          // answers 413 above it.
          maxLength: 2 * 1024 ** 3,
        },
        commentId: { type: 'string', ...UUID_SCHEMA },
      },
      required: ['file'],
    },
  })
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiProblems(400, 401, 403, 404, 413, 415)
  async upload(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) ticketId: string,
    @Req() req: Request,
  ): Promise<AttachmentDto> {
    // Who and where before a single byte of the body is read.
    await this.attachments.assertCanUpload(user, ticketId);
    const upload = await this.receiver.receive(req);
    return this.attachments.create(user, ticketId, upload);
  }

  @Get(':id/attachments')
  @ApiOperation({ summary: "A ticket's attachments the caller may see, oldest first" })
  @ApiParam({ name: 'id', ...UUID_SCHEMA, description: 'Ticket id' })
  @ApiOkResponse({ type: AttachmentPageDto })
  @ApiProblems(400, 401, 403, 404)
  list(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) ticketId: string,
    @Query() query: AttachmentListQueryDto,
  ): Promise<AttachmentPageDto> {
    return this.attachments.list(user, ticketId, query);
  }
}

@ApiTags('attachments')
@ApiBearerAuth()
@RequirePermissions(Permission.TicketsRead)
@RequireScope('tickets:read')
@Controller('v1/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get(':id')
  @ApiOperation({ summary: "An attachment's metadata" })
  @ApiParam({ name: 'id', ...UUID_SCHEMA, description: 'Attachment id' })
  @ApiOkResponse({ type: AttachmentDto })
  @ApiProblems(401, 403, 404)
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) attachmentId: string,
  ): Promise<AttachmentDto> {
    return this.attachments.get(user, attachmentId);
  }

  @Get(':id/content')
  @ApiOperation({
    summary: "Download an attachment's contents",
    description:
      'Always served as a download (Content-Disposition: attachment) with nosniff and a ' +
      'sandboxing Content-Security-Policy, so an uploaded file never runs in our origin.',
  })
  @ApiParam({ name: 'id', ...UUID_SCHEMA, description: 'Attachment id' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The file, with the detected Content-Type',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(401, 403, 404)
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) attachmentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { attachment, content } = await this.attachments.openContent(user, attachmentId);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(content, {
      type: attachment.contentType,
      length: attachment.sizeBytes,
      disposition: attachmentDisposition(attachment.fileName),
    });
  }
}
