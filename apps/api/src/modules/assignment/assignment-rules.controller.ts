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
import { RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { IdempotentCreate } from '../../common/idempotency/idempotent-create.decorator.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { AssignmentRulesService } from './assignment-rules.service.js';
import {
  AssignmentRuleDto,
  CreateAssignmentRuleDto,
  UpdateAssignmentRuleDto,
} from './dto/assignment-rule.dto.js';

const HOW_RULES_APPLY =
  'Rules are tried in `position` order when a ticket is created; the first active rule whose ' +
  'conditions all match is applied and no other. Values the creator put in the request win ' +
  "over the rule's actions. Rules with `applyOnUpdate` are tried again (the first matching one " +
  'applies) when an edit changes the type, category, priority, organization or project. Each ' +
  'application is a `rule_applied` line in the ticket history with the rule name.';

@ApiTags('assignment-rules')
@ApiBearerAuth()
@RequirePermissions(Permission.AssignmentRulesManage)
@RequireScope('admin')
@Controller('v1/assignment-rules')
export class AssignmentRulesController {
  constructor(private readonly rules: AssignmentRulesService) {}

  @Get()
  @ApiOperation({ summary: 'Assignment rules in the order they are tried (admin)' })
  @ApiOkResponse({ type: [AssignmentRuleDto] })
  @ApiProblems(401, 403)
  list(): Promise<AssignmentRuleDto[]> {
    return this.rules.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One assignment rule (admin)' })
  @ApiOkResponse({ type: AssignmentRuleDto })
  @ApiProblems(401, 403, 404)
  get(@IdParam() id: string): Promise<AssignmentRuleDto> {
    return this.rules.get(id);
  }

  @Post()
  @IdempotentCreate()
  @ApiOperation({ summary: 'Create an assignment rule (admin)', description: HOW_RULES_APPLY })
  @ApiCreatedResponse({ type: AssignmentRuleDto })
  @ApiProblems(400, 401, 403, 409, 422)
  create(@Body() dto: CreateAssignmentRuleDto): Promise<AssignmentRuleDto> {
    return this.rules.create(dto);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change or move an assignment rule (admin)',
    description:
      'Send the version you read. `position` moves the rule in the order and renumbers the ' +
      'others 1..n; `conditions` and `actions` each replace the whole object. ' +
      HOW_RULES_APPLY,
  })
  @ApiOkResponse({ type: AssignmentRuleDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(@IdParam() id: string, @Body() dto: UpdateAssignmentRuleDto): Promise<AssignmentRuleDto> {
    return this.rules.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an assignment rule (admin); the others close the gap' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404)
  async delete(@IdParam() id: string): Promise<void> {
    await this.rules.delete(id);
  }
}
