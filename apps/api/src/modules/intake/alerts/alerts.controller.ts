import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { CurrentUser, RequireScope } from '../../../common/auth/decorators.js';
import {
  BusinessRuleError,
  ForbiddenError,
  InvalidInputError,
} from '../../../common/errors/domain-errors.js';
import { ApiProblems } from '../../../common/openapi/api-problems.decorator.js';
import { AlertIngestService } from './alert-ingest.service.js';
import { AlertIngestQueryDto } from './dto/alert-ingest-query.dto.js';
import {
  AlertmanagerWebhookDoc,
  GenericAlertDoc,
  ZabbixAlertDoc,
} from './dto/alert-payload-doc.dto.js';
import { AlertIngestResultDto } from './dto/alert-rule.dto.js';
import { parseAlertPayload } from './parsing/alert-payload.parser.js';

@ApiTags('integrations')
@ApiBearerAuth()
@RequireScope('alerts:write')
@Controller('v1/integrations/alerts')
export class AlertsController {
  constructor(private readonly ingest: AlertIngestService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Alerts from monitoring (service account token with alerts:write)',
    description:
      'Prometheus Alertmanager webhooks (version 4), the Zabbix media type of docs/alerts.md ' +
      'and a generic form, told apart by their fields or named by `?format=`. A firing alert ' +
      'opens one ticket on channel `monitoring` (per source and fingerprint while the ticket is ' +
      'open); repeats are internal comments at most once per the rule’s interval and counted ' +
      'in between; a resolve comments and, when the matching alert rule names a status the ' +
      'workflow allows, moves the ticket there. The alerts of one post are handled in one ' +
      'transaction. Only API tokens may post alerts.',
  })
  @ApiExtraModels(AlertmanagerWebhookDoc, ZabbixAlertDoc, GenericAlertDoc)
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(AlertmanagerWebhookDoc) },
        { $ref: getSchemaPath(ZabbixAlertDoc) },
        { $ref: getSchemaPath(GenericAlertDoc) },
      ],
    },
  })
  @ApiOkResponse({ type: AlertIngestResultDto })
  @ApiProblems(400, 401, 403, 409, 413, 422)
  async receive(
    @CurrentUser() user: AuthUser,
    @Query() query: AlertIngestQueryDto,
    @Body() body: Record<string, unknown>,
  ): Promise<AlertIngestResultDto> {
    // A person's session would file monitoring tickets under their own name.
    if (!user.token) {
      throw new ForbiddenError('Alerts are posted with a service account’s API token');
    }
    const parsed = parseAlertPayload(body, query.format);
    if (!parsed.ok) {
      const message = 'The alert payload cannot be read';
      throw parsed.status === 422
        ? new BusinessRuleError(message, parsed.errors)
        : new InvalidInputError(message, parsed.errors);
    }
    return { alerts: await this.ingest.ingest(user, parsed.alerts) };
  }
}
