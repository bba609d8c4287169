import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEFAULT_VISIBILITY_SCOPE, type VisibilityScope } from '@relaydesk/contracts';
import { authConfig, InjectConfig, type AuthConfig } from '../../config/config-namespaces.js';
import { UnauthenticatedError, BusinessRuleError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import { sql } from '../../common/database/sql.js';
import { seesAllTickets } from '../../common/auth/auth-user.js';
import { PasswordService, toUserDto, User } from '../directory/index.js';
import { LoginThrottleService } from './login-throttle.service.js';
import type { TokenPairDto } from './dto/auth.dto.js';
import type { AccessTokenPayload } from './jwt.strategy.js';

const INVALID_LOGIN = 'Invalid e-mail or password';

/** A new token pair, with when the refresh token stops working (for the cookie's Max-Age). */
export interface IssuedTokens extends Required<TokenPairDto> {
  refreshExpiresAt: Date;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottleService,
    private readonly clock: Clock,
    @InjectConfig(authConfig) private readonly config: AuthConfig,
  ) {}

  async login(
    email: string,
    password: string,
    client: { ip: string; userAgent: string | null },
  ): Promise<IssuedTokens> {
    // Counted by @RateLimited before we get here (per address and per account).
    const normalized = email.trim();

    const user = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: normalized })
      .getOne();
    const orgActive =
      user?.organizationId == null ||
      (
        (await this.db.query('SELECT active FROM organizations WHERE id = $1', [
          user.organizationId,
        ])) as { active: boolean }[]
      )[0]?.active === true;

    // One answer for every failure, so the API does not reveal which e-mails exist.
    if (!user || !user.passwordHash || !user.active || !orgActive) {
      await this.passwords.verifyAgainstNothing(password);
      throw new UnauthenticatedError(INVALID_LOGIN);
    }
    if (!(await this.passwords.verify(user.passwordHash, password))) {
      throw new UnauthenticatedError(INVALID_LOGIN);
    }
    await this.throttle.succeeded(normalized, client.ip);

    const sessionId = await this.db.transaction(async (em) => {
      const [{ id }] = (await em.query(
        `INSERT INTO auth_sessions (user_id, user_agent, ip, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
        [
          user.id,
          client.userAgent?.slice(0, 500) ?? null,
          client.ip.slice(0, 64),
          this.clock.now(),
        ],
      )) as { id: string }[];
      await em.query('UPDATE users SET last_login_at = $2 WHERE id = $1', [
        user.id,
        this.clock.now(),
      ]);
      return id;
    });
    return this.issueTokens(user, sessionId, this.sessionEnd(this.clock.now()));
  }

  /**
   * Rotates a refresh token. Each token works once; presenting a used one means it was stolen
   * (or replayed), so the whole session (every token descended from the login) is revoked.
   * Rotation does not extend a session past its absolute lifetime (SESSION_MAX_AGE_DAYS).
   *
   * One exception, the reuse grace (REFRESH_REUSE_GRACE_SECONDS): a browser reloaded while its
   * refresh was in flight never stored the rotated cookie and sends the used one again. Within
   * the window after its first use, the immediately previous token gets a new pair once more,
   * provided the pair it was rotated into was never used; that unused successor is consumed, so
   * whoever holds it (a thief who replayed first, or the owner after a thief's retry) is caught
   * by reuse detection at its next refresh. Older tokens, or a retry after the successor was
   * used, still revoke the session.
   */
  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const [tokenId, secret] = refreshToken.split('.');
    if (!tokenId || !secret || !/^[0-9a-f-]{36}$/.test(tokenId)) {
      throw new UnauthenticatedError('The refresh token is not valid');
    }
    const rows = (await this.db.query(
      `SELECT t.id, t.session_id, t.token_hash, t.expires_at, t.used_at, s.user_id, s.revoked_at,
              s.created_at AS session_created_at
         FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id
        WHERE t.id = $1`,
      [tokenId],
    )) as {
      id: string;
      session_id: string;
      token_hash: string;
      expires_at: Date;
      used_at: Date | null;
      user_id: string;
      revoked_at: Date | null;
      session_created_at: Date;
    }[];
    const row = rows[0];
    const presented = Buffer.from(sha256(secret));
    if (!row || !timingSafeEqual(presented, Buffer.from(row.token_hash))) {
      throw new UnauthenticatedError('The refresh token is not valid');
    }
    if (row.revoked_at) throw new UnauthenticatedError('The session has ended; log in again');

    const claimed = await sql(
      this.db,
      `UPDATE refresh_tokens SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id`,
      [row.id, this.clock.now()],
    );
    if (claimed.length === 0 && !(await this.retryWithinGrace(row.id))) {
      await this.revokeSession(row.session_id, 'refresh_reuse');
      throw new UnauthenticatedError('The refresh token was already used; the session is revoked');
    }
    const sessionEnd = this.sessionEnd(row.session_created_at);
    if (sessionEnd.getTime() <= this.clock.now().getTime()) {
      await this.revokeSession(row.session_id, 'max_age');
      throw new UnauthenticatedError('The session has reached its maximum age; log in again');
    }
    if (row.expires_at.getTime() <= this.clock.now().getTime()) {
      throw new UnauthenticatedError('The refresh token has expired; log in again');
    }
    const user = await this.db.getRepository(User).findOneBy({ id: row.user_id, active: true });
    if (!user) throw new UnauthenticatedError('The session has ended; log in again');
    return this.issueTokens(user, row.session_id, sessionEnd, row.id);
  }

  /**
   * Consumes the unused successor of a token used less than the grace window ago; true when it
   * did. The row lock of the UPDATE makes two retries, or a retry racing the successor's own
   * rotation, consume it once: the loser is reuse.
   */
  private async retryWithinGrace(tokenId: string): Promise<boolean> {
    if (this.config.refreshReuseGraceSeconds <= 0) return false;
    const now = this.clock.now();
    const consumed = await sql(
      this.db,
      `UPDATE refresh_tokens s SET used_at = $2
         FROM refresh_tokens p
        WHERE p.id = $1 AND s.id = p.replaced_by_id AND s.used_at IS NULL
          AND p.used_at > $3
        RETURNING s.id`,
      [tokenId, now, new Date(now.getTime() - this.config.refreshReuseGraceSeconds * 1000)],
    );
    return consumed.length > 0;
  }

  async logout(sessionId: string): Promise<void> {
    await this.revokeSession(sessionId, 'logout');
  }

  /** "Sign out everywhere": every session of the user ends, this one included. */
  async revokeAllSessions(userId: string): Promise<void> {
    await this.db.query(
      `UPDATE auth_sessions SET revoked_at = $2, revoked_reason = 'sign_out_everywhere'
        WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, this.clock.now()],
    );
  }

  async changePassword(
    userId: string,
    sessionId: string,
    currentPassword: string,
    newPassword: string,
    ip: string,
  ): Promise<void> {
    // Guesses at the current password (with a stolen access token) share the login's budget:
    // @RateLimited counts them on the same per-account and per-IP counters, so two endpoints do
    // not give twice the guesses; a right password hands the attempts back like a login.
    const email = (
      (await this.db.query('SELECT email FROM users WHERE id = $1', [userId])) as {
        email: string;
      }[]
    )[0].email;
    const user = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: userId })
      .getOneOrFail();
    if (!user.passwordHash || !(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw new BusinessRuleError('The current password is wrong', [
        { field: 'currentPassword', message: 'does not match' },
      ]);
    }
    await this.throttle.succeeded(email, ip);
    const newHash = await this.passwords.hash(newPassword);
    await this.db.transaction(async (em) => {
      await em.query(
        'UPDATE users SET password_hash = $2, updated_at = $3, version = version + 1 WHERE id = $1',
        [userId, newHash, this.clock.now()],
      );
      // Everyone else holding this account's tokens is logged out; this session stays.
      await em.query(
        `UPDATE auth_sessions SET revoked_at = $3, revoked_reason = 'password_changed'
          WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
        [userId, sessionId, this.clock.now()],
      );
    });
  }

  private async revokeSession(sessionId: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE auth_sessions SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, this.clock.now(), reason],
    );
  }

  private sessionEnd(createdAt: Date): Date {
    return new Date(createdAt.getTime() + this.config.sessionMaxAgeDays * 86_400_000);
  }

  private async issueTokens(
    user: User,
    sessionId: string,
    sessionEnd: Date,
    predecessorId?: string,
  ): Promise<IssuedTokens> {
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(
      Math.min(
        this.clock.now().getTime() + this.config.refreshTokenTtlSeconds * 1000,
        sessionEnd.getTime(),
      ),
    );
    const [{ id }] = (await this.db.query(
      `INSERT INTO refresh_tokens (session_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [sessionId, sha256(secret), expiresAt, this.clock.now()],
    )) as { id: string }[];
    if (predecessorId) {
      await this.db.query('UPDATE refresh_tokens SET replaced_by_id = $2 WHERE id = $1', [
        predecessorId,
        id,
      ]);
    }
    const payload: AccessTokenPayload = {
      sub: user.id,
      sid: sessionId,
      // jsonwebtoken counts expiresIn from iat; by default iat is the system time.
      iat: Math.floor(this.clock.now().getTime() / 1000),
    };
    // The access token ends with the session too: no request is served past its absolute lifetime.
    const accessTtl = Math.max(
      1,
      Math.min(
        this.config.accessTokenTtlSeconds,
        Math.floor((sessionEnd.getTime() - this.clock.now().getTime()) / 1000),
      ),
    );
    // The SPA keeps this user: its canViewAll must be what THE visibility rule does (the scope in
    // force, default included; every ticket for admins and dispatchers), as on GET /me.
    const [{ groupIds, defaultScope }] = (await this.db.query(
      `SELECT ARRAY(SELECT group_id FROM group_members WHERE user_id = $1) AS "groupIds",
              (SELECT default_scope FROM visibility_settings WHERE id = 1) AS "defaultScope"`,
      [user.id],
    )) as { groupIds: string[]; defaultScope: VisibilityScope | null }[];
    return {
      accessToken: await this.jwt.signAsync(payload, {
        expiresIn: accessTtl,
        secret: this.config.jwtSecret,
        algorithm: 'HS256',
      }),
      expiresIn: accessTtl,
      refreshToken: `${id}.${secret}`,
      refreshExpiresAt: expiresAt,
      user: {
        ...toUserDto(user, groupIds, defaultScope),
        canViewAll: seesAllTickets({
          role: user.role,
          visibilityScope: user.visibilityScope ?? defaultScope ?? DEFAULT_VISIBILITY_SCOPE,
        }),
      },
    };
  }
}
