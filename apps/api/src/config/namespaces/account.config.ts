import { configNamespace, type ConfigType } from '../config-namespace.js';

/**
 * The single-use links of the account mails (modules/auth/account-tokens): how long each kind
 * stays valid. A reset link is short-lived because it alone is enough to take over the account;
 * a welcome has to survive a weekend.
 */
export const accountConfig = configNamespace('account', (env) => ({
  welcomeTokenTtlHours: env.int('ACCOUNT_WELCOME_TTL_HOURS', 72, 1, 30 * 24),
  passwordResetTokenTtlMinutes: env.int('PASSWORD_RESET_TTL_MINUTES', 60, 5, 24 * 60),
  emailChangeTokenTtlHours: env.int('EMAIL_CHANGE_TTL_HOURS', 24, 1, 7 * 24),
}));
export type AccountConfig = ConfigType<typeof accountConfig>;
