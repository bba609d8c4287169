import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import { RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { AuthorizedRequesters } from './authorized-requesters.service.js';
import {
  AuthorizedRequestersDto,
  UpdateAuthorizedRequestersDto,
} from './dto/authorized-requesters.dto.js';

@ApiTags('contracts')
@ApiBearerAuth()
@RequireScope('directory:read')
@Controller('v1/authorized-requesters')
export class AuthorizedRequestersController {
  constructor(private readonly requesters: AuthorizedRequesters) {}

  @Get(':organizationId')
  @RequirePermissions(Permission.DirectoryRead)
  @ApiOperation({
    summary: 'An organization’s authorized requesters and the switch that puts them in force',
  })
  @ApiOkResponse({ type: AuthorizedRequestersDto })
  @ApiProblems(401, 403, 404)
  get(@IdParam('organizationId') organizationId: string): Promise<AuthorizedRequestersDto> {
    return this.requesters.get(organizationId);
  }

  @RequireScope('admin')
  @Put(':organizationId')
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({
    summary: 'Replace the switch and the whole list of authorized requesters',
    description:
      'Each entry is a contact of the organization, for any request or only under one of its contracts (422 per entry otherwise). Send the version you read (0 for a list never saved).',
  })
  @ApiOkResponse({ type: AuthorizedRequestersDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  replace(
    @IdParam('organizationId') organizationId: string,
    @Body() dto: UpdateAuthorizedRequestersDto,
  ): Promise<AuthorizedRequestersDto> {
    return this.requesters.replace(organizationId, dto);
  }
}
