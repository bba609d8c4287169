import { classifySmtpError } from './mail/smtp-failure';
import { subjectWithNumber } from './mail/mail-headers';
import { expired, retryDelayMs } from './retry-policy';

const settings = {
  mailRetryBaseSeconds: 30,
  mailRetryMaxDelaySeconds: 3600,
  mailRetryMaxAgeHours: 72,
};

describe('delivery rules', () => {
  it('backs off exponentially with jitter, up to the cap', () => {
    expect(retryDelayMs(1, settings, () => 0)).toBe(15_000);
    expect(retryDelayMs(1, settings, () => 1)).toBe(30_000);
    expect(retryDelayMs(3, settings, () => 1)).toBe(120_000);
    expect(retryDelayMs(40, settings, () => 1)).toBe(3_600_000);
    expect(retryDelayMs(40, settings, () => 0)).toBe(1_800_000);
  });

  it('gives a recipient up at the maximum age', () => {
    const created = new Date('2026-03-01T00:00:00Z');
    expect(expired(created, new Date('2026-03-03T23:59:59Z'), settings)).toBe(false);
    expect(expired(created, new Date('2026-03-04T00:00:00Z'), settings)).toBe(true);
  });

  it('tells a recipient’s refusal from an outage of our relay', () => {
    const rcpt = (responseCode: number) => ({
      code: 'EENVELOPE',
      responseCode,
      command: 'RCPT TO',
      response: `${responseCode} no`,
    });
    expect(classifySmtpError(rcpt(550)).class).toBe('permanent');
    expect(classifySmtpError(rcpt(452)).class).toBe('recipient');
    expect(
      classifySmtpError({ code: 'EMESSAGE', responseCode: 552, command: 'DATA', response: '552' })
        .class,
    ).toBe('permanent');
    expect(
      classifySmtpError({ code: 'ESOCKET', command: 'CONN', message: 'connect ECONNREFUSED' })
        .class,
    ).toBe('outage');
    expect(
      classifySmtpError({ code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' }).class,
    ).toBe('outage');
    // A refused sender is our configuration, not the recipient: never a per-recipient failure.
    expect(classifySmtpError({ responseCode: 553, command: 'MAIL FROM' }).class).toBe('outage');
    expect(classifySmtpError(new Error('socket hang up')).class).toBe('outage');
  });

  it('puts [#number] into every ticket subject once', () => {
    expect(subjectWithNumber('Printer', 12)).toBe('[#12] Printer');
    expect(subjectWithNumber('Re: [#12] Printer', 12)).toBe('Re: [#12] Printer');
    expect(subjectWithNumber('Welcome\r\nBcc: x@y', null)).toBe('Welcome Bcc: x@y');
  });
});
