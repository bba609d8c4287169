import { Logger } from '@nestjs/common';
import { loadConfig, ConfigError } from '../../config/app-config';
import { EnvReader } from '../../config/env-reader';
import { secretsConfig } from '../../config/config-namespaces';
import { SecretBox, SecretUnreadableError } from './secret-box';

const KEY = Buffer.alloc(32, 7).toString('base64');
const box = (raw?: string) =>
  new SecretBox(secretsConfig.load(new EnvReader(raw === undefined ? {} : { SECRETS_KEY: raw })));

describe('SecretBox', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('round-trips, with a fresh IV each time and no clear text in the stored form', () => {
    const b = box(KEY);
    const one = b.seal('imap-päss', 'mailbox:1');
    const two = b.seal('imap-päss', 'mailbox:1');
    expect(one).not.toBe(two);
    expect(one).toMatch(/^v1:/);
    expect(one).not.toContain('imap');
    expect(b.open(one, 'mailbox:1')).toBe('imap-päss');
  });

  it('refuses another key, another row, and a changed byte', () => {
    const sealed = box(KEY).seal('secret', 'mailbox:1');
    expect(() => box(Buffer.alloc(32, 8).toString('base64')).open(sealed, 'mailbox:1')).toThrow(
      SecretUnreadableError,
    );
    expect(() => box(KEY).open(sealed, 'mailbox:2')).toThrow(SecretUnreadableError);
    const parts = sealed.split(':');
    const body = Buffer.from(parts[3], 'base64');
    body[0] ^= 1;
    parts[3] = body.toString('base64');
    expect(() => box(KEY).open(parts.join(':'), 'mailbox:1')).toThrow(SecretUnreadableError);
    expect(() => box(KEY).open('garbage', 'mailbox:1')).toThrow(SecretUnreadableError);
  });

  it('uses the fixed development key without SECRETS_KEY, and production refuses to start', () => {
    expect(box().open(box().seal('x', 'c'), 'c')).toBe('x');
    expect(secretsConfig.load(new EnvReader({})).secretsKeyIsDevelopment).toBe(true);
    const base = { DATABASE_URL: 'postgres://u:p@h/db', JWT_SECRET: 'x'.repeat(40) };
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig({ ...base, NODE_ENV: 'production' });
    } catch (e) {
      expect((e as ConfigError).problems.join('\n')).toMatch(/SECRETS_KEY must be set/);
    }
    const reader = new EnvReader({ SECRETS_KEY: 'c2hvcnQ=' });
    secretsConfig.load(reader);
    expect(reader.problems).toEqual([
      expect.stringMatching(/^SECRETS_KEY must be 32 random bytes/),
    ]);
  });
});
