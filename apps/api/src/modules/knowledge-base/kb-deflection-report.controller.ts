import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import { RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import {
  KbDeflectionReportDto,
  KbDeflectionReportQueryDto,
} from './dto/kb-deflection-report.dto.js';
import { KbDeflectionReportService } from './kb-deflection-report.service.js';

/**
 * Under /reports with the other reports and their permission, but kept here: the knowledge base
 * owns the sessions and the rule of what a deflection is.
 */
@ApiTags('reports')
@ApiBearerAuth()
@RequirePermissions(Permission.ReportsView)
@RequireScope('admin')
@Controller('v1/reports')
export class KbDeflectionReportController {
  constructor(private readonly report: KbDeflectionReportService) {}

  @Get('kb-deflections')
  @ApiOperation({
    summary: 'Knowledge-base deflections: new tickets not filed after suggested articles',
    description:
      'Sessions of the portal’s new-ticket form whose first suggested article was opened in ' +
      '[from, to): deflected (no ticket filed with the session within 24 hours of its last ' +
      'open; a client counts at most once per UTC day), filed, or pending (the window is still ' +
      'open), in total, per period and per article.',
  })
  @ApiOkResponse({ type: KbDeflectionReportDto })
  @ApiProblems(400, 401, 403)
  deflections(@Query() query: KbDeflectionReportQueryDto): Promise<KbDeflectionReportDto> {
    return this.report.report(query);
  }
}
