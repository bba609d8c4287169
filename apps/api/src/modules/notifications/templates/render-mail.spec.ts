import { ACCOUNT_MAIL_KINDS, LOCALES, NOTIFICATION_KINDS, type Locale } from '@relaydesk/contracts';
import { renderMail } from './index';
import type { MailData, MailDataByKind, MailKind, MailLinks, RenderedMail } from './mail-data';
import { SAMPLE_MAIL_DATA } from './sample-mail-data';

const KINDS: MailKind[] = [...NOTIFICATION_KINDS, ...ACCOUNT_MAIL_KINDS];
const ACCOUNT = new Set<MailKind>(ACCOUNT_MAIL_KINDS);
const LINKS: MailLinks = {
  publicUrl: 'https://desk.example.com',
  unsubscribeUrl: 'https://desk.example.com/api/v1/unsubscribe/tok.sig',
};

const render = <K extends MailKind>(
  kind: K,
  locale: Locale = 'en',
  data: MailData<K> = SAMPLE_MAIL_DATA[kind] as MailData<K>,
  links: MailLinks = LINKS,
): RenderedMail => renderMail(kind, locale, data, links);

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** What a reader sees of the HTML part: the body's text, tags dropped, entities decoded. */
const visible = (html: string) =>
  decode(
    html
      .replace(/^[\s\S]*<body[^>]*>/, '')
      .replace(/<br>/g, '\n')
      .replace(/<[^>]+>/g, ' '),
  );
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => decode(m[1]));
// Colons sit between a label and its value in the text part and between two table cells in HTML.
const norm = (s: string) => s.replace(/:/g, ' ').replace(/\s+/g, ' ').trim();

describe.each(KINDS)('%s', (kind) => {
  it.each([...LOCALES])('renders completely in %s', (locale) => {
    const mail = render(kind, locale);
    for (const part of [mail.subject, mail.text, mail.html]) {
      expect(part).not.toMatch(/undefined|null|NaN|\[object |\$\{|\{\w+\}/);
    }
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject.length).toBeGreaterThan(5);
    expect(mail.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(mail.html).toContain(`<html lang="${locale}"`);
    expect(mail.html).not.toMatch(/<script|<img|<link|<iframe|src=|url\(/i);
    expect(mail.html).toContain('max-width:600px');
    // The text part is plain: no markup and no entities.
    expect(mail.text).not.toMatch(/<\/?[a-z][^>]*>|&(amp|lt|gt|quot|#\d+);/i);
    // Deputyships and allowance warnings are about no ticket.
    if (!ACCOUNT.has(kind) && !kind.startsWith('deputyship') && kind !== 'work_allowance_reached') {
      expect(mail.subject).toMatch(/^\[#1042\] .+: Printer jams$/);
    }
  });

  it('says the same in the text part and the HTML part', () => {
    for (const locale of LOCALES) {
      const { text, html } = render(kind, locale);
      const seen = norm(visible(html));
      const links = hrefs(html);
      const urlLines = text.split('\n').filter((l) => /: https?:\/\/\S+$/.test(l));
      for (const raw of text.split('\n')) {
        const line = raw.replace(/^> ?/, '');
        if (!line.trim() || line === '-- ') continue;
        const url = /^(.*): (https?:\/\/\S+)$/.exec(line);
        if (url) {
          expect(seen).toContain(norm(url[1]));
          expect(links).toContain(url[2]);
        } else {
          expect(seen).toContain(norm(line));
        }
      }
      // and no link in the HTML that the text part lacks
      expect(links.sort()).toEqual(urlLines.map((l) => l.replace(/^.*: /, '')).sort());
    }
  });

  it('is translated: Russian and Czech differ from English', () => {
    const en = render(kind, 'en');
    const ru = render(kind, 'ru');
    const cs = render(kind, 'cs');
    expect(ru.subject).not.toBe(en.subject);
    expect(cs.subject).not.toBe(en.subject);
    expect(ru.text).toMatch(/[а-яё]{4}/i);
    expect(cs.text).toMatch(/[ěščřžýáíéůú]/);
    expect(en.text).not.toMatch(/[а-яё]/i);
  });
});

describe('escaping what people typed', () => {
  const hostile =
    "<script>alert(1)</script> \"onerror=alert(2) 'x' & co\r\nBcc: victim@example.com";
  const base = SAMPLE_MAIL_DATA.comment_public;
  const data: MailDataByKind['comment_public'] = {
    ...base,
    ticket: { ...base.ticket, subject: hostile, statusName: '<b>Open</b>' },
    authorName: '"><svg onload=alert(3)>',
    body: '<img src=x onerror=alert(4)>\nline two & <i>three</i>\n\n<script>alert(5)</script>',
  };

  it('escapes every interpolated value in the HTML part', () => {
    const { html } = render('comment_public', 'en', data);
    expect(html).not.toMatch(/<script|<img|<svg|<b>|<i>|"onerror|"><svg/i);
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &quot;onerror=alert(2) &#39;x&#39; &amp; co',
    );
    expect(html).toContain('&quot;&gt;&lt;svg onload=alert(3)&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(4)&gt;<br>');
    expect(html).toContain('&lt;b&gt;Open&lt;/b&gt;');
  });

  it('keeps the text part as typed, line breaks included, with nothing turned into markup', () => {
    const { text } = render('comment_public', 'en', data);
    expect(text).toContain(
      '> <img src=x onerror=alert(4)>\n> line two & <i>three</i>\n>\n> <script>alert(5)</script>',
    );
    expect(text).toContain('"><svg onload=alert(3)> wrote:');
  });

  it('keeps the subject on one line (no header injection) and short', () => {
    const { subject } = render('comment_public', 'en', data);
    expect(subject).toBe(
      "[#1042] New reply: <script>alert(1)</script> \"onerror=alert(2) 'x' & co Bcc: victim@example.com",
    );
    const long = render('comment_public', 'en', {
      ...base,
      ticket: { ...base.ticket, subject: `${'Ж'.repeat(300)}\u202Eevil` },
    }).subject;
    expect(Array.from(long).length).toBeLessThanOrEqual(160);
    expect(long).toMatch(/^\[#1042\] New reply: Ж+…$/);
    const empty = render('comment_public', 'ru', {
      ...base,
      ticket: { ...base.ticket, subject: ' \r\n ' },
    }).subject;
    expect(empty).toBe('[#1042] Новый ответ: (без темы)');
  });

  it('drops bidi overrides that would make a name read as another', () => {
    const { text, html } = render('comment_public', 'en', {
      ...base,
      authorName: 'Admin\u202Etxt.exe',
    });
    expect(text).toContain('Admintxt.exe wrote:');
    expect(html).not.toContain('\u202E');
  });

  it('turns nothing into a link: a URL in a comment stays text', () => {
    const { html } = render('comment_public', 'en', {
      ...base,
      body: 'see https://evil.example/x and javascript:alert(1)',
    });
    expect(hrefs(html).some((h) => h.includes('evil'))).toBe(false);
    expect(html).toContain('see https://evil.example/x and javascript:alert(1)');
  });

  it('refuses a link that is not http(s) rather than put it into a mail', () => {
    expect(() =>
      render('status_changed', 'en', {
        ...SAMPLE_MAIL_DATA.status_changed,
        ratingUrl: 'javascript:alert(1)',
      }),
    ).toThrow(/http/);
  });
});

describe('links', () => {
  it('opens the portal for a client and the agent app for staff, both under PUBLIC_URL', () => {
    const base = SAMPLE_MAIL_DATA.comment_public;
    const client = hrefs(render('comment_public', 'en', { ...base, audience: 'client' }).html);
    expect(client).toEqual([
      'https://desk.example.com/tickets/1042',
      'https://desk.example.com/profile',
      LINKS.unsubscribeUrl,
    ]);
    const staff = hrefs(
      render(
        'comment_public',
        'en',
        { ...base, audience: 'staff' },
        {
          publicUrl: 'https://desk.example.com/',
          unsubscribeUrl: null,
        },
      ).html,
    );
    expect(staff).toEqual([
      'https://desk.example.com/agent/tickets/1042',
      'https://desk.example.com/agent/profile',
    ]);
  });

  it('offers Accept and Reject on the portal ticket page and the rating link as given', () => {
    const ratingUrl = 'https://desk.example.com/api/v1/ratings/abc.def?rating=5&x=1';
    const data = { ...SAMPLE_MAIL_DATA.status_changed, audience: 'staff' as const, ratingUrl };
    const { html, text } = render('status_changed', 'en', data);
    expect(hrefs(html)).toEqual([
      'https://desk.example.com/tickets/1042?decision=accept',
      'https://desk.example.com/tickets/1042?decision=reject',
      ratingUrl,
      'https://desk.example.com/agent/tickets/1042',
      'https://desk.example.com/agent/profile',
      LINKS.unsubscribeUrl,
    ]);
    expect(html).toContain(
      'href="https://desk.example.com/api/v1/ratings/abc.def?rating=5&amp;x=1"',
    );
    expect(text).toContain(
      `Accept the solution: https://desk.example.com/tickets/1042?decision=accept`,
    );
    expect(text).toContain(`Rate our work: ${ratingUrl}`);

    const plain = render('status_changed', 'en', { ...data, acceptance: false, ratingUrl: null });
    expect(plain.text).not.toMatch(/decision=|ratings|Accept|Reject|Rate/);
  });

  it('puts the unsubscribe link for the kind in words, and none without a URL', () => {
    expect(render('comment_public', 'en').text).toContain(
      `Unsubscribe from reply alerts: ${LINKS.unsubscribeUrl}`,
    );
    expect(render('sla_breached', 'ru').text).toContain(
      `Отписаться от писем «Нарушение SLA»: ${LINKS.unsubscribeUrl}`,
    );
    const none = render('comment_public', 'en', undefined, { ...LINKS, unsubscribeUrl: null });
    expect(none.text).not.toMatch(/Unsubscribe|unsubscribe\//);
    expect(none.text).toContain('Notification settings: https://desk.example.com/profile');
  });

  it.each([...ACCOUNT_MAIL_KINDS])('%s has no unsubscribe and no settings link', (kind) => {
    for (const locale of LOCALES) {
      const { text, html } = render(kind, locale);
      expect(text).not.toContain(LINKS.unsubscribeUrl!);
      expect(text).not.toContain('/profile');
      const data = SAMPLE_MAIL_DATA[kind];
      // The refusal of a mailed request links nowhere.
      expect(hrefs(html)).toEqual('actionUrl' in data ? [data.actionUrl] : []);
    }
  });
});

describe('what each kind says', () => {
  it('acknowledges with the promised times in the calendar zone and the time to them', () => {
    const { text, subject } = render('ticket_acknowledged', 'en');
    expect(subject).toBe('[#1042] Received: Printer jams');
    expect(text).toContain(
      'First response by: Mon, December 7, 2026 at 01:00 PM GMT+1 (within 4 hours)',
    );
    expect(text).toContain(
      'Resolution by: Wed, December 9, 2026 at 09:00 AM GMT+1 (within 2 days)',
    );
    const ru = render('ticket_acknowledged', 'ru').text;
    expect(ru).toContain('Первый ответ до: пн, 7 декабря 2026 г. в 13:00 GMT+1 (срок — 4 часа)');
    expect(ru).toContain('(срок — 2 дня)');
    const cs = render('ticket_acknowledged', 'cs').text;
    expect(cs).toContain('První reakce do: po 7. prosince 2026 v 13:00 SEČ (lhůta 4 hodiny)');
  });

  it('acknowledges with the working hours when there is no policy, else a plain promise', () => {
    const base = {
      ...SAMPLE_MAIL_DATA.ticket_acknowledged,
      firstResponseDueAt: null,
      resolutionDueAt: null,
    };
    const hours = render('ticket_acknowledged', 'en', {
      ...base,
      workingHours: 'Mon–Fri 09:00–17:00',
    });
    expect(hours.text).toContain('Our working hours: Mon–Fri 09:00–17:00');
    expect(hours.text).not.toContain('First response by');
    const none = render('ticket_acknowledged', 'en', { ...base, workingHours: null });
    expect(none.text).toContain('We will answer as soon as we can.');
  });

  it('carries the question of a status that waits for the client', () => {
    const data = {
      ...SAMPLE_MAIL_DATA.status_changed,
      category: 'pending',
      ticket: { ...SAMPLE_MAIL_DATA.status_changed.ticket, statusName: 'Needs clarification' },
      question: 'Which model is it?\nPlease send the serial number.',
      acceptance: false,
      ratingUrl: null,
    };
    const { subject, text } = render('status_changed', 'en', data);
    expect(subject).toBe('[#1042] Your reply is needed: Printer jams');
    expect(text).toContain('Our question:\n> Which model is it?\n> Please send the serial number.');
    const other = render('status_changed', 'cs', { ...data, category: 'open', question: null });
    expect(other.subject).toBe('[#1042] Stav „Needs clarification“: Printer jams');
  });

  it('marks an internal note as staff-only, and refuses to render it for a client', () => {
    expect(render('comment_internal', 'en').text).toContain('visible to staff only');
    expect(() =>
      render('comment_internal', 'en', {
        ...SAMPLE_MAIL_DATA.comment_internal,
        audience: 'client',
      }),
    ).toThrow(/staff only/);
  });

  it('counts SLA time left and overdue in words, with plural forms', () => {
    expect(render('sla_reminder', 'en').text).toContain(
      'Due: Mon, December 7, 2026 at 11:30 AM GMT+1 (time left: 2 hours 30 minutes)',
    );
    expect(render('sla_reminder', 'en').text).toContain(
      '75% of the time for the first response has passed.',
    );
    expect(render('sla_reminder', 'ru').text).toContain('(осталось: 2 часа 30 минут)');
    expect(render('sla_reminder', 'cs').text).toContain('Uplynulo 75\u00a0% času na první reakci.');
    expect(render('sla_breached', 'ru').text).toContain('(просрочка: 5 минут)');
    expect(render('sla_escalated', 'cs').text).toContain('(po termínu: 2 hodiny)');
    const noEventTime = { ...SAMPLE_MAIL_DATA.sla_breached, occurredAt: undefined };
    expect(render('sla_breached', 'en', noEventTime).text).toMatch(/Was due: [^\n(]+GMT\+1\n/);
  });

  it('tells the deputyship period with its length, and how it ended', () => {
    const started = render('deputyship_started', 'ru').text;
    expect(started).toContain('Продолжительность: 5 дней 9 часов');
    expect(render('deputyship_started', 'cs').text).toContain('Délka: 5 dní 9 hodin');
    const ended = SAMPLE_MAIL_DATA.deputyship_ended;
    expect(render('deputyship_ended', 'en', { ...ended, reason: 'ended' }).text).toContain(
      'It was ended early.',
    );
    const open = { ...ended, startsAt: undefined, endsAt: undefined };
    expect(render('deputyship_started', 'en', open).text).toContain('Until: until further notice');
    expect(render('deputyship_ended', 'en', open).text).not.toContain('Until');
  });

  it('names a comment without a known author "Someone", not an empty name', () => {
    const data = { ...SAMPLE_MAIL_DATA.comment_public, authorName: '' };
    expect(render('comment_public', 'en', data).text).toContain('Someone wrote:\n');
    expect(render('comment_public', 'cs', data).text).toContain('Někdo píše:\n');
  });

  it('escalation names the levels and the group', () => {
    const { subject, text } = render('ticket_escalated', 'cs');
    expect(subject).toBe('[#1042] Eskalováno na úroveň 2: Printer jams');
    expect(text).toContain('Úroveň podpory: 1 → 2');
    expect(text).toContain('Skupina: Second line');
  });

  it('assignment to a group without an assignee says so', () => {
    const data = { ...SAMPLE_MAIL_DATA.ticket_assigned, assigneeName: null };
    expect(render('ticket_assigned', 'ru', data).subject).toBe(
      '[#1042] Назначена группе «Hardware»: Printer jams',
    );
  });

  it('the web form confirmation speaks of "your request" only (no name, no subject a stranger typed), and claims no account', () => {
    const data = SAMPLE_MAIL_DATA.web_form_confirmation;
    const cs = render('web_form_confirmation', 'cs');
    expect(cs.subject).toBe('Potvrďte svůj požadavek');
    expect(cs.text).not.toContain('Předmět:');
    expect(cs.text.split(data.actionUrl).length).toBe(2);
    // Data queued before the change still carries them: they are not shown.
    const typed = { ...data, name: 'Visit evil.example', requestSubject: 'You won a prize' };
    for (const locale of ['en', 'ru', 'cs'] as const) {
      const mail = render('web_form_confirmation', locale, typed);
      expect(mail.text).not.toContain('evil.example');
      expect(mail.html).not.toContain('prize');
    }
    const en = render('web_form_confirmation', 'en');
    expect(en.text).toContain('nothing will be filed');
    expect(en.text).not.toContain('Mails about your account are always sent');
  });

  it('account mails greet by name (Czech without, it would need the vocative), and show the expiry in UTC', () => {
    const en = render('password_reset', 'en');
    expect(en.text).toContain('Hello Olga Petrova,');
    expect(en.text).toContain('The link works once, until Mon, December 7, 2026 at 09:00 AM UTC.');
    expect(render('password_reset', 'cs').text).toContain('Dobrý den,\n');
    expect(render('email_change', 'en').text).toContain('New address: olga.new@customer.test');
    // the single-use link appears once in each part
    const link = SAMPLE_MAIL_DATA.password_reset.actionUrl;
    expect(en.text.split(link).length).toBe(2);
    expect(en.html.split(link).length).toBe(2);
  });

  it('falls back to English for a locale it does not know', () => {
    const mail = renderMail(
      'comment_public',
      'de' as Locale,
      SAMPLE_MAIL_DATA.comment_public,
      LINKS,
    );
    expect(mail.subject).toBe('[#1042] New reply: Printer jams');
    expect(mail.html).toContain('<html lang="en"');
  });
});
