import { createHash, randomBytes } from 'node:crypto';
import { API_TOKEN_PREFIX } from '@relaydesk/contracts';

/** 32 random bytes: 256 bits, so the token itself is the secret and its hash safe to look up by. */
const TOKEN_BYTES = 32;

/** Hex SHA-256 of a raw token: what `api_tokens.token_hash` holds and what a request looks up. */
export function hashApiToken(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex');
}

/** A new raw token (`rd_` + base64url) and its hash; the raw one leaves only in the create reply. */
export function newApiToken(): { raw: string; hash: string } {
  const raw = API_TOKEN_PREFIX + randomBytes(TOKEN_BYTES).toString('base64url');
  return { raw, hash: hashApiToken(raw) };
}

/** Whether an Authorization header carries an API token rather than a session's JWT. */
export function apiTokenOf(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match && match[1].startsWith(API_TOKEN_PREFIX) ? match[1] : null;
}
