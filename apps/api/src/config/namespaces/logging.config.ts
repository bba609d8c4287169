import { configNamespace, type ConfigType } from '../config-namespace.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const loggingConfig = configNamespace('logging', (env) => {
  const logLevel = (env.raw('LOG_LEVEL') ?? 'info') as (typeof LOG_LEVELS)[number];
  if (!LOG_LEVELS.includes(logLevel)) {
    env.problem(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  return { logLevel };
});
export type LoggingConfig = ConfigType<typeof loggingConfig>;
