import { configNamespace, type ConfigType } from '../config-namespace.js';

export const demoConfig = configNamespace('demo', (env) => {
  const adminEmail = env.raw('RELAYDESK_ADMIN_EMAIL') || null;
  const adminPassword = env.raw('RELAYDESK_ADMIN_PASSWORD') || null;
  if ((adminEmail === null) !== (adminPassword === null)) {
    env.problem('RELAYDESK_ADMIN_EMAIL and RELAYDESK_ADMIN_PASSWORD must be set together');
  }
  if (adminPassword !== null && adminPassword.length < 8) {
    env.problem('RELAYDESK_ADMIN_PASSWORD must be at least 8 characters');
  }
  return {
    // An installation that names its admin is a real one: demo data only when asked for.
    demoData: env.bool('RELAYDESK_DEMO', adminEmail === null),
    adminEmail,
    adminPassword,
    /** NODE_ENV=production: refuse development-only switches, warn about demo passwords. */
    production: env.production,
  };
});
export type DemoConfig = ConfigType<typeof demoConfig>;
