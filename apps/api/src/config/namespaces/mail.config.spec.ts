import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { EnvReader } from '../env-reader';
import { mailConfig, parseMailbox } from './mail.config';

function load(env: Record<string, string>) {
  const reader = new EnvReader(env);
  const config = mailConfig.load(reader);
  return { config, problems: reader.problems };
}

describe('mail config', () => {
  it('uses the log driver in development without SMTP_URL, with a sender in PUBLIC_URL’s host', () => {
    const { config, problems } = load({ PUBLIC_URL: 'https://help.example.com' });
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      mailDriver: 'log',
      smtpUrl: null,
      mailFrom: 'Relaydesk <relaydesk@help.example.com>',
      mailRateLimitPerHour: 10,
      mailDkim: null,
    });
  });

  it('refuses production without SMTP_URL unless MAIL_DRIVER=log is explicit', () => {
    expect(load({ NODE_ENV: 'production' }).problems.join('\n')).toMatch(
      /SMTP_URL must be set in production.*MAIL_DRIVER=log/,
    );
    const explicit = load({ NODE_ENV: 'production', MAIL_DRIVER: 'log' });
    expect(explicit.problems).toEqual([]);
    expect(explicit.config.mailDriver).toBe('log');
    expect(
      load({ NODE_ENV: 'production', SMTP_URL: 'smtp://mx.example.com' }).problems.join('\n'),
    ).toMatch(/MAIL_FROM must be set in production/);
  });

  it('shows host, port, secure and user of SMTP_URL, and never repeats its password', () => {
    const { config, problems } = load({
      SMTP_URL: 'smtps://mailer%40example.com:s3cr3t-pw@smtp.example.com',
      MAIL_FROM: '"Help desk" <help@example.com>',
    });
    expect(problems).toEqual([]);
    expect(config.smtpEndpoint).toEqual({
      host: 'smtp.example.com',
      port: 465,
      secure: true,
      user: 'mailer@example.com',
    });
    expect(config.mailDriver).toBe('smtp');
    const bad = load({ SMTP_URL: 'http://u:s3cr3t-pw@smtp.example.com' }).problems.join('\n');
    expect(bad).toMatch(/SMTP_URL must start with smtp:\/\/ or smtps:\/\//);
    expect(bad).not.toContain('s3cr3t-pw');
    expect(load({ SMTP_URL: 'not a url s3cr3t-pw' }).problems.join('\n')).not.toContain(
      's3cr3t-pw',
    );
    expect(load({ MAIL_DRIVER: 'smtp' }).problems.join('\n')).toMatch(/MAIL_DRIVER=smtp needs/);
  });

  it('validates the sender, domain, reply-to and numbers', () => {
    const problems = load({
      MAIL_FROM: 'nobody',
      MAIL_DOMAIN: 'bad domain',
      MAIL_REPLY_TO: 'x@',
      MAIL_RATE_LIMIT_PER_HOUR: '0',
      MAIL_DRIVER: 'carrier-pigeon',
    }).problems.join('\n');
    expect(problems).toMatch(/MAIL_FROM must be an address/);
    expect(problems).toMatch(/MAIL_DOMAIN must be a domain name/);
    expect(problems).toMatch(/MAIL_REPLY_TO must be an address/);
    expect(problems).toMatch(/MAIL_RATE_LIMIT_PER_HOUR must be an integer from 1/);
    expect(problems).toMatch(/MAIL_DRIVER must be smtp or log/);
    expect(load({ MAIL_CONCURRENCY: '8', DATABASE_POOL_SIZE: '10' }).problems.join('\n')).toMatch(
      /MAIL_CONCURRENCY \(8\) must be at most half of DATABASE_POOL_SIZE \(10\)/,
    );
    expect(load({ MAIL_CONCURRENCY: '5', DATABASE_POOL_SIZE: '10' }).problems).toEqual([]);
    // Unset, it follows a small pool instead of refusing to start (npm run cluster: pool 5).
    const small = load({ DATABASE_POOL_SIZE: '5' });
    expect(small.problems).toEqual([]);
    expect(small.config.mailConcurrency).toBe(2);
    expect(load({}).config.mailConcurrency).toBe(4);
  });

  it('reads the DKIM key once at boot and wants all three settings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dkim-'));
    const keyFile = join(dir, 'dkim.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const ok = load({
      MAIL_DKIM_DOMAIN: 'example.com',
      MAIL_DKIM_SELECTOR: 'rd2026',
      MAIL_DKIM_PRIVATE_KEY_FILE: keyFile,
    });
    expect(ok.problems).toEqual([]);
    expect(ok.config.mailDkim).toMatchObject({ domain: 'example.com', selector: 'rd2026' });
    expect(load({ MAIL_DKIM_DOMAIN: 'example.com' }).problems.join('\n')).toMatch(
      /must be set together/,
    );
    writeFileSync(join(dir, 'junk.pem'), 'not a key');
    expect(
      load({
        MAIL_DKIM_DOMAIN: 'example.com',
        MAIL_DKIM_SELECTOR: 'rd2026',
        MAIL_DKIM_PRIVATE_KEY_FILE: join(dir, 'junk.pem'),
      }).problems.join('\n'),
    ).toMatch(/cannot be used as a private key/);
  });

  it('parses a mailbox with or without a display name', () => {
    expect(parseMailbox('Help <help@Example.com>')).toEqual({
      name: 'Help',
      address: 'help@Example.com',
      domain: 'example.com',
    });
    expect(parseMailbox('help@example.com')).toMatchObject({ name: null, domain: 'example.com' });
    expect(parseMailbox('two@a.com, three@b.com')).toBeNull();
  });
});
