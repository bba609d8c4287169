import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
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
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import {
  WebhookAttemptDto,
  WebhookDeliveriesPageDto,
  WebhookDeliveriesQueryDto,
  WebhookDeliveryDto,
} from './dto/webhook-delivery.dto.js';
import {
  CreateWebhookEndpointDto,
  UpdateWebhookEndpointDto,
  WebhookEndpointCreatedDto,
  WebhookEndpointDto,
  WebhookSecretDto,
} from './dto/webhook-endpoint.dto.js';
import { WebhookDeliveriesService } from './webhook-deliveries.service.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';

@ApiTags('webhooks')
@ApiBearerAuth()
@RequireScope('admin')
@RequirePermissions(Permission.WebhooksManage)
@Controller('v1/admin/webhooks')
export class WebhooksController {
  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Webhook endpoints, with the state of their last message (admins)' })
  @ApiOkResponse({ type: [WebhookEndpointDto] })
  @ApiProblems(401, 403)
  list(): Promise<WebhookEndpointDto[]> {
    return this.endpoints.list();
  }

  @Post()
  @ApiOperation({
    summary: 'Register a webhook endpoint (admins)',
    description:
      'The signing secret is generated here and returned this once. Messages follow Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature); see docs/webhooks.md.',
  })
  @ApiCreatedResponse({ type: WebhookEndpointCreatedDto })
  @ApiProblems(400, 401, 403, 422)
  create(@Body() dto: CreateWebhookEndpointDto): Promise<WebhookEndpointCreatedDto> {
    return this.endpoints.create(dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook endpoint (admins); the secret is never shown again' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiProblems(401, 403, 404)
  get(@IdParam() id: string): Promise<WebhookEndpointDto> {
    return this.endpoints.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a webhook endpoint (admins)',
    description:
      'Send the version you read. `active: true` enables it again after an automatic disabling and resets its failure count.',
  })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(
    @IdParam() id: string,
    @Body() dto: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointDto> {
    return this.endpoints.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook endpoint and its delivery log (admins)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404)
  remove(@IdParam() id: string): Promise<void> {
    return this.endpoints.remove(id);
  }

  @Post(':id/secret-rotations')
  @ApiOperation({
    summary: 'Rotate the signing secret (admins)',
    description:
      'Returns the new secret this once. For 24 hours messages carry two signatures, one per secret, so receivers can switch without failing.',
  })
  @ApiCreatedResponse({ type: WebhookSecretDto })
  @ApiProblems(401, 403, 404)
  rotate(@IdParam() id: string): Promise<WebhookSecretDto> {
    return this.endpoints.rotateSecret(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: "An endpoint's messages, newest first (admins): the delivery log" })
  @ApiOkResponse({ type: WebhookDeliveriesPageDto })
  @ApiProblems(400, 401, 403, 404)
  listDeliveries(
    @IdParam() id: string,
    @Query() query: WebhookDeliveriesQueryDto,
  ): Promise<WebhookDeliveriesPageDto> {
    return this.deliveries.page(id, query);
  }

  @Get(':id/deliveries/:deliveryId/attempts')
  @ApiOperation({ summary: "A message's attempts, newest first (admins)" })
  @ApiOkResponse({ type: [WebhookAttemptDto] })
  @ApiProblems(401, 403, 404)
  attempts(
    @IdParam() id: string,
    @IdParam('deliveryId') deliveryId: string,
  ): Promise<WebhookAttemptDto[]> {
    return this.deliveries.attempts(id, deliveryId);
  }

  @Post(':id/deliveries/:deliveryId/redeliveries')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a message again now (admins)',
    description:
      'One more attempt with the same webhook-id and body, made before the answer; the message as it is afterwards. 409 while a worker is sending it.',
  })
  @ApiOkResponse({ type: WebhookDeliveryDto })
  @ApiProblems(401, 403, 404, 409)
  redeliver(
    @IdParam() id: string,
    @IdParam('deliveryId') deliveryId: string,
  ): Promise<WebhookDeliveryDto> {
    return this.deliveries.redeliver(id, deliveryId);
  }
}
