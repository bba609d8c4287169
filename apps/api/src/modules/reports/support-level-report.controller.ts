import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import {
  SupportLevelReportDto,
  SupportLevelReportQueryDto,
} from './dto/support-level-report.dto.js';
import { SupportLevelReportService } from './support-level-report.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@RequirePermissions(Permission.ReportsView)
@RequireScope('admin')
@Controller('v1/reports')
export class SupportLevelReportController {
  constructor(private readonly report: SupportLevelReportService) {}

  @Get('support-levels')
  @ApiOperation({
    summary: 'Tickets and time per support level (L1, L2, L3)',
    description:
      'Per level: the tickets that reached it in [from, to) and the average and median time ' +
      'they spent at it, computed from the ticket history.',
  })
  @ApiOkResponse({ type: SupportLevelReportDto })
  @ApiProblems(400, 401, 403)
  supportLevels(
    @CurrentUser() user: AuthUser,
    @Query() query: SupportLevelReportQueryDto,
  ): Promise<SupportLevelReportDto> {
    return this.report.report(user, query);
  }
}
