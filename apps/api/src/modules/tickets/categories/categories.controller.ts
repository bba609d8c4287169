import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../../common/auth/decorators.js';
import { IdParam } from '../../../common/http/uuid-param.pipe.js';
import { IdempotentCreate } from '../../../common/idempotency/idempotent-create.decorator.js';
import { ApiProblems } from '../../../common/openapi/api-problems.decorator.js';
import { CategoriesService } from './categories.service.js';
import {
  CategoriesQueryDto,
  CategoryDto,
  CreateCategoryDto,
  UpdateCategoryDto,
} from './dto/category.dto.js';

@ApiTags('categories')
@ApiBearerAuth()
@RequireScope('tickets:read')
@Controller('v1/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @ApiOperation({
    summary: 'Categories, flat: each top-level one followed by its subcategories (parentId)',
    description:
      'Clients get the public active ones (a subcategory only when its parent is public and active too).',
  })
  @ApiOkResponse({ type: [CategoryDto] })
  @ApiProblems(400, 401)
  list(@CurrentUser() user: AuthUser, @Query() query: CategoriesQueryDto): Promise<CategoryDto[]> {
    return this.categories.list(user, query);
  }

  @RequireScope('admin')
  @Post()
  @IdempotentCreate()
  @RequirePermissions(Permission.CategoriesManage)
  @ApiOperation({ summary: 'Create a category (admins, dispatchers); two levels only' })
  @ApiCreatedResponse({ type: CategoryDto })
  @ApiProblems(400, 401, 403, 409, 422)
  create(@Body() dto: CreateCategoryDto): Promise<CategoryDto> {
    return this.categories.create(dto);
  }

  @RequireScope('admin')
  @Patch(':id')
  @RequirePermissions(Permission.CategoriesManage)
  @ApiOperation({
    summary: 'Change or move a category (admins, dispatchers)',
    description:
      'Send the version you read. `active: false` retires it (there is no delete): tickets keep it, new ones cannot use it.',
  })
  @ApiOkResponse({ type: CategoryDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(@IdParam() id: string, @Body() dto: UpdateCategoryDto): Promise<CategoryDto> {
    return this.categories.update(id, dto);
  }
}
