import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import {
  SatisfactionReportDto,
  SatisfactionReportQueryDto,
} from './dto/satisfaction-report.dto.js';
import { SatisfactionReportService } from './satisfaction-report.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@RequirePermissions(Permission.ReportsView)
@RequireScope('admin')
@Controller('v1/reports')
export class ReportsController {
  constructor(private readonly satisfaction: SatisfactionReportService) {}

  @Get('satisfaction')
  @ApiOperation({
    summary: 'Satisfaction ratings: average, distribution, by agent and by period',
    description:
      'Over the ratings given in [from, to) on tickets the caller may see: through acceptance ' +
      'in the portal and through rating links.',
  })
  @ApiOkResponse({ type: SatisfactionReportDto })
  @ApiProblems(400, 401, 403)
  satisfactionReport(
    @CurrentUser() user: AuthUser,
    @Query() query: SatisfactionReportQueryDto,
  ): Promise<SatisfactionReportDto> {
    return this.satisfaction.report(user, query);
  }
}
