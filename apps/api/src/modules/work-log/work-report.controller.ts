import { Body, Controller, Get, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { UpdateWorkLogSettingsDto, WorkLogSettingsDto } from './dto/work-log-settings.dto.js';
import { WorkReportDto, WorkReportFilterDto, WorkReportQueryDto } from './dto/work-report.dto.js';
import { WorkUsageDto } from './dto/work-usage.dto.js';
import { WorkAllowanceService } from './work-allowance.service.js';
import { WorkLogSettingsService } from './work-log-settings.service.js';
import { WorkReportService } from './work-report.service.js';

@ApiTags('work-log')
@ApiBearerAuth()
@RequireScope('tickets:read')
@Controller('v1')
export class WorkReportController {
  constructor(
    private readonly reports: WorkReportService,
    private readonly allowance: WorkAllowanceService,
    private readonly settings: WorkLogSettingsService,
  ) {}

  @Get('work-report')
  @RequirePermissions(Permission.WorkLogWrite)
  @ApiOperation({
    summary: 'The work report (staff)',
    description:
      'Entries of the tickets you see, newest work date first, with the totals and the groups (by ticket, contract, organization, agent or month) over every entry the filters match.',
  })
  @ApiOkResponse({ type: WorkReportDto })
  @ApiProblems(400, 401, 403)
  report(
    @CurrentUser() user: AuthUser,
    @Query() query: WorkReportQueryDto,
  ): Promise<WorkReportDto> {
    return this.reports.report(user, query);
  }

  @Get('work-report/export.csv')
  @RequirePermissions(Permission.WorkLogWrite)
  @ApiOperation({
    summary: 'The work report as CSV (staff)',
    description:
      'UTF-8 with a BOM, comma-separated, streamed. Text that a spreadsheet would run as a formula starts with an apostrophe.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV', schema: { type: 'string' } })
  @ApiProblems(400, 401, 403)
  export(
    @CurrentUser() user: AuthUser,
    @Query() query: WorkReportFilterDto,
    @Res({ passthrough: true }) res: Response,
  ): StreamableFile {
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(this.reports.csv(user, query), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="work-report.csv"',
    });
  }

  @Get('contracts/:id/work-usage')
  @RequirePermissions(Permission.WorkLogWrite)
  @ApiOperation({
    summary: 'A contract’s billable time against its allowance this period (staff)',
    description: 'warning: the highest threshold reached (80 or 100 %), else null.',
  })
  @ApiOkResponse({ type: WorkUsageDto })
  @ApiProblems(401, 403, 404)
  usage(@IdParam() id: string): Promise<WorkUsageDto> {
    return this.allowance.usage(id);
  }

  @Get('work-log/settings')
  @RequirePermissions(Permission.WorkLogWrite)
  @ApiOperation({ summary: 'The work log’s settings (staff read, admins change)' })
  @ApiOkResponse({ type: WorkLogSettingsDto })
  @ApiProblems(401, 403)
  getSettings(): Promise<WorkLogSettingsDto> {
    return this.settings.get();
  }

  @RequireScope('admin')
  @Put('work-log/settings')
  @RequirePermissions(Permission.WorkLogManage)
  @ApiOperation({
    summary: 'Change the work log’s settings (admin)',
    description: 'Send the version you read; a stale one gets 409.',
  })
  @ApiOkResponse({ type: WorkLogSettingsDto })
  @ApiProblems(400, 401, 403, 409)
  putSettings(@Body() dto: UpdateWorkLogSettingsDto): Promise<WorkLogSettingsDto> {
    return this.settings.update(dto);
  }
}
