import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import { RequirePermissions, RequireScope } from '../../../common/auth/decorators.js';
import { IdParam } from '../../../common/http/uuid-param.pipe.js';
import { IdempotentCreate } from '../../../common/idempotency/idempotent-create.decorator.js';
import { ApiProblems } from '../../../common/openapi/api-problems.decorator.js';
import { AlertRulesService } from './alert-rules.service.js';
import { AlertRuleDto, CreateAlertRuleDto, UpdateAlertRuleDto } from './dto/alert-rule.dto.js';

const HOW_RULES_APPLY =
  'Every alert is tried against the active rules in `position` order; the first whose source ' +
  '(null: any) and every label condition match sets the ticket’s type, priority, group and ' +
  'organization, the status a resolve moves it to and the repeat-comment interval. No rule ' +
  'matching: the priority follows the severity (critical → urgent, high/error → high, ' +
  'warning → normal, info → low) and nothing else is set.';

@ApiTags('alert-rules')
@ApiBearerAuth()
@RequirePermissions(Permission.AlertRulesManage)
@RequireScope('admin')
@Controller('v1/admin/alert-rules')
export class AlertRulesController {
  constructor(private readonly rules: AlertRulesService) {}

  @Get()
  @ApiOperation({ summary: 'Alert rules in the order they are tried (admin)' })
  @ApiOkResponse({ type: [AlertRuleDto] })
  @ApiProblems(401, 403)
  list(): Promise<AlertRuleDto[]> {
    return this.rules.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One alert rule (admin)' })
  @ApiOkResponse({ type: AlertRuleDto })
  @ApiProblems(401, 403, 404)
  get(@IdParam() id: string): Promise<AlertRuleDto> {
    return this.rules.get(id);
  }

  @Post()
  @IdempotentCreate()
  @ApiOperation({ summary: 'Create an alert rule (admin)', description: HOW_RULES_APPLY })
  @ApiCreatedResponse({ type: AlertRuleDto })
  @ApiProblems(400, 401, 403, 422)
  create(@Body() dto: CreateAlertRuleDto): Promise<AlertRuleDto> {
    return this.rules.create(dto);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change or move an alert rule (admin)',
    description:
      'Send the version you read. `position` moves the rule and renumbers the others 1..n; ' +
      '`matchers` replaces the whole list. ' +
      HOW_RULES_APPLY,
  })
  @ApiOkResponse({ type: AlertRuleDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(@IdParam() id: string, @Body() dto: UpdateAlertRuleDto): Promise<AlertRuleDto> {
    return this.rules.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an alert rule (admin); the others close the gap' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404)
  async delete(@IdParam() id: string): Promise<void> {
    await this.rules.delete(id);
  }
}
