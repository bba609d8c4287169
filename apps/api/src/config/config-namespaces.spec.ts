import { loadConfig, type AppConfig } from './app-config';
import { EnvReader } from './env-reader';
import {
  authConfig,
  CONFIG_NAMESPACES,
  configProviders,
  rateLimitConfig,
  sliceOf,
} from './config-namespaces';

const config = loadConfig({
  DATABASE_URL: 'postgres://u:p@localhost/db',
  JWT_SECRET: 'a-secret-that-is-long-enough-for-the-test-000',
  LOGIN_MAX_ATTEMPTS_PER_IP: '7',
  REFRESH_MAX_PER_IP: '11',
});

describe('config namespaces', () => {
  it('give every setting to some namespace, so no module needs the whole config', () => {
    const covered = new Set(CONFIG_NAMESPACES.flatMap((ns) => ns.keys));
    const missing = (Object.keys(config) as (keyof AppConfig)[]).filter((k) => !covered.has(k));
    expect(missing).toEqual([]);
  });

  it('hold disjoint settings, each read and validated by its own namespace', () => {
    const all = CONFIG_NAMESPACES.flatMap((ns) => ns.keys);
    expect(all.length).toBe(new Set(all).size);
    const reader = new EnvReader({ JWT_SECRET: 'short', REFRESH_MAX_PER_IP: 'lots' });
    authConfig.load(reader);
    expect(reader.problems).toEqual(['JWT_SECRET must be at least 32 characters']);
    expect(rateLimitConfig.load(reader).refreshMaxPerIp).toBe(300);
    expect(reader.problems[1]).toMatch(/^REFRESH_MAX_PER_IP must be an integer/);
  });

  it('slice the validated config: only their own keys, read-only', () => {
    const auth = sliceOf(config, authConfig);
    expect(Object.keys(auth).sort()).toEqual([...authConfig.keys].sort());
    expect(auth.jwtSecret).toBe('a-secret-that-is-long-enough-for-the-test-000');
    expect('databaseUrl' in auth).toBe(false);
    expect(Object.isFrozen(auth)).toBe(true);
    expect(sliceOf(config, rateLimitConfig)).toMatchObject({
      loginMaxAttemptsPerIp: 7,
      refreshMaxPerIp: 11,
      ratingMaxPerIp: 30,
      rateLimitWindowSeconds: 60,
    });
  });

  it('have one provider each, under their own token', () => {
    const providers = configProviders(config) as { provide: symbol; useValue: object }[];
    expect(providers.map((p) => p.provide)).toEqual(CONFIG_NAMESPACES.map((ns) => ns.token));
    expect(new Set(providers.map((p) => p.provide)).size).toBe(CONFIG_NAMESPACES.length);
  });
});
