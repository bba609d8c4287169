import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import { RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { IdempotentCreate } from '../../common/idempotency/idempotent-create.decorator.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import {
  CreateSlaCalendarDto,
  SlaCalendarDto,
  UpdateSlaCalendarDto,
} from './dto/sla-calendar.dto.js';
import { CreateSlaPolicyDto, SlaPolicyDto, UpdateSlaPolicyDto } from './dto/sla-policy.dto.js';
import { SlaAdminService } from './sla-admin.service.js';

@ApiTags('sla')
@ApiBearerAuth()
@RequirePermissions(Permission.SlaManage)
@RequireScope('admin')
@Controller('v1/sla')
export class SlaController {
  constructor(private readonly sla: SlaAdminService) {}

  @Get('calendars')
  @ApiOperation({ summary: 'Business-hours calendars by name (admin)' })
  @ApiOkResponse({ type: [SlaCalendarDto] })
  @ApiProblems(401, 403)
  listCalendars(): Promise<SlaCalendarDto[]> {
    return this.sla.listCalendars();
  }

  @Get('calendars/:id')
  @ApiOperation({ summary: 'One business-hours calendar (admin)' })
  @ApiOkResponse({ type: SlaCalendarDto })
  @ApiProblems(401, 403, 404)
  getCalendar(@IdParam() id: string): Promise<SlaCalendarDto> {
    return this.sla.getCalendar(id);
  }

  @Post('calendars')
  @IdempotentCreate()
  @ApiOperation({
    summary: 'Create a business-hours calendar (admin)',
    description:
      'Working intervals per weekday in the IANA time zone, holidays (days off) and exceptions ' +
      '(a date with hours of its own, e.g. a working Saturday). Bad zones, times or dates are 422.',
  })
  @ApiCreatedResponse({ type: SlaCalendarDto })
  @ApiProblems(400, 401, 403, 422)
  createCalendar(@Body() dto: CreateSlaCalendarDto): Promise<SlaCalendarDto> {
    return this.sla.createCalendar(dto);
  }

  @Patch('calendars/:id')
  @ApiOperation({
    summary: 'Change a business-hours calendar (admin)',
    description: 'Send the version you read. Tickets keep the deadlines they were given.',
  })
  @ApiOkResponse({ type: SlaCalendarDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  updateCalendar(
    @IdParam() id: string,
    @Body() dto: UpdateSlaCalendarDto,
  ): Promise<SlaCalendarDto> {
    return this.sla.updateCalendar(id, dto);
  }

  @Get('policies')
  @ApiOperation({ summary: 'SLA policies in the order they are tried (admin)' })
  @ApiOkResponse({ type: [SlaPolicyDto] })
  @ApiProblems(401, 403)
  listPolicies(): Promise<SlaPolicyDto[]> {
    return this.sla.listPolicies();
  }

  @Get('policies/:id')
  @ApiOperation({ summary: 'One SLA policy (admin)' })
  @ApiOkResponse({ type: SlaPolicyDto })
  @ApiProblems(401, 403, 404)
  getPolicy(@IdParam() id: string): Promise<SlaPolicyDto> {
    return this.sla.getPolicy(id);
  }

  @Post('policies')
  @IdempotentCreate()
  @ApiOperation({
    summary: 'Create an SLA policy (admin)',
    description:
      'The first active policy by position whose conditions all hold applies to a new ticket ' +
      '(and again when its priority, type or organization change). Targets are business ' +
      'seconds in the calendar; priorityTargets replace them for single priorities.',
  })
  @ApiCreatedResponse({ type: SlaPolicyDto })
  @ApiProblems(400, 401, 403, 422)
  createPolicy(@Body() dto: CreateSlaPolicyDto): Promise<SlaPolicyDto> {
    return this.sla.createPolicy(dto);
  }

  @Patch('policies/:id')
  @ApiOperation({
    summary: 'Change an SLA policy (admin)',
    description:
      'Send the version you read. `active: false` retires it (there is no delete); tickets keep ' +
      'the deadlines they were given.',
  })
  @ApiOkResponse({ type: SlaPolicyDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  updatePolicy(@IdParam() id: string, @Body() dto: UpdateSlaPolicyDto): Promise<SlaPolicyDto> {
    return this.sla.updatePolicy(id, dto);
  }
}
