import { ACCOUNT_MAIL_KINDS, LOCALES, NOTIFICATION_KINDS } from '@relaydesk/contracts';
import { renderSms } from './index';
import type { MailDataByKind, MailKind } from './mail-data';
import { isGsm, smsLength } from './render/sms-fit';
import { SAMPLE_MAIL_DATA } from './sample-mail-data';

const KINDS: MailKind[] = [...NOTIFICATION_KINDS, ...ACCOUNT_MAIL_KINDS];
const oneSegment = (sms: string) => smsLength(sms) <= (isGsm(sms) ? 160 : 70);

describe('SMS text', () => {
  it.each(KINDS)('%s: one line, one segment, no link and no secret, in every language', (kind) => {
    for (const locale of LOCALES) {
      const sms = renderSms(kind, locale, SAMPLE_MAIL_DATA[kind]);
      expect(sms).not.toMatch(/[\r\n]|https?:|token|undefined|null/);
      expect(oneSegment(sms)).toBe(true);
      const aboutTicket = !kind.startsWith('deputyship') && kind !== 'work_allowance_reached';
      if (NOTIFICATION_KINDS.includes(kind as never) && aboutTicket) {
        expect(sms).toMatch(/^#1042 .+: Printer jams$/);
      }
    }
  });

  const comment = SAMPLE_MAIL_DATA.comment_public;
  const withSubject = (subject: string): MailDataByKind['comment_public'] => ({
    ...comment,
    ticket: { ...comment.ticket, subject },
  });

  it('cuts a long Latin subject to 160 GSM-7 characters', () => {
    const sms = renderSms('comment_public', 'en', withSubject('Printer jams '.repeat(30)));
    expect(isGsm(sms)).toBe(true);
    expect(sms.length).toBeLessThanOrEqual(160);
    expect(sms.length).toBeGreaterThan(150);
    expect(sms).toMatch(/^#1042 New reply: Printer jams Printer .*\.\.\.$/);
  });

  it('counts GSM-7 extension characters twice', () => {
    const sms = renderSms('comment_public', 'en', withSubject('{x} '.repeat(60)));
    expect(isGsm(sms)).toBe(true);
    expect(smsLength(sms)).toBeLessThanOrEqual(160);
    expect(sms.length).toBeLessThan(150);
  });

  it('fits Cyrillic and Czech (UCS-2) into 70 characters', () => {
    const ru = renderSms(
      'comment_public',
      'ru',
      withSubject('Принтер на втором этаже зажёвывает бумагу на каждой странице'),
    );
    expect(ru.length).toBeLessThanOrEqual(70);
    expect(ru).toMatch(/^#1042 Новый ответ: Принтер .*…$/);
    const cs = renderSms('sla_breached', 'cs', {
      ...SAMPLE_MAIL_DATA.sla_breached,
      ticket: {
        ...comment.ticket,
        subject: 'Tiskárna ve druhém patře žmoulá papír na každé stránce',
      },
    });
    expect(cs.length).toBeLessThanOrEqual(70);
    expect(cs).toMatch(/^#1042 Překročen termín vyřešení: Tiskárna.*…$/);
    // an English text with one Cyrillic letter in the subject goes as UCS-2 too
    expect(renderSms('comment_public', 'en', withSubject(`Ж ${'a'.repeat(100)}`)).length).toBe(70);
  });

  it('never cuts an emoji in half and keeps the subject on one line', () => {
    const sms = renderSms('comment_public', 'ru', withSubject(`${'🖨️'.repeat(40)}\r\nBcc: x`));
    expect(sms).not.toMatch(/[\r\n]/);
    expect(sms.length).toBeLessThanOrEqual(70);
    expect(sms).not.toMatch(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
    );
  });

  it('never carries the rating link, the account links, or an internal note to a client', () => {
    const status = renderSms('status_changed', 'en', SAMPLE_MAIL_DATA.status_changed);
    expect(status).toBe('#1042 Resolved: Printer jams');
    for (const kind of ACCOUNT_MAIL_KINDS) {
      expect(renderSms(kind, 'en', SAMPLE_MAIL_DATA[kind])).not.toContain('sample-secret-token');
    }
    expect(() =>
      renderSms('comment_internal', 'en', {
        ...SAMPLE_MAIL_DATA.comment_internal,
        audience: 'client',
      }),
    ).toThrow(/staff only/);
  });
});
