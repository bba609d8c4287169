import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { IdempotentCreate } from '../../common/idempotency/idempotent-create.decorator.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import {
  CreateKbSectionDto,
  KbSectionDto,
  KbSectionOrderDto,
  UpdateKbSectionDto,
} from './dto/kb-section.dto.js';
import { KbSectionsService } from './kb-sections.service.js';

@ApiTags('knowledge-base')
@ApiBearerAuth()
@Controller('v1/kb/sections')
export class KbSectionsController {
  constructor(private readonly sections: KbSectionsService) {}

  @Get()
  @ApiOperation({
    summary: 'The sections the caller sees, parents before children (a flat tree by parentId)',
  })
  @ApiOkResponse({ type: [KbSectionDto] })
  @ApiProblems(401)
  list(@CurrentUser() user: AuthUser): Promise<KbSectionDto[]> {
    return this.sections.list(user);
  }

  @Post()
  @IdempotentCreate()
  @RequirePermissions(Permission.KbManage)
  @ApiOperation({ summary: 'Add a section' })
  @ApiCreatedResponse({ type: KbSectionDto })
  @ApiProblems(400, 401, 403, 422)
  create(@Body() dto: CreateKbSectionDto): Promise<KbSectionDto> {
    return this.sections.create(dto);
  }

  @Put('order')
  @RequirePermissions(Permission.KbManage)
  @ApiOperation({
    summary: "Order a parent's subsections (or the top sections) in one request",
    description:
      'Positions become 0, 1, 2… as listed. Every subsection of the parent once, each with its version: a stale version is a 409 (naming the section and its current version) and nothing changes; a missing, extra or repeated one is a 422; an unknown parent is a 422. Answers the subsections in their new order.',
  })
  @ApiOkResponse({ type: [KbSectionDto] })
  @ApiProblems(400, 401, 403, 409, 422)
  reorder(@Body() dto: KbSectionOrderDto): Promise<KbSectionDto[]> {
    return this.sections.reorder(dto);
  }

  @Patch(':id')
  @RequirePermissions(Permission.KbManage)
  @ApiOperation({ summary: 'Change or move a section (its subtree moves with it)' })
  @ApiOkResponse({ type: KbSectionDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(@IdParam() id: string, @Body() dto: UpdateKbSectionDto): Promise<KbSectionDto> {
    return this.sections.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.KbManage)
  @ApiOperation({ summary: 'Delete an empty section (409 while it has subsections or articles)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404, 409)
  remove(@IdParam() id: string): Promise<void> {
    return this.sections.remove(id);
  }
}
