import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALERT_LIMITS } from '../parsing/normalized-alert.js';
import { GENERIC_FIELDS } from '../parsing/generic.parser.js';

/*
 * The three payloads POST /integrations/alerts reads, for the document only: the body is read
 * by parseAlertPayload (parsing/), which detects the format and keeps these limits. Keys of the
 * foreign formats that are not listed here are ignored; the generic form refuses them.
 */

const labelsDoc = {
  type: 'object',
  additionalProperties: { type: 'string', maxLength: ALERT_LIMITS.labelValue },
  maxProperties: ALERT_LIMITS.labels,
} as const;

export class AlertmanagerAlertDoc {
  @ApiProperty({ enum: ['firing', 'resolved'] }) status!: string;
  @ApiPropertyOptional({ ...labelsDoc, description: 'alertname, instance, severity…' })
  labels?: Record<string, string>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', maxLength: ALERT_LIMITS.annotationValue },
    maxProperties: ALERT_LIMITS.annotations,
    description: 'summary, description…',
  })
  annotations?: Record<string, string>;
  @ApiPropertyOptional({ format: 'date-time', maxLength: 40 }) startsAt?: string;
  @ApiPropertyOptional({ format: 'date-time', maxLength: 40 }) endsAt?: string;
  @ApiPropertyOptional({ maxLength: ALERT_LIMITS.url }) generatorURL?: string;
  @ApiPropertyOptional({
    maxLength: ALERT_LIMITS.fingerprint,
    description: 'Default: a hash of the labels',
  })
  fingerprint?: string;
}

export class AlertmanagerWebhookDoc {
  @ApiProperty({ enum: ['4'] }) version!: string;
  @ApiProperty({
    type: [AlertmanagerAlertDoc],
    minItems: 1,
    maxItems: ALERT_LIMITS.alertsPerRequest,
  })
  alerts!: AlertmanagerAlertDoc[];
}

export class ZabbixTagDoc {
  @ApiProperty({ maxLength: ALERT_LIMITS.labelName }) tag!: string;
  @ApiPropertyOptional({ maxLength: ALERT_LIMITS.labelValue }) value?: string;
}

export class ZabbixAlertDoc {
  @ApiProperty({
    example: '12345',
    maxLength: 40,
    description: '{EVENT.ID}: the problem event, also in its recovery',
  })
  event_id!: string;
  @ApiPropertyOptional({
    enum: ['PROBLEM', 'UPDATE', 'RESOLVED', 'OK'],
    description: '{EVENT.STATUS}; required unless recovery_event_id is set',
  })
  status?: string;
  @ApiPropertyOptional({
    maxLength: 40,
    description: '{EVENT.RECOVERY.ID}: set (expanded) means resolved',
  })
  recovery_event_id?: string;
  @ApiProperty({ maxLength: ALERT_LIMITS.title, description: '{EVENT.NAME} or {TRIGGER.NAME}' })
  trigger_name!: string;
  @ApiPropertyOptional({ maxLength: 40 }) trigger_id?: string;
  @ApiPropertyOptional({ maxLength: ALERT_LIMITS.annotationValue }) trigger_description?: string;
  @ApiPropertyOptional({
    maxLength: ALERT_LIMITS.severity,
    description: '{EVENT.SEVERITY} (Not classified … Disaster) or {EVENT.NSEVERITY} (0-5)',
  })
  severity?: string;
  @ApiPropertyOptional({ maxLength: ALERT_LIMITS.labelValue, description: '{HOST.NAME}' })
  host?: string;
  @ApiPropertyOptional({ maxLength: 100, description: '{HOST.IP}' }) host_ip?: string;
  @ApiPropertyOptional({ maxLength: ALERT_LIMITS.url }) url?: string;
  @ApiPropertyOptional({ maxLength: ALERT_LIMITS.annotationValue }) message?: string;
  @ApiPropertyOptional({
    type: [ZabbixTagDoc],
    maxItems: ALERT_LIMITS.labels,
    description: '{EVENT.TAGSJSON}, parsed by the media type script',
  })
  tags?: ZabbixTagDoc[];
}

export class GenericAlertDoc {
  @ApiProperty({
    maxLength: ALERT_LIMITS.fingerprint,
    description: 'The same value is the same alert',
  })
  fingerprint!: string;
  @ApiProperty({ enum: ['firing', 'resolved'] }) status!: string;
  @ApiProperty({ maxLength: ALERT_LIMITS.title }) title!: string;
  @ApiPropertyOptional({ maxLength: ALERT_LIMITS.description }) description?: string;
  @ApiPropertyOptional({ maxLength: ALERT_LIMITS.severity, example: 'critical' }) severity?: string;
  @ApiPropertyOptional(labelsDoc) labels?: Record<string, string>;
  @ApiPropertyOptional({ maxLength: ALERT_LIMITS.labelValue }) instance?: string;
  @ApiPropertyOptional({ maxLength: ALERT_LIMITS.url }) url?: string;
}

// The document's generic form and the parser's list of its fields must not drift apart.
const _fields: Record<(typeof GENERIC_FIELDS)[number], true> = {
  fingerprint: true,
  status: true,
  title: true,
  description: true,
  severity: true,
  labels: true,
  instance: true,
  url: true,
} satisfies Record<keyof GenericAlertDoc, true>;
void _fields;
