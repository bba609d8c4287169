import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { ProjectWatchersDto, ReplaceProjectWatchersDto } from './dto/project-watcher.dto.js';
import { ProjectWatchersService } from './project-watchers.service.js';

@ApiTags('projects')
@ApiBearerAuth()
@RequirePermissions(Permission.DirectoryRead)
@RequireScope('directory:read')
@Controller('v1/projects/:id/watchers')
export class ProjectWatchersController {
  constructor(private readonly watchers: ProjectWatchersService) {}

  @Get()
  @ApiOperation({
    summary: 'The project’s notification list (staff)',
    description: 'People told about every ticket of the project, while they may see the ticket.',
  })
  @ApiOkResponse({ type: ProjectWatchersDto })
  @ApiProblems(401, 403, 404)
  list(@IdParam() id: string): Promise<ProjectWatchersDto> {
    return this.watchers.list(id);
  }

  @RequireScope('admin')
  @Put()
  @ApiOperation({
    summary: 'Replace the project’s notification list (admins, dispatchers, its manager)',
    description:
      'The list becomes exactly `userIds` (send the whole list; an empty one clears it). ' +
      'Staff and client contacts may be on it; each must be active (422 per id). Edits are ' +
      'applied one after the other: the answer is the list as stored.',
  })
  @ApiOkResponse({ type: ProjectWatchersDto })
  @ApiProblems(400, 401, 403, 404, 422)
  replace(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: ReplaceProjectWatchersDto,
  ): Promise<ProjectWatchersDto> {
    return this.watchers.replace(user, id, dto.userIds);
  }
}
