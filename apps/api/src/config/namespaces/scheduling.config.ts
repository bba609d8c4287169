import { configNamespace, type ConfigType } from '../config-namespace.js';

export const schedulingConfig = configNamespace('scheduling', (env) => ({
  /** Run the scheduled loops in this instance (ScheduleModule is not loaded otherwise). */
  schedulerEnabled: env.bool('SCHEDULER_ENABLED', true),
}));
export type SchedulingConfig = ConfigType<typeof schedulingConfig>;
