import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { MyProjectListDto } from './dto/project.dto.js';
import { ProjectsService } from './projects.service.js';

/** Any person's own projects: the portal offers them when filing and as a list filter. */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('v1/me/projects')
export class MeProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @ApiOperation({
    summary: 'The active projects I am a member or the manager of',
    description:
      'Names and ids only, by name. A client may file a ticket against one of these (`projectId`) and filter their list by it; other projects stay unknown to them.',
  })
  @ApiOkResponse({ type: MyProjectListDto })
  @ApiProblems(401)
  list(@CurrentUser() user: AuthUser): Promise<MyProjectListDto> {
    return this.projects.forMember(user.id);
  }
}
