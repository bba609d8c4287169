import { escapeText, foldLine, renderCalendar, utc } from './ical';

describe('iCalendar (RFC 5545) rendering', () => {
  it('escapes backslash, semicolon, comma and every kind of line break', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(escapeText('bell\u0007 tab\there')).toBe('bell tab\there');
  });

  it('folds at 75 octets with CRLF + space, never inside a UTF-8 character', () => {
    const line = `SUMMARY:${'Насос '.repeat(30)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, part] of parts.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      expect(part).not.toContain('\uFFFD');
    }
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('writes UTC date-times without separators', () => {
    expect(utc(new Date('2026-03-02T09:05:07.123Z'))).toBe('20260302T090507Z');
  });

  it('renders a calendar whose every line ends with CRLF', () => {
    const text = renderCalendar({
      name: 'Relaydesk',
      stamp: new Date('2026-03-02T09:00:00Z'),
      events: [
        {
          uid: 'ticket-1@relaydesk',
          start: new Date('2026-03-03T10:00:00Z'),
          end: new Date('2026-03-03T10:30:00Z'),
          summary: '#1 a, b',
          description: 'x',
          lastModified: new Date('2026-03-02T08:00:00Z'),
        },
      ],
    });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).toContain('\r\nSUMMARY:#1 a\\, b\r\n');
  });
});
