import { createHash } from 'node:crypto';
import { configNamespace, type ConfigType } from '../config-namespace.js';

/**
 * The development key: fixed, so secrets stored by one run of the dev server or a test stay
 * readable by the next, and public, so it protects nothing. Production refuses to start on it.
 */
const DEV_KEY = createHash('sha256').update('relaydesk development secrets key').digest();

export const secretsConfig = configNamespace('secrets', (env) => {
  const raw = env.raw('SECRETS_KEY')?.trim() || '';
  let secretsKey = DEV_KEY;
  let secretsKeyIsDevelopment = true;
  if (raw !== '') {
    const key = Buffer.from(raw, 'base64');
    if (key.length !== 32 || key.toString('base64') !== raw.replace(/\s/g, '')) {
      env.problem(
        'SECRETS_KEY must be 32 random bytes in base64 (44 characters): openssl rand -base64 32',
      );
    } else {
      secretsKey = key;
      secretsKeyIsDevelopment = false;
    }
  } else if (env.production) {
    env.problem(
      'SECRETS_KEY must be set in production: it encrypts stored credentials such as mailbox passwords (openssl rand -base64 32)',
    );
  }
  return {
    /** AES-256-GCM key of stored credentials (SecretBox). Never logged. */
    secretsKey,
    /** No SECRETS_KEY: the public development key is in use (a warning at boot). */
    secretsKeyIsDevelopment,
  };
});
export type SecretsConfig = ConfigType<typeof secretsConfig>;
