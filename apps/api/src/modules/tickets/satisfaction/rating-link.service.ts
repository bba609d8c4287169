import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  authConfig,
  InjectConfig,
  ratingsConfig,
  type AuthConfig,
  type RatingsConfig,
} from '../../../config/config-namespaces.js';
import { Clock } from '../../../common/time/clock.js';
import { LinkExpiredError, LinkInvalidError } from './rating-link.errors.js';

/** What a rating link stands for. */
export interface RatingLinkPayload {
  ticketId: string;
  requesterId: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** Single use: the rating it records keeps this nonce under a unique index. */
  nonce: string;
  /**
   * Who issued it: the link stops working while the ticket is assigned to them, so nobody holds
   * a usable link to rate their own work. Absent in links issued before it was added.
   */
  issuerId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^([A-Za-z0-9_-]{20,600})\.([A-Za-z0-9_-]{43})$/;
/** The token's shape and its longest length, for the path parameter's documentation. */
export const RATING_TOKEN = { pattern: TOKEN.source, maxLength: 600 + 1 + 43 } as const;

/**
 * Signs and checks the tokens of rating links: base64url(JSON payload).base64url(HMAC-SHA256).
 * Nothing is stored when a link is made; the signature is the proof, the expiry is inside it,
 * and the nonce makes the link usable once.
 */
@Injectable()
export class RatingLinkService {
  /**
   * A key of its own, derived from the JWT secret: one secret to configure and share between
   * instances, yet a rating-link signature can never pass as a JWT signature or vice versa.
   */
  private readonly key: Buffer;

  constructor(
    @InjectConfig(ratingsConfig) private readonly config: RatingsConfig,
    @InjectConfig(authConfig) auth: AuthConfig,
    private readonly clock: Clock,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', auth.jwtSecret, 'relaydesk', 'rating-link/v1', 32));
  }

  /** The default expiry of a new link: RATING_LINK_TTL_DAYS from now. */
  defaultExpiry(): Date {
    return new Date(this.clock.now().getTime() + this.config.ratingLinkTtlDays * 86_400_000);
  }

  create(ticketId: string, requesterId: string, expiresAt: Date, issuerId?: string): string {
    const payload: RatingLinkPayload = {
      ticketId,
      requesterId,
      exp: Math.floor(expiresAt.getTime() / 1000),
      nonce: randomBytes(16).toString('base64url'),
      ...(issuerId ? { issuerId } : {}),
    };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.sign(body).toString('base64url')}`;
  }

  /** Where the link points, relative to the server's public address. */
  path(token: string): string {
    return `/api/v1/public/ratings/${token}`;
  }

  /**
   * The payload of an authentic, unexpired token. A forged, altered or malformed one is
   * LinkInvalidError (404); an authentic one past its expiry is LinkExpiredError (410).
   */
  verify(token: string): RatingLinkPayload {
    const match = TOKEN.exec(token);
    if (!match) throw new LinkInvalidError();
    const [, body, signature] = match;
    const expected = this.sign(body);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new LinkInvalidError();
    }
    const payload = parsePayload(body);
    if (!payload) throw new LinkInvalidError();
    if (payload.exp * 1000 <= this.clock.now().getTime()) throw new LinkExpiredError();
    return payload;
  }

  private sign(body: string): Buffer {
    return createHmac('sha256', this.key).update(body).digest();
  }
}

function parsePayload(body: string): RatingLinkPayload | null {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const p = raw as Partial<RatingLinkPayload> | null;
  if (
    !p ||
    typeof p.ticketId !== 'string' ||
    !UUID.test(p.ticketId) ||
    typeof p.requesterId !== 'string' ||
    !UUID.test(p.requesterId) ||
    typeof p.exp !== 'number' ||
    !Number.isInteger(p.exp) ||
    typeof p.nonce !== 'string' ||
    !/^[A-Za-z0-9_-]{16,64}$/.test(p.nonce) ||
    (p.issuerId !== undefined && (typeof p.issuerId !== 'string' || !UUID.test(p.issuerId)))
  ) {
    return null;
  }
  return {
    ticketId: p.ticketId,
    requesterId: p.requesterId,
    exp: p.exp,
    nonce: p.nonce,
    ...(p.issuerId ? { issuerId: p.issuerId } : {}),
  };
}
