import { randomBytes } from 'node:crypto';
import type { ApiScope, Role } from '@relaydesk/contracts';
import { newApiToken } from '../../src/modules/auth/service-accounts/api-token-secret';
import type { TestApp } from './test-app';

export interface ServiceTokenOptions {
  /** What the token may call (API_SCOPES; `admin` holds every scope). */
  scopes: ApiScope[];
  /** The service account's role; agent by default. */
  role?: Exclude<Role, 'client'>;
  /** Groups the account is a member of (what an agent account sees). */
  groupIds?: string[];
  canViewAll?: boolean;
  /** null: never expires (the default). */
  expiresAt?: Date | null;
  name?: string;
}

export interface ServiceToken {
  /** The raw token, for `Authorization: Bearer <token>`. */
  token: string;
  tokenId: string;
  /** The service account (a users row). */
  accountId: string;
}

/**
 * A service account with one API token, written straight into the database as a fixture (not
 * through the admin API under test), stored as the API stores it (SHA-256 of the token).
 */
export async function createServiceAccountToken(
  t: TestApp,
  options: ServiceTokenOptions,
): Promise<ServiceToken> {
  const tag = randomBytes(4).toString('hex');
  const [account] = (await t.db.query(
    `INSERT INTO users (email, name, role, visibility_scope, service_account, description)
     VALUES ($1, $2, $3, $4, true, 'test fixture') RETURNING id`,
    [
      `service-${tag}@service-accounts.invalid`,
      options.name ?? `Service ${tag}`,
      options.role ?? 'agent',
      // As the service-accounts API stores it: explicit, never the installation default.
      options.canViewAll ? 'all' : 'groups',
    ],
  )) as { id: string }[];
  for (const groupId of options.groupIds ?? []) {
    await t.db.query('INSERT INTO group_members (group_id, user_id) VALUES ($1, $2)', [
      groupId,
      account.id,
    ]);
  }
  const { raw, hash } = newApiToken();
  const [token] = (await t.db.query(
    `INSERT INTO api_tokens (user_id, name, token_hash, scopes, expires_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [account.id, `token ${tag}`, hash, options.scopes, options.expiresAt ?? null],
  )) as { id: string }[];
  return { token: raw, tokenId: token.id, accountId: account.id };
}

/** A service account's raw API token: `Authorization: Bearer ${await createServiceToken(…)}`. */
export async function createServiceToken(
  t: TestApp,
  options: ServiceTokenOptions,
): Promise<string> {
  return (await createServiceAccountToken(t, options)).token;
}
