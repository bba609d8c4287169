import { configNamespace, type ConfigType } from '../config-namespace.js';

export const ratingsConfig = configNamespace('ratings', (env) => ({
  /** How long a signed rating link (for e-mails) stays usable. */
  ratingLinkTtlDays: env.int('RATING_LINK_TTL_DAYS', 14, 1, 365),
}));
export type RatingsConfig = ConfigType<typeof ratingsConfig>;
