import { en } from '../i18n/en';
import { cs } from '../i18n/cs';
import { ru } from '../i18n/ru';
import { formatDateTime, formatDuration, knownZone } from './date-format';
import { escapeHtml, html, multilineHtml, SafeHtml } from './html-escape';
import { cap, multiline, oneLine } from './plain-text';
import { fitSms, isGsm, smsLength } from './sms-fit';

describe('html', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('escapes interpolated values but not the template or nested fragments', () => {
    const inner = html`<b>${'<i>'}</b>`;
    const out = html`<p title="${'"x"'}">${inner}${['<', html`<br />`, 3]}</p>`;
    expect(out).toBeInstanceOf(SafeHtml);
    expect(out.value).toBe('<p title="&quot;x&quot;"><b>&lt;i&gt;</b>&lt;<br />3</p>');
  });

  it('keeps line breaks of typed text as <br>', () => {
    expect(multilineHtml('a <b>\nc').value).toBe('a &lt;b&gt;<br>\nc');
  });
});

describe('plain text', () => {
  it('puts anything on one line, without controls or bidi overrides', () => {
    expect(oneLine(' a\r\nBcc: x\t\u0000y\u202Ez \u2028w ')).toBe('a Bcc: x yz w');
    expect(oneLine('a\u0085b')).toBe('a b');
  });

  it('cuts by characters, never inside an emoji', () => {
    expect(cap('abcdef', 4)).toBe('abc…');
    expect(cap('😀😀😀😀', 3)).toBe('😀😀…');
    expect(cap('abc', 3)).toBe('abc');
  });

  it('keeps typed lines, with at most one blank line in a row', () => {
    expect(multiline('a\r\nb\rc\n\n\n\nd  \n\u0007e')).toBe('a\nb\nc\n\nd\ne');
  });
});

describe('dates and durations', () => {
  it('shows the time in the given zone, named as the locale names it', () => {
    const iso = '2026-07-01T10:00:00Z';
    expect(formatDateTime(iso, 'en', 'Europe/Prague')).toBe('Wed, July 1, 2026 at 12:00 PM GMT+2');
    expect(formatDateTime(iso, 'cs', 'Europe/Prague')).toBe('st 1. července 2026 v 12:00 SELČ');
    expect(formatDateTime(iso, 'ru', 'Europe/Moscow')).toMatch(
      /^ср, 1 июля 2026 г\. в 13:00 (MSK|GMT\+3)$/,
    );
    expect(formatDateTime(iso, 'en', 'Not/AZone')).toBe('Wed, July 1, 2026 at 10:00 AM UTC');
    expect(knownZone('Not/AZone')).toBe('UTC');
    expect(formatDateTime('not a date\nx', 'en', 'UTC')).toBe('not a date x');
  });

  const H = 3_600_000;
  it('says durations with the right plural forms', () => {
    const cases: [number, string, string, string][] = [
      [30_000, 'less than a minute', 'меньше минуты', 'méně než minuta'],
      [60_000, '1 minute', '1 минута', '1 minuta'],
      [2 * H, '2 hours', '2 часа', '2 hodiny'],
      [5 * H + 21 * 60_000, '5 hours 21 minutes', '5 часов 21 минута', '5 hodin 21 minut'],
      [24 * H, '1 day', '1 день', '1 den'],
      [-(3 * 24 * H + 2 * H + 59 * 60_000), '3 days 2 hours', '3 дня 2 часа', '3 dny 2 hodiny'],
      [22 * 24 * H, '22 days', '22 дня', '22 dní'],
      [25 * 24 * H, '25 days', '25 дней', '25 dní'],
    ];
    for (const [ms, e, r, c] of cases) {
      expect(formatDuration(ms, 'en', en.duration)).toBe(e);
      expect(formatDuration(ms, 'ru', ru.duration)).toBe(r);
      expect(formatDuration(ms, 'cs', cs.duration)).toBe(c);
    }
  });
});

describe('SMS length', () => {
  it('tells GSM-7 from UCS-2 and counts extension characters twice', () => {
    expect(isGsm('Hello @ £ {x} €')).toBe(true);
    expect(smsLength('{x}')).toBe(5);
    expect(isGsm('Příliš')).toBe(false);
    expect(isGsm('Привет')).toBe(false);
    expect(isGsm('…')).toBe(false);
  });

  it('leaves a fitting text alone and cuts the tail first', () => {
    expect(fitSms('#1 ', 'short')).toBe('#1 short');
    const cut = fitSms('#1 Новый ответ: ', 'я'.repeat(100));
    expect(cut).toBe(`#1 Новый ответ: ${'я'.repeat(53)}…`);
    expect(cut.length).toBe(70);
    const whole = fitSms('x'.repeat(200), 'tail');
    expect(whole).toBe(`${'x'.repeat(157)}...`);
  });
});
