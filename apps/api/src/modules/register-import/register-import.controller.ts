import { Readable } from 'node:stream';
import {
  Controller,
  Get,
  HttpCode,
  Param,
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
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { InvalidInputError } from '../../common/errors/domain-errors.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { RegisterImportDto } from './dto/register-import.dto.js';
import { RegisterExportService } from './register-export.service.js';
import { RegisterImportService } from './register-import.service.js';
import { IMPORT_REGISTERS, type ImportRegister } from './register-specs.js';

function register(value: string): ImportRegister {
  if (!(IMPORT_REGISTERS as readonly string[]).includes(value)) {
    throw new InvalidInputError('Unknown register', [
      { field: 'register', message: `must be one of ${IMPORT_REGISTERS.join(', ')}` },
    ]);
  }
  return value as ImportRegister;
}

const REGISTER_PARAM = { name: 'register', enum: IMPORT_REGISTERS };

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('v1')
export class RegisterImportController {
  constructor(
    private readonly imports: RegisterImportService,
    private readonly exports: RegisterExportService,
  ) {}

  @RequireScope('admin')
  @Post('registers/:register/imports')
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({
    summary: 'Upload a CSV file of a register and queue its dry run (administrators)',
    description:
      'multipart/form-data with the file in `file` (at most ATTACHMENT_MAX_BYTES). UTF-8 with or without a BOM, `,` or `;` (detected from the header). The header must name the register’s required columns and no unknown one (422). The dry run checks every row and keeps nothing; poll the import, then start it.',
  })
  @ApiParam(REGISTER_PARAM)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary', maxLength: 2 * 1024 ** 3 } },
      required: ['file'],
    },
  })
  @ApiCreatedResponse({ type: RegisterImportDto })
  @ApiProblems(400, 401, 403, 413, 415, 422)
  upload(
    @CurrentUser() user: AuthUser,
    @Param('register') name: string,
    @Req() req: Request,
  ): Promise<RegisterImportDto> {
    return this.imports.upload(user, register(name), req);
  }

  @RequireScope('admin')
  @Get('register-imports/:id')
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({ summary: 'An import: its state, progress and row errors (administrators)' })
  @ApiOkResponse({ type: RegisterImportDto })
  @ApiProblems(401, 403, 404)
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<RegisterImportDto> {
    return this.imports.get(user, id);
  }

  @RequireScope('admin')
  @Post('register-imports/:id/import')
  @HttpCode(200)
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({
    summary: 'Import a file whose dry run found no error (administrators)',
    description:
      'Queues the import; it is written in one transaction, so if a row fails now (the data changed since the dry run) nothing is kept and the import ends failed with its errors. Rows are matched by external_id: a re-import updates. 409 when the dry run is not clean or the file is imported already.',
  })
  @ApiOkResponse({ type: RegisterImportDto })
  @ApiProblems(401, 403, 404, 409)
  start(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<RegisterImportDto> {
    return this.imports.start(user, id);
  }

  @RequireScope('directory:read')
  @Get('registers/:register/export')
  @ApiOperation({
    summary: 'A register as CSV, in the import’s columns',
    description:
      'UTF-8 with a BOM, streamed; `,` unless `delimiter=semicolon`. References are written as external ids (a row no import created: its id), so the file re-imports as updates. Text a spreadsheet would run as a formula starts with an apostrophe. Rows as the lists show them: a client contact gets their organization’s, without staff notes.',
  })
  @ApiParam(REGISTER_PARAM)
  @ApiQuery({ name: 'delimiter', required: false, enum: ['comma', 'semicolon'] })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV', schema: { type: 'string' } })
  @ApiProblems(400, 401, 403)
  export(
    @CurrentUser() user: AuthUser,
    @Param('register') name: string,
    @Query('delimiter') delimiter: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): StreamableFile {
    const which = register(name);
    if (delimiter !== undefined && delimiter !== 'comma' && delimiter !== 'semicolon') {
      throw new InvalidInputError('Unknown delimiter', [
        { field: 'delimiter', message: 'must be comma or semicolon' },
      ]);
    }
    res.setHeader('Cache-Control', 'private, no-store');
    const lines = this.exports.lines(user, which, delimiter === 'semicolon' ? ';' : ',');
    return new StreamableFile(Readable.from(lines), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${which}.csv"`,
    });
  }
}
