import { applyDecorators, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import { RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { IdempotentCreate } from '../../common/idempotency/idempotent-create.decorator.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';

/*
 * The registers (contracts, service objects, equipment types and items) share one access model:
 * anyone with directory:read reads (visibility narrows what a client sees), staff with
 * contracts.manage and an admin-scoped token write. These decorators keep that model in one place
 * so a register cannot drift from it; the handlers stay explicit so their DTO types still reach
 * the validation pipe.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a DTO class, as Swagger takes it
type DtoClass = abstract new (...args: any[]) => unknown;

export const RegisterController = (path: string) =>
  applyDecorators(
    ApiTags('contracts'),
    ApiBearerAuth(),
    RequireScope('directory:read'),
    Controller(path),
  );

export const RegisterList = (summary: string, description: string, page: DtoClass) =>
  applyDecorators(
    Get(),
    ApiOperation({ summary, description }),
    ApiOkResponse({ type: page }),
    ApiProblems(400, 401),
  );

export const RegisterGet = (summary: string, type: DtoClass) =>
  applyDecorators(
    Get(':id'),
    ApiOperation({ summary }),
    ApiOkResponse({ type }),
    ApiProblems(401, 404),
  );

const manage = () =>
  applyDecorators(RequireScope('admin'), RequirePermissions(Permission.ContractsManage));

export const RegisterCreate = (summary: string, description: string, type: DtoClass) =>
  applyDecorators(
    manage(),
    Post(),
    IdempotentCreate(),
    ApiOperation({ summary, description }),
    ApiCreatedResponse({ type }),
    ApiProblems(400, 401, 403, 422),
  );

export const RegisterUpdate = (summary: string, type: DtoClass) =>
  applyDecorators(
    manage(),
    Patch(':id'),
    ApiOperation({ summary, description: 'Send the version you read; a stale one gets 409.' }),
    ApiOkResponse({ type }),
    ApiProblems(400, 401, 403, 404, 409, 422),
  );

export const RegisterDelete = (summary: string) =>
  applyDecorators(
    manage(),
    Delete(':id'),
    HttpCode(204),
    ApiOperation({ summary }),
    ApiNoContentResponse({ description: 'Deleted' }),
    ApiProblems(401, 403, 404, 409),
  );
