import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENT_KINDS,
  type WebhookDeliveryStatus,
  type WebhookEventKind,
} from '@relaydesk/contracts';
import { VersionField } from '../../../common/openapi/request-fields.js';
import { IsOptionalNonNull } from '../../../common/validation/dto-decorators.js';

export const URL_MAX = 2048;
export const DESCRIPTION_MAX = 500;

export class WebhookLastDeliveryDto {
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES }) status!: WebhookDeliveryStatus;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The last answer, if any' })
  statusCode!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) attemptedAt!: string | null;
}

export class WebhookEndpointDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'false: nothing is sent (disabled by an admin or automatically)' })
  active!: boolean;
  @ApiProperty({ enum: WEBHOOK_EVENT_KINDS, isArray: true }) events!: WebhookEventKind[];
  @ApiProperty({ description: 'Internal notes (and staff-only field changes) are sent too' })
  includeInternalComments!: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Until then the secret before the last rotation signs too',
  })
  previousSecretExpiresAt!: string | null;
  @ApiProperty({ description: 'Messages failed for good in a row' }) consecutiveFailures!: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Set when it was disabled automatically after repeated failures',
  })
  disabledAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) disabledReason!: string | null;
  @ApiProperty({ type: WebhookLastDeliveryDto, nullable: true })
  lastDelivery!: WebhookLastDeliveryDto | null;
  @ApiProperty({ description: 'Send it back with a change; a stale one is a 409' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class WebhookEndpointCreatedDto extends WebhookEndpointDto {
  @ApiProperty({
    description: 'The signing secret (whsec_…). Shown this once: store it in the receiver now',
  })
  secret!: string;
}

export class WebhookSecretDto {
  @ApiProperty({ description: 'The new signing secret (whsec_…), shown this once' })
  secret!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'The previous secret keeps signing until then (24 h)',
  })
  previousSecretExpiresAt!: string;
  @ApiProperty() version!: number;
}

export class CreateWebhookEndpointDto {
  @ApiProperty({
    maxLength: URL_MAX,
    description:
      'https; plain http and private addresses only for targets in WEBHOOK_ALLOWED_HOSTS (422)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(URL_MAX)
  url!: string;

  @ApiPropertyOptional({ maxLength: DESCRIPTION_MAX, default: '' })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(DESCRIPTION_MAX)
  description?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ enum: WEBHOOK_EVENT_KINDS, isArray: true, maxItems: WEBHOOK_EVENT_KINDS.length })
  @IsArray()
  @ArrayMaxSize(WEBHOOK_EVENT_KINDS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_KINDS, { each: true })
  events!: WebhookEventKind[];

  @ApiPropertyOptional({
    default: false,
    description: 'Send internal notes (and staff-only field changes) too',
  })
  @IsOptionalNonNull()
  @IsBoolean()
  includeInternalComments?: boolean;
}

export class UpdateWebhookEndpointDto {
  @VersionField({ description: 'The version you read; a stale one is a 409' })
  version!: number;

  @ApiPropertyOptional({ maxLength: URL_MAX })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(1)
  @MaxLength(URL_MAX)
  url?: string;

  @ApiPropertyOptional({ maxLength: DESCRIPTION_MAX })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(DESCRIPTION_MAX)
  description?: string;

  @ApiPropertyOptional({
    description: 'true enables it again (and clears an automatic disabling); false stops sending',
  })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    enum: WEBHOOK_EVENT_KINDS,
    isArray: true,
    maxItems: WEBHOOK_EVENT_KINDS.length,
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(WEBHOOK_EVENT_KINDS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_KINDS, { each: true })
  events?: WebhookEventKind[];

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  includeInternalComments?: boolean;
}
