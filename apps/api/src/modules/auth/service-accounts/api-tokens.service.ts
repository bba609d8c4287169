import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApiScope } from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { sql } from '../../../common/database/sql.js';
import { BusinessRuleError, NotFoundError } from '../../../common/errors/domain-errors.js';
import { Clock } from '../../../common/time/clock.js';
import { newApiToken } from './api-token-secret.js';
import type { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto } from './dto/api-token.dto.js';

/** An account's tokens are few (a handful per integration); a list shows them all. */
const MAX_TOKENS_LISTED = 500;

interface Row {
  id: string;
  name: string;
  scopes: ApiScope[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

const COLUMNS = `t.id, t.name, t.scopes, t.expires_at AS "expiresAt", t.last_used_at AS "lastUsedAt",
  t.revoked_at AS "revokedAt", t.created_at AS "createdAt"`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const toDto = (r: Row): ApiTokenDto => ({
  ...r,
  expiresAt: iso(r.expiresAt),
  lastUsedAt: iso(r.lastUsedAt),
  revokedAt: iso(r.revokedAt),
  createdAt: r.createdAt.toISOString(),
});

/**
 * A service account's tokens: issued with a fresh random secret shown once (only its SHA-256 is
 * stored), listed without it, revoked by stamping `revoked_at` (the row stays, with its last use,
 * for the record).
 */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(accountId: string): Promise<ApiTokenDto[]> {
    await this.account(this.db.manager, accountId);
    const rows = await sql<Row>(
      this.db,
      `SELECT ${COLUMNS} FROM api_tokens t WHERE t.user_id = $1
        ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC, t.id LIMIT ${MAX_TOKENS_LISTED}`,
      [accountId],
    );
    return rows.map(toDto);
  }

  async create(
    caller: AuthUser,
    accountId: string,
    dto: CreateApiTokenDto,
  ): Promise<CreatedApiTokenDto> {
    return this.db.transaction(async (em) => {
      const account = await this.account(em, accountId, true);
      if (!account.active) {
        throw new BusinessRuleError('The service account is deactivated; activate it first');
      }
      const now = this.clock.now();
      const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
      if (expiresAt && expiresAt <= now) {
        throw new BusinessRuleError('The token would never work', [
          { field: 'expiresAt', message: 'must be in the future' },
        ]);
      }
      const { raw, hash } = newApiToken();
      const [row] = await sql<Row>(
        em,
        `INSERT INTO api_tokens AS t (user_id, name, token_hash, scopes, expires_at, created_by_id,
                                      created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
        [accountId, dto.name.trim(), hash, dto.scopes, expiresAt, caller.id, now],
      );
      return { ...toDto(row), token: raw };
    });
  }

  /** Revoking a revoked token changes nothing; the first revocation's time stays. */
  async revoke(accountId: string, tokenId: string): Promise<void> {
    const rows = await sql<{ id: string }>(
      this.db,
      `UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $3)
        WHERE id = $1 AND user_id = $2 RETURNING id`,
      [tokenId, accountId, this.clock.now()],
    );
    if (rows.length === 0) throw new NotFoundError('API token');
  }

  private async account(em: EntityManager, id: string, lock = false): Promise<{ active: boolean }> {
    // Locked while a token is issued, so a deactivation cannot slip in between check and insert.
    const [row] = await sql<{ active: boolean }>(
      em,
      `SELECT active FROM users WHERE id = $1 AND service_account${lock ? ' FOR SHARE' : ''}`,
      [id],
    );
    if (!row) throw new NotFoundError('Service account');
    return row;
  }
}
