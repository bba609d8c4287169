import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { WebhookDeliveryStatus, WebhookEventKind } from '@relaydesk/contracts';
import { SecretBox } from '../../common/crypto/secret-box.js';
import { iso } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { NotFoundError, VersionConflictError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import {
  InjectConfig,
  webhooksConfig,
  type WebhooksConfig,
} from '../../config/config-namespaces.js';
import { generateWebhookSecret } from './delivery/webhook-signature.js';
import type {
  CreateWebhookEndpointDto,
  UpdateWebhookEndpointDto,
  WebhookEndpointCreatedDto,
  WebhookEndpointDto,
  WebhookSecretDto,
} from './dto/webhook-endpoint.dto.js';
import { checkEndpointUrl } from './webhook-endpoint-rules.js';

/** How long the secret before a rotation keeps signing: time to update every receiver. */
export const PREVIOUS_SECRET_TTL_MS = 24 * 3_600_000;
const WHAT = 'Webhook endpoint';

interface EndpointRow {
  id: string;
  url: string;
  description: string;
  active: boolean;
  events: string[];
  include_internal_comments: boolean;
  previous_secret_expires_at: Date | null;
  consecutive_failures: number;
  disabled_at: Date | null;
  disabled_reason: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  last_status: WebhookDeliveryStatus | null;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: Date | null;
}

const SELECT = `
  SELECT e.id, e.url, e.description, e.active, e.events, e.include_internal_comments,
         e.previous_secret_expires_at, e.consecutive_failures, e.disabled_at, e.disabled_reason,
         e.version, e.created_at, e.updated_at,
         d.status AS last_status, d.last_status_code, d.last_error, d.last_attempt_at
    FROM webhook_endpoints e
    -- The newest message (webhook_deliveries_endpoint_idx, however long the log).
    LEFT JOIN LATERAL (
      SELECT status, last_status_code, last_error, last_attempt_at FROM webhook_deliveries
       WHERE endpoint_id = e.id
       ORDER BY created_at DESC, id DESC LIMIT 1) d ON TRUE`;

/** The `webhook:<id>` context a secret is sealed with: a sealed secret copied elsewhere is useless. */
export const secretContext = (endpointId: string) => `webhook:${endpointId}`;

/**
 * Webhook endpoints for admins: create (the secret is made here and shown once), read, change,
 * delete, rotate the secret. Secrets are stored sealed and never read back through the API.
 */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly secrets: SecretBox,
    @InjectConfig(webhooksConfig) private readonly config: WebhooksConfig,
  ) {}

  async list(): Promise<WebhookEndpointDto[]> {
    const rows = await sql<EndpointRow>(this.db, `${SELECT} ORDER BY e.created_at, e.id`);
    return rows.map(toDto);
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<WebhookEndpointDto> {
    const [row] = await sql<EndpointRow>(em, `${SELECT} WHERE e.id = $1`, [id]);
    if (!row) throw new NotFoundError(WHAT);
    return toDto(row);
  }

  async create(dto: CreateWebhookEndpointDto): Promise<WebhookEndpointCreatedDto> {
    const url = checkEndpointUrl(dto.url, this.config.webhookAllowedHosts);
    const id = randomUUID();
    const secret = generateWebhookSecret();
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      await em.query(
        `INSERT INTO webhook_endpoints (id, url, description, active, events,
                                        include_internal_comments, secret, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5::varchar[], $6, $7, $8, $8)`,
        [
          id,
          url,
          dto.description?.trim() ?? '',
          dto.active ?? true,
          dto.events,
          dto.includeInternalComments ?? false,
          this.secrets.seal(secret, secretContext(id)),
          now,
        ],
      );
      return { ...(await this.get(id, em)), secret };
    });
  }

  async update(id: string, dto: UpdateWebhookEndpointDto): Promise<WebhookEndpointDto> {
    return this.db.transaction(async (em) => {
      const current = await this.lock(em, id, dto.version);
      const sets: string[] = [];
      const values: unknown[] = [id];
      const set = (column: string, value: unknown, cast = '') => {
        values.push(value);
        sets.push(`${column} = $${values.length}${cast}`);
      };
      if (dto.url !== undefined)
        set('url', checkEndpointUrl(dto.url, this.config.webhookAllowedHosts));
      if (dto.description !== undefined) set('description', dto.description.trim());
      if (dto.events !== undefined) set('events', dto.events, '::varchar[]');
      if (dto.includeInternalComments !== undefined) {
        set('include_internal_comments', dto.includeInternalComments);
      }
      if (dto.active !== undefined) {
        set('active', dto.active);
        // Enabling it again starts the failure count afresh.
        if (dto.active && !current.active) {
          sets.push('consecutive_failures = 0', 'disabled_at = NULL', 'disabled_reason = NULL');
        }
      }
      set('updated_at', this.clock.now());
      await em.query(
        `UPDATE webhook_endpoints SET ${sets.join(', ')}, version = version + 1 WHERE id = $1`,
        values,
      );
      return this.get(id, em);
    });
  }

  async remove(id: string): Promise<void> {
    const rows = await sql<{ id: string }>(
      this.db,
      `DELETE FROM webhook_endpoints WHERE id = $1 RETURNING id`,
      [id],
    );
    if (rows.length === 0) throw new NotFoundError(WHAT);
  }

  /**
   * A new secret, shown once; the one before keeps signing for PREVIOUS_SECRET_TTL_MS, so the
   * receivers can be updated without a message failing verification meanwhile. Rotating again
   * within that time drops the oldest one.
   */
  async rotateSecret(id: string): Promise<WebhookSecretDto> {
    return this.db.transaction(async (em) => {
      const [row] = await sql<{ secret: string }>(
        em,
        `SELECT secret FROM webhook_endpoints WHERE id = $1 FOR NO KEY UPDATE`,
        [id],
      );
      if (!row) throw new NotFoundError(WHAT);
      const secret = generateWebhookSecret();
      const now = this.clock.now();
      const expires = new Date(now.getTime() + PREVIOUS_SECRET_TTL_MS);
      const [updated] = await sql<{ version: number }>(
        em,
        `UPDATE webhook_endpoints
            SET previous_secret = secret, previous_secret_expires_at = $3, secret = $2,
                updated_at = $4, version = version + 1
          WHERE id = $1 RETURNING version`,
        [id, this.secrets.seal(secret, secretContext(id)), expires, now],
      );
      return { secret, previousSecretExpiresAt: iso(expires), version: updated.version };
    });
  }

  private async lock(em: EntityManager, id: string, version: number): Promise<{ active: boolean }> {
    const [row] = await sql<{ version: number; active: boolean }>(
      em,
      `SELECT version, active FROM webhook_endpoints WHERE id = $1 FOR NO KEY UPDATE`,
      [id],
    );
    if (!row) throw new NotFoundError(WHAT);
    if (row.version !== version) throw new VersionConflictError(row.version);
    return row;
  }
}

function toDto(r: EndpointRow): WebhookEndpointDto {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    active: r.active,
    events: r.events as WebhookEventKind[],
    includeInternalComments: r.include_internal_comments,
    previousSecretExpiresAt: r.previous_secret_expires_at
      ? iso(r.previous_secret_expires_at)
      : null,
    consecutiveFailures: r.consecutive_failures,
    disabledAt: r.disabled_at ? iso(r.disabled_at) : null,
    disabledReason: r.disabled_reason,
    lastDelivery: r.last_status
      ? {
          status: r.last_status,
          statusCode: r.last_status_code,
          error: r.last_error,
          attemptedAt: r.last_attempt_at ? iso(r.last_attempt_at) : null,
        }
      : null,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}
