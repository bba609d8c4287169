import { inspect } from 'node:util';
import { EnvReader } from '../env-reader';
import { smsConfig } from './sms.config';

function load(env: Record<string, string>) {
  const reader = new EnvReader(env);
  const config = smsConfig.load(reader);
  return { config, problems: reader.problems };
}

const HTTP = { SMS_DRIVER: 'http', SMS_GATEWAY_URL: 'https://sms.example.com/send' };

describe('sms config', () => {
  it('writes SMS to the log in development and is off in production unless SMS_DRIVER says', () => {
    expect(load({}).config.smsDriver).toBe('log');
    expect(load({ NODE_ENV: 'production' })).toMatchObject({
      config: { smsDriver: null },
      problems: [],
    });
    expect(load({ NODE_ENV: 'production', SMS_DRIVER: 'log' }).config.smsDriver).toBe('log');
    expect(load({ SMS_DRIVER: 'carrier-pigeon' }).problems).toEqual([
      'SMS_DRIVER must be one of log, http, got "carrier-pigeon"',
    ]);
  });

  it('has defaults for a JSON POST, a form POST and a GET', () => {
    expect(load(HTTP)).toMatchObject({
      config: {
        smsGatewayMethod: 'POST',
        smsGatewayContentType: 'application/json',
        smsGatewayBodyTemplate: '{"to":"{{to}}","text":"{{text}}"}',
        smsGatewayTimeoutMs: 10000,
        smsGatewayAuthHeader: null,
        smsFrom: null,
      },
      problems: [],
    });
    const form = load({ ...HTTP, SMS_GATEWAY_CONTENT_TYPE: 'application/x-www-form-urlencoded' });
    expect(form.config.smsGatewayBodyTemplate).toBe('to={{to}}&text={{text}}');
    expect(load({ ...HTTP, SMS_GATEWAY_METHOD: 'get' }).config.smsGatewayMethod).toBe('GET');
  });

  it('names every mistake at once', () => {
    expect(
      load({
        SMS_DRIVER: 'http',
        SMS_GATEWAY_METHOD: 'PUT',
        SMS_GATEWAY_CONTENT_TYPE: 'text/plain',
        SMS_GATEWAY_TIMEOUT_MS: '5',
        SMS_GATEWAY_BODY_TEMPLATE: '{"to":"{{to}}","message":"{{txt}}"}',
      }).problems,
    ).toEqual([
      'SMS_GATEWAY_METHOD must be POST or GET, got "PUT"',
      'SMS_GATEWAY_CONTENT_TYPE must be application/json or application/x-www-form-urlencoded, got "text/plain"',
      'SMS_GATEWAY_URL is required with SMS_DRIVER=http',
      'SMS_GATEWAY_TIMEOUT_MS must be an integer from 100 to 120000, got "5"',
      'SMS_GATEWAY_BODY_TEMPLATE has unknown placeholders {{txt}}; it may use {{to}}, {{text}} and {{from}}',
      'SMS_GATEWAY_BODY_TEMPLATE must contain {{text}}',
    ]);
  });

  it('wants JSON templates to be JSON, and SMS_FROM when {{from}} is used', () => {
    expect(
      load({
        ...HTTP,
        SMS_GATEWAY_BODY_TEMPLATE: '{"to":{{to}},"text":"{{text}}","from":"{{from}}"}',
      }).problems,
    ).toEqual([
      'SMS_GATEWAY_BODY_TEMPLATE uses {{from}}: set SMS_FROM',
      expect.stringMatching(
        /^SMS_GATEWAY_BODY_TEMPLATE must be JSON with the placeholders inside strings/,
      ),
    ]);
  });

  it('refuses credentials in the URL and never repeats a secret in a problem', () => {
    const inUrl = load({ ...HTTP, SMS_GATEWAY_URL: 'https://ACsid:s3cret-pass@api.example.com/x' });
    expect(inUrl.problems).toEqual([
      expect.stringMatching(/^SMS_GATEWAY_URL must not hold a user name/),
    ]);
    expect(inUrl.problems.join()).not.toContain('s3cret-pass');

    const badUrl = load({ ...HTTP, SMS_GATEWAY_URL: 'sms.example.com/send?key=s3cret-key' });
    expect(badUrl.problems).toEqual(['SMS_GATEWAY_URL must be an absolute http(s) URL']);

    const badHeader = load({ ...HTTP, SMS_GATEWAY_AUTH_HEADER: 'Bearer s3cret-token' });
    expect(badHeader.problems).toEqual([
      expect.stringMatching(/^SMS_GATEWAY_AUTH_HEADER must be one header line, "Name: value"/),
    ]);
    expect(badHeader.problems.join()).not.toContain('s3cret-token');
  });

  it('keeps the auth header value out of JSON and inspect output', () => {
    const { config, problems } = load({
      ...HTTP,
      SMS_GATEWAY_AUTH_HEADER: 'Authorization:  Basic QUM6czNjcmV0 ',
    });
    expect(problems).toEqual([]);
    expect(config.smsGatewayAuthHeader?.name).toBe('Authorization');
    expect(config.smsGatewayAuthHeader?.reveal()).toBe('Basic QUM6czNjcmV0');
    expect(JSON.stringify(config)).toContain('"smsGatewayAuthHeader":"Authorization: [redacted]"');
    expect(JSON.stringify(config)).not.toContain('QUM6czNjcmV0');
    expect(inspect(config, { showHidden: true, depth: 5 })).not.toContain('QUM6czNjcmV0');
  });
});
