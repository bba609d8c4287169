import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
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
import { CurrentUser, RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { AttachmentUploadReceiver, serveStoredFile } from '../tickets/index.js';
import {
  ContractDocumentDto,
  ContractDocumentListDto,
  ContractDocumentListQueryDto,
  UpdateContractDocumentDto,
} from './dto/contract-document.dto.js';
import { ContractDocumentsService, DOCUMENTS_PER_CONTRACT } from './contract-documents.service.js';

/** An upload carries the file and, optionally, whether it is shared with the client. */
const UPLOAD_FIELDS: ReadonlySet<string> = new Set(['shared']);

/**
 * Documents of a contract: readers of the contract (THE register rule) list and download them,
 * a client only the shared ones; staff with contracts.manage upload, share and delete.
 */
@ApiTags('contracts')
@ApiBearerAuth()
@RequireScope('directory:read')
@Controller('v1/contracts')
export class ContractDocumentsController {
  constructor(
    private readonly documents: ContractDocumentsService,
    private readonly receiver: AttachmentUploadReceiver,
  ) {}

  @Post(':id/documents')
  @RequireScope('admin')
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({
    summary: 'Attach a document to a contract',
    description:
      'multipart/form-data with the file in `file` (one file, at most ATTACHMENT_MAX_BYTES, else ' +
      `413; at most ${DOCUMENTS_PER_CONTRACT} documents per contract, else 422) and optionally ` +
      '`shared` (`true`: the contacts of the contract’s organization who see the contract read ' +
      'it; staff only by default). The type is detected from the bytes.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        file: { type: 'string', format: 'binary', maxLength: 2 * 1024 ** 3 },
        shared: { type: 'string', enum: ['true', 'false'] },
      },
      required: ['file'],
    },
  })
  @ApiCreatedResponse({ type: ContractDocumentDto })
  @ApiProblems(400, 401, 403, 404, 413, 415, 422)
  async upload(
    @CurrentUser() user: AuthUser,
    @IdParam() contractId: string,
    @Req() req: Request,
  ): Promise<ContractDocumentDto> {
    // Who and where before a single byte of the body is read.
    await this.documents.assertCanUpload(user, contractId);
    const upload = await this.receiver.receive(req, UPLOAD_FIELDS);
    return this.documents.create(user, contractId, upload);
  }

  @Get(':id/documents')
  @ApiOperation({
    summary: "A contract's documents, oldest first",
    description:
      'Staff: every document (`includeDeleted`: the deleted ones too). A client contact: the ' +
      'shared documents of a contract they see. 404 when the contract is not visible.',
  })
  @ApiOkResponse({ type: ContractDocumentListDto })
  @ApiProblems(400, 401, 404)
  async list(
    @CurrentUser() user: AuthUser,
    @IdParam() contractId: string,
    @Query() q: ContractDocumentListQueryDto,
  ): Promise<ContractDocumentListDto> {
    return { items: await this.documents.list(user, contractId, q.includeDeleted) };
  }

  @Get(':id/documents/:documentId')
  @ApiOperation({
    summary: "Download a contract's document",
    description:
      'PNG, JPEG, GIF and WebP images inline, every other file as a download; always with ' +
      'nosniff and a sandboxing Content-Security-Policy. A client: shared documents only (404).',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The file, with the detected Content-Type',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(401, 404)
  async download(
    @CurrentUser() user: AuthUser,
    @IdParam() contractId: string,
    @IdParam('documentId') documentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return serveStoredFile(await this.documents.open(user, contractId, documentId), res);
  }

  @Patch(':id/documents/:documentId')
  @RequireScope('admin')
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({
    summary: 'Share a document with the client, or make it staff only again',
    description: 'Send the version you read; a stale one gets 409.',
  })
  @ApiOkResponse({ type: ContractDocumentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() contractId: string,
    @IdParam('documentId') documentId: string,
    @Body() dto: UpdateContractDocumentDto,
  ): Promise<ContractDocumentDto> {
    return this.documents.update(user, contractId, documentId, dto);
  }

  @Delete(':id/documents/:documentId')
  @HttpCode(204)
  @RequireScope('admin')
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({
    summary: "Delete a contract's document",
    description:
      'The bytes are removed; the record stays in the file history (`includeDeleted`) with who ' +
      'deleted it and when.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404)
  remove(
    @CurrentUser() user: AuthUser,
    @IdParam() contractId: string,
    @IdParam('documentId') documentId: string,
  ): Promise<void> {
    return this.documents.remove(user, contractId, documentId);
  }
}
