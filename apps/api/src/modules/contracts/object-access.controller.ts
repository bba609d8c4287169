import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import { RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { ContactObjectAccessDto, UpdateContactObjectAccessDto } from './dto/object-access.dto.js';
import { ContactObjectAccessService } from './object-access.service.js';

@ApiTags('contracts')
@ApiBearerAuth()
@RequireScope('directory:read')
@Controller('v1/contacts')
export class ContactObjectAccessController {
  constructor(private readonly access: ContactObjectAccessService) {}

  @Get(':userId/object-access')
  @RequirePermissions(Permission.DirectoryRead)
  @ApiOperation({
    summary: 'The service objects a client contact is limited to (access by object)',
  })
  @ApiOkResponse({ type: ContactObjectAccessDto })
  @ApiProblems(401, 403, 404)
  get(@IdParam('userId') userId: string): Promise<ContactObjectAccessDto> {
    return this.access.get(userId);
  }

  @RequireScope('admin')
  @Put(':userId/object-access')
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({
    summary: 'Limit a client contact to some service objects of their organization',
    description:
      'The whole set; empty lifts the limit. A limited contact sees only those objects, the equipment at them and the tickets on them, besides their own requests (docs/contracts.md).',
  })
  @ApiOkResponse({ type: ContactObjectAccessDto })
  @ApiProblems(400, 401, 403, 404, 422)
  replace(
    @IdParam('userId') userId: string,
    @Body() dto: UpdateContactObjectAccessDto,
  ): Promise<ContactObjectAccessDto> {
    return this.access.replace(userId, dto);
  }
}
