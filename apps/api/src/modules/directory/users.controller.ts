import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import {
  CreateUserDto,
  UpdateUserDto,
  UserDto,
  UserListQueryDto,
  UserPageDto,
} from './dto/user.dto.js';
import { UsersService } from './users.service.js';
import { IdempotentCreate } from '../../common/idempotency/idempotent-create.decorator.js';

@ApiTags('users')
@ApiBearerAuth()
@RequirePermissions(Permission.DirectoryRead)
@RequireScope('directory:read')
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List users by name (staff only)' })
  @ApiOkResponse({ type: UserPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: UserListQueryDto): Promise<UserPageDto> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user (staff only)' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(401, 403, 404)
  get(@IdParam() id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @RequireScope('admin')
  @Post()
  @IdempotentCreate()
  @RequirePermissions(Permission.ClientUsersManage)
  @ApiOperation({
    summary: 'Create a user',
    description: 'Admins create any user; dispatchers only client users (anything else is a 403).',
  })
  @ApiCreatedResponse({ type: UserDto })
  @ApiProblems(400, 401, 403, 409, 422)
  create(@CurrentUser() caller: AuthUser, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(caller, dto);
  }

  @RequireScope('admin')
  @Patch(':id')
  @RequirePermissions(Permission.ClientUsersManage)
  @ApiOperation({
    summary: 'Change a user',
    description:
      'Send the version you read. Admins change any user; dispatchers only client users and ' +
      'cannot make them staff (403). `active: false` deactivates (there is no delete); an admin ' +
      'cannot demote or deactivate themselves or the last active admin (422).',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserDto> {
    return this.users.update(caller, id, dto);
  }
}
