import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WebhookDeliveryStatus, WebhookEventKind } from '@relaydesk/contracts';
import { iso } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor.js';
import { WebhookDeliveryWorker } from './delivery/webhook-delivery.worker.js';
import { messageId } from './delivery/webhook-signature.js';
import type {
  WebhookAttemptDto,
  WebhookDeliveriesQueryDto,
  WebhookDeliveryDto,
} from './dto/webhook-delivery.dto.js';

interface DeliveryRow {
  id: string;
  event_type: WebhookEventKind;
  ticket_id: string | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: Date;
  created_at_text: string;
  last_duration_ms: number | null;
  last_response_excerpt: string | null;
}

/** The delivery log of an endpoint: its messages, newest first, their attempts, redelivery. */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly db: DataSource,
    private readonly worker: WebhookDeliveryWorker,
  ) {}

  async page(endpointId: string, q: WebhookDeliveriesQueryDto): Promise<Page<WebhookDeliveryDto>> {
    await this.endpointExists(endpointId);
    const limit = q.limit ?? 50;
    const cursor = decodeCursor(q.cursor, 'timestamp');
    const rows = await sql<DeliveryRow>(
      this.db,
      `${SELECT}
        WHERE d.endpoint_id = $1
          AND ($2::text IS NULL OR d.status = $2)
          AND ($3::timestamptz IS NULL OR (d.created_at, d.id) < ($3::timestamptz, $4::uuid))
        ORDER BY d.created_at DESC, d.id DESC
        LIMIT $5`,
      [endpointId, q.status ?? null, cursor?.v ?? null, cursor?.id ?? null, limit + 1],
    );
    return toPage(rows, limit, toDto, (r) => ({ v: r.created_at_text, id: r.id }));
  }

  async get(endpointId: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    const [row] = await sql<DeliveryRow>(
      this.db,
      `${SELECT} WHERE d.endpoint_id = $1 AND d.id = $2`,
      [endpointId, deliveryId],
    );
    if (!row) throw new NotFoundError('Webhook delivery');
    return toDto(row);
  }

  async attempts(endpointId: string, deliveryId: string): Promise<WebhookAttemptDto[]> {
    await this.get(endpointId, deliveryId);
    const rows = await sql<{
      id: string;
      attempted_at: Date;
      status_code: number | null;
      duration_ms: number;
      response_excerpt: string | null;
      error: string | null;
      manual: boolean;
    }>(
      this.db,
      `SELECT id::text, attempted_at, status_code, duration_ms, response_excerpt, error, manual
         FROM webhook_attempts WHERE delivery_id = $1 ORDER BY id DESC LIMIT 100`,
      [deliveryId],
    );
    return rows.map((r) => ({
      id: r.id,
      attemptedAt: iso(r.attempted_at),
      statusCode: r.status_code,
      durationMs: r.duration_ms,
      responseExcerpt: r.response_excerpt,
      error: r.error,
      manual: r.manual,
    }));
  }

  async redeliver(endpointId: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    await this.worker.redeliver(endpointId, deliveryId);
    return this.get(endpointId, deliveryId);
  }

  private async endpointExists(id: string): Promise<void> {
    const [row] = await sql<{ id: string }>(
      this.db,
      `SELECT id FROM webhook_endpoints WHERE id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError('Webhook endpoint');
  }
}

const SELECT = `
  SELECT d.id, d.event_type, d.ticket_id, d.status, d.attempts, d.next_attempt_at,
         d.last_status_code, d.last_error, d.last_attempt_at, d.delivered_at, d.created_at,
         d.created_at::text AS created_at_text,
         a.duration_ms AS last_duration_ms, a.response_excerpt AS last_response_excerpt
    FROM webhook_deliveries d
    LEFT JOIN LATERAL (
      SELECT duration_ms, response_excerpt FROM webhook_attempts
       WHERE delivery_id = d.id ORDER BY id DESC LIMIT 1) a ON TRUE`;

function toDto(r: DeliveryRow): WebhookDeliveryDto {
  return {
    id: r.id,
    messageId: messageId(r.id),
    eventType: r.event_type,
    ticketId: r.ticket_id,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    lastDurationMs: r.last_duration_ms,
    lastResponseExcerpt: r.last_response_excerpt,
    lastAttemptAt: r.last_attempt_at ? iso(r.last_attempt_at) : null,
    deliveredAt: r.delivered_at ? iso(r.delivered_at) : null,
    createdAt: iso(r.created_at),
  };
}
