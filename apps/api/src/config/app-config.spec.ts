import { ConfigError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://u:p@localhost/db' };
const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig({ ...base, ...env });
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.join('\n');
    throw e;
  }
  return '';
};

describe('loadConfig', () => {
  describe('TRUST_PROXY', () => {
    it('trusts no proxy by default', () => {
      expect(loadConfig(base).trustProxy).toBe(false);
      expect(loadConfig({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    });
    it('takes a hop count or addresses and CIDRs', () => {
      expect(loadConfig({ ...base, TRUST_PROXY: '2' }).trustProxy).toBe(2);
      expect(
        loadConfig({ ...base, TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8' }).trustProxy,
      ).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8']);
    });
    it('refuses a blanket true and anything it cannot read', () => {
      expect(problemsOf({ TRUST_PROXY: 'true' })).toMatch(/would believe any X-Forwarded-For/);
      expect(problemsOf({ TRUST_PROXY: '10.0.0.300' })).toMatch(/TRUST_PROXY must be/);
      expect(problemsOf({ TRUST_PROXY: '99' })).toMatch(/TRUST_PROXY must be/);
    });
  });

  describe('PUBLIC_URL', () => {
    it('defaults to localhost on the port and drops a trailing slash', () => {
      expect(loadConfig({ ...base, PORT: '3100' }).publicUrl).toBe('http://localhost:3100');
      expect(loadConfig({ ...base, PUBLIC_URL: 'https://help.example.com/desk/' }).publicUrl).toBe(
        'https://help.example.com/desk',
      );
    });
    it('refuses what is not a plain http(s) address', () => {
      for (const bad of ['help.example.com', 'ftp://x', 'https://x/?a=1', 'https://u:p@x']) {
        expect(problemsOf({ PUBLIC_URL: bad })).toMatch(/PUBLIC_URL must be/);
      }
    });
  });

  describe('demo data and production', () => {
    it('seeds demo data unless an admin is named, and then only when asked', () => {
      expect(loadConfig(base).demoData).toBe(true);
      const admin = {
        RELAYDESK_ADMIN_EMAIL: 'a@example.com',
        RELAYDESK_ADMIN_PASSWORD: 'long enough',
      };
      expect(loadConfig({ ...base, ...admin }).demoData).toBe(false);
      expect(loadConfig({ ...base, ...admin, RELAYDESK_DEMO: 'true' }).demoData).toBe(true);
    });
    it('refuses the bench routes in production', () => {
      expect(loadConfig({ ...base, RELAYDESK_BENCH_ROUTES: 'true' }).benchRoutes).toBe(true);
      expect(problemsOf({ RELAYDESK_BENCH_ROUTES: 'true', NODE_ENV: 'production' })).toMatch(
        /RELAYDESK_BENCH_ROUTES/,
      );
    });
    it('refuses the test routes in production', () => {
      expect(loadConfig(base).testRoutes).toBe(false);
      expect(loadConfig({ ...base, RELAYDESK_TEST_ROUTES: 'true' }).testRoutes).toBe(true);
      expect(problemsOf({ RELAYDESK_TEST_ROUTES: 'true', NODE_ENV: 'production' })).toMatch(
        /RELAYDESK_TEST_ROUTES is for the test suite only/,
      );
    });
  });
});
