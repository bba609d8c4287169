import { randomBytes } from 'node:crypto';
import { configNamespace, type ConfigType } from '../config-namespace.js';

export const authConfig = configNamespace('auth', (env) => {
  let jwtSecret = env.raw('JWT_SECRET') ?? '';
  if (jwtSecret === '') {
    // A random secret is fine for one process in development: tokens die with a restart.
    // Several instances must share one, which is why production sets JWT_SECRET.
    jwtSecret = randomBytes(32).toString('hex');
  } else if (jwtSecret.length < 32) {
    env.problem('JWT_SECRET must be at least 32 characters');
  }
  return {
    jwtSecret,
    accessTokenTtlSeconds: env.int('JWT_ACCESS_TTL_SECONDS', 900, 30, 86400),
    refreshTokenTtlSeconds: env.int('JWT_REFRESH_TTL_SECONDS', 30 * 86400, 300, 365 * 86400),
    /** Absolute lifetime of a login: no refresh is accepted this long after it, rotated or not. */
    sessionMaxAgeDays: env.int('SESSION_MAX_AGE_DAYS', 30, 1, 3650),
    /**
     * How long the token a rotation just used may be presented once more (0 turns it off): the
     * browser that sent it can lose the answer (a reload, a dropped connection) and would
     * otherwise look like a thief. Only the immediately previous token, and only while its
     * successor is unused; 60 at most, as Cognito's RetryGracePeriodSeconds.
     */
    refreshReuseGraceSeconds: env.int('REFRESH_REUSE_GRACE_SECONDS', 30, 0, 60),
  };
});
export type AuthConfig = ConfigType<typeof authConfig>;
