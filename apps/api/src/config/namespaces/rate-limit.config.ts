import { configNamespace, type ConfigType } from '../config-namespace.js';

/** Per-client request limits of the public endpoints (common/http/throttling). */
export const rateLimitConfig = configNamespace('rateLimit', (env) => ({
  /** Failed password checks per client address per loginWindowSeconds. */
  loginMaxAttemptsPerIp: env.int('LOGIN_MAX_ATTEMPTS_PER_IP', 100, 1, 1000000),
  /** Password checks per account per loginWindowSeconds, from any address. */
  loginMaxAttemptsPerAccount: env.int('LOGIN_MAX_ATTEMPTS_PER_ACCOUNT', 10, 1, 10000),
  loginWindowSeconds: env.int('LOGIN_WINDOW_SECONDS', 900, 1, 86400),
  /** Token refreshes per client address per rateLimitWindowSeconds. */
  refreshMaxPerIp: env.int('REFRESH_MAX_PER_IP', 300, 1, 1000000),
  /** Rating-link submissions per client address per rateLimitWindowSeconds. */
  ratingMaxPerIp: env.int('RATING_MAX_PER_IP', 30, 1, 1000000),
  /** "Forgot password" requests per client address per passwordResetWindowSeconds. */
  passwordResetMaxPerIp: env.int('PASSWORD_RESET_MAX_PER_IP', 20, 1, 1000000),
  /** "Forgot password" requests per e-mail address (known or not) per passwordResetWindowSeconds. */
  passwordResetMaxPerAddress: env.int('PASSWORD_RESET_MAX_PER_ADDRESS', 3, 1, 10000),
  passwordResetWindowSeconds: env.int('PASSWORD_RESET_WINDOW_SECONDS', 3600, 1, 86400),
  /** Uses of account-mail links (set a password, confirm an e-mail) per client address per passwordResetWindowSeconds. */
  accountTokenMaxPerIp: env.int('ACCOUNT_TOKEN_MAX_PER_IP', 30, 1, 1000000),
  /** One-click unsubscribe submissions per client address per rateLimitWindowSeconds. */
  unsubscribeMaxPerIp: env.int('UNSUBSCRIBE_MAX_PER_IP', 30, 1, 1000000),
  /** Requests per API token per minute, from any address and any API instance. */
  apiTokenRateLimitPerMinute: env.int('API_TOKEN_RATE_LIMIT_PER_MINUTE', 600, 1, 1000000),
  /** The window of the refresh, rating and unsubscribe limits. */
  rateLimitWindowSeconds: env.int('RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86400),
}));
export type RateLimitConfig = ConfigType<typeof rateLimitConfig>;
