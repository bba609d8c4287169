import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  extractMessageIds,
  normalizeMessageId,
  parseMail,
  REPLY_ABOVE_MARKERS,
} from './parse-mail';
import type { ParseMailOptions } from './parsed-mail';

const HOSTILE = join(__dirname, '../../../../../test/fixtures/mail/hostile');
const LIMITS: ParseMailOptions = { maxAttachments: 10, maxAttachmentBytes: 1024 * 1024 };

const hostile = (file: string) => parseMail(readFileSync(join(HOSTILE, file)), LIMITS);

/** A message from header lines and a body (string or bytes), CRLF as on the wire. */
function mail(headers: string[], body: string | Buffer = 'Hello.'): Buffer {
  const head = Buffer.from([...headers, '', ''].join('\r\n'), 'utf8');
  return Buffer.concat([
    head,
    typeof body === 'string' ? Buffer.from(body.replace(/\r?\n/g, '\r\n'), 'utf8') : body,
  ]);
}

const BASIC = [
  'From: Alice <alice@customer.test>',
  'To: support@helpdesk.test',
  'Subject: Test',
  'Message-ID: <t1@customer.test>',
];

/** Text in a single-byte legacy charset, by inverting Node's decoder table. */
function encodeLegacy(text: string, charset: string): Buffer {
  const decoder = new TextDecoder(charset);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

function multipart(type: string, boundary: string, parts: string[][], headers = BASIC): Buffer {
  const body =
    parts.map((p) => `--${boundary}\r\n${p.join('\r\n')}\r\n`).join('') + `--${boundary}--\r\n`;
  return mail(
    [...headers, 'MIME-Version: 1.0', `Content-Type: ${type}; boundary="${boundary}"`],
    body,
  );
}

describe('parseMail on the hostile corpus (expectations.json)', () => {
  it('01: a new request with its sender, subject and body', async () => {
    const m = await hostile('01-new-ticket.eml');
    expect(m.from).toEqual({ address: 'carol@customer.test', name: 'Carol Customer' });
    expect(m.subject).toBe('Cannot log in to the portal');
    expect(m.messageId).toBe('n1@customer.test');
    expect(m.messageIdSynthetic).toBe(false);
    expect(m.to).toEqual([{ address: 'support@helpdesk.test', name: '' }]);
    expect(m.date?.toISOString()).toBe('2026-11-23T10:01:00.000Z');
    expect(m.text).toBe('Hello,\n\nsince this morning I cannot log in to the portal.\n\nCarol');
    expect(m.autoSubmitted).toBeNull();
    expect(m.bounce).toBeNull();
    expect(m.problems).toEqual([]);
  });

  it('02: In-Reply-To is read, the quoted line is not part of the reply', async () => {
    const m = await hostile('02-reply-in-reply-to-only.eml');
    expect(m.inReplyTo).toEqual(['ticket-1234.article-2@helpdesk.test']);
    expect(m.text).toContain('> We are on it.');
    expect(m.strippedText).toBe('The new toner did not help, still smoking.');
  });

  it('03: the subject keeps its [#1234] token for the caller', async () => {
    const m = await hostile('03-reply-subject-token-only.eml');
    expect(m.subject).toBe('Re: [#1234] Printer on fire');
    expect(m.from?.address).toBe('alice@customer.test');
    expect(m.inReplyTo).toEqual([]);
  });

  it('05: Auto-Submitted: auto-replied forbids any automatic answer', async () => {
    const m = await hostile('05-auto-replied.eml');
    expect(m.autoSubmitted).toBe('auto-submitted');
    expect(m.inReplyTo).toEqual(['ticket-1234.article-2@helpdesk.test']);
  });

  it('06: Precedence: bulk out-of-office is auto-submitted', async () => {
    const m = await hostile('06-ooo-precedence-bulk.eml');
    expect(m.autoSubmitted).toBe('precedence');
    expect(m.from?.address).toBe('dave@customer.test');
  });

  it('07: a DSN is a permanent 5.1.1 failure of our article 3 to gone@customer.test', async () => {
    const m = await hostile('07-bounce-dsn.eml');
    expect(m.bounce).toEqual({
      permanent: true,
      action: 'failed',
      status: '5.1.1',
      finalRecipient: 'gone@customer.test',
      diagnostic: 'smtp; 550 5.1.1 <gone@customer.test>: Recipient address rejected: User unknown',
      originalMessageId: 'ticket-1234.article-3@helpdesk.test',
    });
    expect(m.autoSubmitted).not.toBeNull();
    expect(m.returnPath).toBe('');
    expect(m.deliveredTo).toEqual(['bounces+1234@helpdesk.test']);
    expect(m.text).not.toContain('Final-Recipient');
  });

  it('10: the inline image is one inline attachment with its cid, the HTML keeps cid:', async () => {
    const m = await hostile('10-inline-cid-image.eml');
    expect(m.attachments).toHaveLength(1);
    const [image] = m.attachments;
    expect(image).toMatchObject({
      filename: 'shot.png',
      contentType: 'image/png',
      inline: true,
      contentId: 'shot123@customer.test',
      dangerous: false,
      size: 70,
    });
    expect(image.content.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(m.html).toContain('src="cid:shot123@customer.test"');
    expect(m.html).not.toContain('data:');
    expect(m.text).toBe('See the screenshot:');
  });

  it('11: invoice.pdf.exe is dangerous whatever its declared type', async () => {
    const m = await hostile('11-attachment-double-extension.eml');
    expect(m.attachments).toHaveLength(1);
    expect(m.attachments[0]).toMatchObject({
      filename: 'invoice.pdf.exe',
      contentType: 'application/pdf',
      dangerous: true,
    });
    expect(m.attachments[0].content.subarray(0, 2).toString('latin1')).toBe('MZ');
    expect(m.text).toBe('Please find the invoice attached.');
  });

  it('12: an HTML attachment stays an attachment, flagged dangerous, never the body', async () => {
    const m = await hostile('12-html-attachment.eml');
    expect(m.attachments).toHaveLength(1);
    expect(m.attachments[0]).toMatchObject({
      filename: 'report.html',
      contentType: 'text/html',
      dangerous: true,
      inline: false,
    });
    expect(m.html).toBeNull();
    expect(m.text).toBe('Report attached.');
  });

  it('14: a multipart whose boundary never occurs keeps its text', async () => {
    const m = await hostile('14-malformed-boundary.eml');
    expect(m.text).toContain('scanner at desk 4 is jammed');
    expect(m.strippedText).toContain('scanner at desk 4 is jammed');
    expect(m.from?.address).toBe('frank@customer.test');
    expect(m.problems.join('\n')).toMatch(/boundary/);
  });

  it('14: the boundary used in the body is recovered, so the text and scan.bin are separate', async () => {
    const m = await hostile('14-malformed-boundary.eml');
    expect(m.text).toBe('The scanner at desk 4 is jammed.');
    expect(m.attachments.map((a) => [a.filename, a.content.toString('hex')])).toEqual([
      ['scan.bin', '00010203040506070809'],
    ]);
    expect(m.problems).toEqual([expect.stringMatching(/^multipart-boundary-recovered/)]);
  });

  it('16: a labelled KOI8-R body is decoded exactly', async () => {
    const m = await hostile('16-koi8r.eml');
    expect(m.text).toBe('Добрый день. Счёт за ноябрь так и не пришёл, проверьте, пожалуйста.');
    expect(m.problems).toEqual([]);
  });

  it('17: ISO-8859-2 encoded words in the subject and the display name are decoded exactly', async () => {
    const m = await hostile('17-czech-iso-8859-2-subject.eml');
    expect(m.subject).toBe('Příliš žluťoučký kůň úpěl ďábelské ódy');
    expect(m.from).toEqual({ address: 'jiri@customer.test', name: 'Jiří Novák' });
    expect(m.text).toBe('Dobrý den, tiskárna v kanceláři č. 5 nefunguje.');
  });

  it('18: a ~2000-character folded subject is unfolded and kept whole', async () => {
    const m = await hostile('18-very-long-subject.eml');
    const phrase = 'VPN keeps disconnecting every few minutes on the laptop';
    expect(m.subject.startsWith(phrase)).toBe(true);
    expect(m.subject).toBe(Array(36).fill(phrase).join(' '));
    expect(m.subject.length).toBeGreaterThan(2000);
  });

  it("20: mail from our own address is parsed with its From (the loop decision is the caller's)", async () => {
    const m = await hostile('20-from-helpdesk-own-address.eml');
    expect(m.from).toEqual({ address: 'support@helpdesk.test', name: 'Help Desk' });
    expect(m.messageId).toBe('ticket-9999.article-1@helpdesk.test');
  });
});

describe('parseMail: charsets', () => {
  it('re-decodes an unlabelled 8-bit windows-1251 body instead of U+FFFD', async () => {
    const text = 'Здравствуйте! Принтер в бухгалтерии не печатает, горит красная лампочка.';
    const raw = mail(
      [...BASIC, 'Content-Type: text/plain', 'Content-Transfer-Encoding: 8bit'],
      encodeLegacy(text, 'windows-1251'),
    );
    const m = await parseMail(raw, LIMITS);
    expect(m.text).toBe(text);
    expect(m.problems).toEqual([expect.stringMatching(/^charset-guessed: windows-1251/)]);
  });

  it('re-decodes unlabelled KOI8-R and ISO-8859-2 too, and a wrong us-ascii label', async () => {
    const russian = 'Добрый день. Счёт за ноябрь так и не пришёл.';
    const koi = await parseMail(
      mail([...BASIC, 'Content-Type: text/plain'], encodeLegacy(russian, 'koi8-r')),
      LIMITS,
    );
    expect(koi.text).toBe(russian);
    const czech = 'Dobrý den, tiskárna v kanceláři č. 5 nefunguje.';
    const latin2 = await parseMail(
      mail(
        [...BASIC, 'Content-Type: text/plain; charset=us-ascii'],
        encodeLegacy(czech, 'iso-8859-2'),
      ),
      LIMITS,
    );
    expect(latin2.text).toBe(czech);
  });

  it('re-decodes an unlabelled 8-bit subject and display name', async () => {
    const headers = Buffer.concat([
      Buffer.from('From: '),
      encodeLegacy('Ольга Петрова', 'windows-1251'),
      Buffer.from(' <olga@customer.test>\r\nSubject: '),
      encodeLegacy('Счёт за ноябрь', 'windows-1251'),
      Buffer.from('\r\nMessage-ID: <s1@customer.test>\r\n\r\nbody\r\n'),
    ]);
    const m = await parseMail(headers, LIMITS);
    expect(m.subject).toBe('Счёт за ноябрь');
    expect(m.from).toEqual({ address: 'olga@customer.test', name: 'Ольга Петрова' });
  });

  it('decodes KOI8-R and windows-1251 encoded words in the subject and display name', async () => {
    const b = (text: string, charset: string) =>
      `=?${charset}?B?${encodeLegacy(text, charset).toString('base64')}?=`;
    const m = await parseMail(
      mail([
        `From: ${b('Ольга Петрова', 'koi8-r')} <olga@customer.test>`,
        `Subject: ${b('Счёт за ноябрь', 'koi8-r')}`,
        ` ${b(' не пришёл', 'windows-1251')}`,
      ]),
      LIMITS,
    );
    expect(m.subject).toBe('Счёт за ноябрь не пришёл');
    expect(m.from).toEqual({ address: 'olga@customer.test', name: 'Ольга Петрова' });
    expect(m.problems).toEqual(['message-id-missing: synthetic id from the raw bytes']);
  });

  it('leaves valid UTF-8 without a label alone', async () => {
    const m = await parseMail(mail([...BASIC, 'Content-Type: text/plain'], 'Grüße, Jiří'), LIMITS);
    expect(m.text).toBe('Grüße, Jiří');
    expect(m.problems).toEqual([]);
  });
});

describe('parseMail: ids and addresses', () => {
  it('scans Exchange comma-separated References as <…>, oldest first', async () => {
    const m = await parseMail(
      mail([
        ...BASIC,
        'In-Reply-To: <c@Helpdesk.TEST> (sent by Outlook)',
        'References: <a@helpdesk.test>,<b@HELPDESK.test>,',
        ' <c@Helpdesk.TEST>',
      ]),
      LIMITS,
    );
    expect(m.references).toEqual(['a@helpdesk.test', 'b@helpdesk.test', 'c@helpdesk.test']);
    expect(m.inReplyTo).toEqual(['c@helpdesk.test']);
  });

  it('keeps the thread root and the newest 99 of a huge References header', async () => {
    const ids = Array.from({ length: 500 }, (_, i) => `<r${i}@x.test>`);
    const m = await parseMail(mail([...BASIC, `References: ${ids.join(' ')}`]), LIMITS);
    expect(m.references).toHaveLength(100);
    expect(m.references[0]).toBe('r0@x.test');
    expect(m.references[1]).toBe('r401@x.test');
    expect(m.references[99]).toBe('r499@x.test');
  });

  it('gives a missing Message-ID a synthetic id that is stable per raw message', async () => {
    const raw = mail(['From: a@customer.test', 'Subject: no id']);
    const first = await parseMail(raw, LIMITS);
    const again = await parseMail(Buffer.from(raw), LIMITS);
    const other = await parseMail(mail(['From: a@customer.test', 'Subject: no id either']), LIMITS);
    expect(first.messageId).toMatch(/^sha256-[0-9a-f]{64}@relaydesk\.invalid$/);
    expect(first.messageIdSynthetic).toBe(true);
    expect(again.messageId).toBe(first.messageId);
    expect(other.messageId).not.toBe(first.messageId);
  });

  it('normalizes and extracts message ids', () => {
    expect(normalizeMessageId(' <Abc.Def@Example.COM> ')).toBe('Abc.Def@example.com');
    expect(normalizeMessageId('<>')).toBe('');
    expect(normalizeMessageId(`<${'x'.repeat(1000)}@a.test>`)).toBe('');
    expect(extractMessageIds('<a@x.test>, <b@x.test> <a@x.test>')).toEqual([
      'a@x.test',
      'b@x.test',
    ]);
    expect(extractMessageIds('bare@x.test')).toEqual(['bare@x.test']);
    expect(extractMessageIds('')).toEqual([]);
  });

  it('flags a second From header and keeps the first', async () => {
    const m = await parseMail(
      mail(['From: alice@customer.test', 'From: ceo@helpdesk.test', 'Subject: x']),
      LIMITS,
    );
    expect(m.from?.address).toBe('alice@customer.test');
    expect(m.problems).toContain('multiple-from-headers: the first one is used');
  });

  it('keeps From as the identity and Reply-To apart; reads envelope headers', async () => {
    const m = await parseMail(
      mail([
        'Return-Path: <Bounce@Customer.test>',
        'Delivered-To: support+t1234-abc@helpdesk.test',
        'X-Original-To: Support@Helpdesk.test',
        'Authentication-Results: mx.helpdesk.test; spf=pass smtp.mailfrom=customer.test',
        'Authentication-Results: forged.test; dkim=pass',
        'From: Alice <Alice@Customer.TEST>',
        'Reply-To: Mallory <mallory@evil.test>',
        'To: support@helpdesk.test, "Bob" <bob@customer.test>',
        'Cc: Team: carol@customer.test, dave@customer.test;',
        'Subject: hi',
        'Date: not a date',
      ]),
      LIMITS,
    );
    expect(m.from).toEqual({ address: 'alice@customer.test', name: 'Alice' });
    expect(m.replyTo).toEqual({ address: 'mallory@evil.test', name: 'Mallory' });
    expect(m.to.map((a) => a.address)).toEqual(['support@helpdesk.test', 'bob@customer.test']);
    expect(m.cc.map((a) => a.address)).toEqual(['carol@customer.test', 'dave@customer.test']);
    expect(m.returnPath).toBe('bounce@customer.test');
    expect(m.deliveredTo).toEqual(['support+t1234-abc@helpdesk.test', 'support@helpdesk.test']);
    expect(m.authenticationResults).toBe('mx.helpdesk.test; spf=pass smtp.mailfrom=customer.test');
    expect(m.date).toBeNull();
    expect(m.problems).toContain('invalid-date: not a date');
  });
});

describe('parseMail: HTML', () => {
  const htmlMail = (html: string) =>
    parseMail(
      mail([...BASIC, 'MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8'], html),
      LIMITS,
    );

  it('neutralises the mXSS math/mglyph/style sample', async () => {
    const m = await htmlMail(
      '<p>before</p><math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img src=1 onerror=alert(1)&gt;"></mglyph></table></mtext></math><p>after</p>',
    );
    expect(m.html).not.toMatch(/<(?:math|mglyph|style|img)\b|onerror/i);
    expect(m.html).toContain('<p>before</p>');
  });

  it('drops remote images (tracking pixels), keeps cid: images and only http/https/mailto links', async () => {
    const m = await htmlMail(
      '<p>Hi <a href="javascript:alert(1)">js</a> <a href="https://ok.test/a?b=1&amp;c=2">ok</a> <a href="mailto:x@y.test">mail</a> <a href="/api/tickets">rel</a></p>' +
        '<img src="https://tracker.test/p.gif" width="1" height="1"><img src="//tracker.test/q.gif"><img src="data:image/png;base64,AAAA"><img src="cid:logo@x.test" alt="logo">',
    );
    expect(m.html).not.toMatch(/tracker|data:|javascript|\/api\/tickets/);
    expect(m.html).toContain('<img src="cid:logo@x.test" alt="logo" />');
    expect(m.html).toContain('href="https://ok.test/a?b=1&amp;c=2"');
    expect(m.html).toContain('href="mailto:x@y.test"');
  });

  it('removes script, style, iframe, form, svg, object, embed, base, meta, link and event handlers', async () => {
    const m = await htmlMail(
      '<html><head><meta http-equiv="refresh" content="0;url=https://evil.test"><base href="https://evil.test/"><link rel="stylesheet" href="https://evil.test/x.css"><style>body{background:url(https://evil.test)}</style></head>' +
        '<body><div style="position:fixed" onclick="steal()">text</div><script>alert(1)</script><iframe src="https://evil.test"></iframe><form action="https://evil.test"><input name="p"></form><svg onload="alert(1)"><circle/></svg><object data="x.swf"></object><embed src="x.swf"><table><tr><td colspan="2">cell</td></tr></table></body></html>',
    );
    expect(m.html).not.toMatch(
      /<(?:script|style|iframe|form|input|svg|object|embed|base|meta|link)\b|onclick|onload|style=|evil/i,
    );
    expect(m.html).toContain('<div>text</div>');
    expect(m.html).toContain('<td colspan="2">cell</td>');
  });

  it('strips the quoted part of an Outlook HTML reply', async () => {
    const m = await htmlMail(
      '<div>Done, thanks.</div><hr><div id="divRplyFwdMsg"><b>From:</b> Help Desk &lt;support@helpdesk.test&gt;<br><b>Sent:</b> Monday, November 23, 2026 10:00<br><b>Subject:</b> [#1234] Printer</div><div>Please restart the printer.</div>',
    );
    expect(m.strippedText).toBe('Done, thanks.');
  });

  it.each([
    '<IMG SRC="javascript:alert(1)">',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<img src="cid:x" onerror="alert(1)">',
    '<img src=x:alert(alt) onerror=eval(src) alt=0>',
    '<body onload=alert(1)>',
    '<details open ontoggle=alert(1)>',
    '<div onmouseover="alert(1)">x</div>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<form><button formaction="javascript:alert(1)">x</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    '<a href="https://ok.test" style="position:fixed;inset:0">x</a>',
    '<scr<script>ipt>alert(1)</script>',
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    '<style>@import "https://evil.test/x.css";</style>',
    '<img srcset="https://evil.test/a.png 1x" src="cid:y">',
    '<a href="https://ok.test" target="_self" formaction="x" ping="https://evil.test">x</a>',
  ])('leaves nothing active of %s', async (payload) => {
    const m = await htmlMail(`<p>x</p>${payload}`);
    expect(m.html ?? '').not.toMatch(
      /\son[a-z]+=|javascript:|vbscript:|data:|<(?:script|style|iframe|object|embed|svg|meta|form|button|body|details|noscript)\b|style=|srcset|ping=|background=|evil\.test/i,
    );
  });

  it('stays linear on a big HTML mail full of tracking pixels, and caps the HTML at 2 MB', async () => {
    const row =
      '<tr><td><a href="https://x.test/a">link</a> text</td><td><img src="https://t.test/p.gif"></td></tr>';
    const html = `<table>${row.repeat(Math.ceil((3 * 1024 * 1024) / row.length))}</table>`;
    const started = Date.now();
    const m = await htmlMail(html);
    // exclusiveFilter took minutes here (quadratic); linear is a few seconds even on a busy machine
    expect(Date.now() - started).toBeLessThan(20000);
    expect(m.html).not.toContain('<img');
    expect(m.problems).toEqual([
      expect.stringMatching(/^html-truncated: \d+ characters, kept 2097152$/),
    ]);
  });

  it('derives text from HTML when there is no text part; quoted blockquotes are stripped', async () => {
    const m = await htmlMail(
      '<div>Thanks, that fixed it &amp; more.</div><div>See <a href="https://kb.test/1">the article</a>.</div>' +
        '<div class="gmail_quote">On Mon, 23 Nov 2026 at 10:00, Help Desk &lt;support@helpdesk.test&gt; wrote:<br>' +
        '<blockquote>Please restart the printer.</blockquote></div>',
    );
    expect(m.text).toBe(
      'Thanks, that fixed it & more.\nSee the article <https://kb.test/1>.\nOn Mon, 23 Nov 2026 at 10:00, Help Desk <support@helpdesk.test> wrote:\n> Please restart the printer.',
    );
    expect(m.strippedText).toBe(
      'Thanks, that fixed it & more.\nSee the article <https://kb.test/1>.',
    );
  });
});

describe('parseMail: reply stripping', () => {
  const stripped = async (body: string) =>
    (await parseMail(mail([...BASIC, 'Content-Type: text/plain; charset=utf-8'], body), LIMITS))
      .strippedText;

  it.each([
    [
      'en',
      'Works now.\n\nOn Mon, 23 Nov 2026 at 10:00, Help Desk <support@helpdesk.test> wrote:\n> Please restart.\n> Thanks',
      'Works now.',
    ],
    [
      'en, wrapped attribution',
      'Works now.\n\nOn Mon, 23 Nov 2026 at 10:00, Help Desk\n<support@helpdesk.test> wrote:\n> Please restart.',
      'Works now.',
    ],
    [
      'de',
      'Geht wieder.\n\nAm 23.11.2026 um 10:00 schrieb Help Desk <support@helpdesk.test>:\n> Bitte neu starten.',
      'Geht wieder.',
    ],
    [
      'ru',
      'Спасибо, всё работает.\n\nВ пн, 23 нояб. 2026 г. в 10:00, Help Desk <support@helpdesk.test> написал(а):\n> Перезапустите принтер.',
      'Спасибо, всё работает.',
    ],
    [
      'cs',
      'Děkuji, funguje.\n\nDne 23. 11. 2026 10:00 Help Desk <support@helpdesk.test> napsal(a):\n> Restartujte tiskárnu.',
      'Děkuji, funguje.',
    ],
    [
      'Outlook',
      'Fixed, thanks.\n\n________________________________\nFrom: Help Desk <support@helpdesk.test>\nSent: Monday, November 23, 2026 10:00 AM\nTo: Alice\nSubject: [#1234] Printer on fire\n\nPlease restart the printer.',
      'Fixed, thanks.',
    ],
    [
      'Outlook original message',
      'Fixed.\n\n-----Original Message-----\nFrom: Help Desk\nPlease restart.',
      'Fixed.',
    ],
    [
      'signature',
      'The printer is on floor 2.\n-- \nAlice Example\nACME Ltd.',
      'The printer is on floor 2.',
    ],
    [
      'our marker (en)',
      `More details here.\n\n${REPLY_ABOVE_MARKERS.en}\nTicket #1234 was updated`,
      'More details here.',
    ],
    [
      'our marker (ru), quoted',
      `Новые данные.\n\n> ${REPLY_ABOVE_MARKERS.ru}\n> Заявка #1234 обновлена`,
      'Новые данные.',
    ],
    [
      'our marker (cs)',
      `Nové údaje.\n${REPLY_ABOVE_MARKERS.cs.toUpperCase()}\nPožadavek #1234`,
      'Nové údaje.',
    ],
    [
      'Gmail in Russian (no verb)',
      'Получилось.\n\nпн, 23 нояб. 2026 г. в 10:00, Help Desk <support@helpdesk.test>:\n> Перезапустите.',
      'Получилось.',
    ],
    [
      'Seznam',
      'Funguje.\n\n---------- Původní e-mail ----------\nOd: Help Desk <support@helpdesk.test>\nRestartujte.',
      'Funguje.',
    ],
    [
      'a colon line above a quote without time or address stays',
      'Steps:\n> 1. open\nthat is all',
      'Steps:\nthat is all',
    ],
    ['bottom-posted', 'On Mon, Help Desk wrote:\n> Which floor?\n\nFloor 2.', 'Floor 2.'],
    [
      'nothing but a quote: keep the text',
      '> only a quote\n> nothing else',
      '> only a quote\n> nothing else',
    ],
  ])('%s', async (_name, body, expected) => {
    expect(await stripped(body)).toBe(expected);
  });
});

describe('parseMail: forwards are kept whole', () => {
  const forwarded =
    'FYI, see below.\n\n________________________________\nFrom: Carol <carol@customer.test>\nSent: Monday, November 23, 2026 9:00 AM\nTo: Bob\nSubject: Printer\n\nThe printer on floor 2 is on fire.';

  it('an Outlook forward (FW: subject, no header line) keeps the forwarded mail', async () => {
    const m = await parseMail(
      mail(
        ['From: bob@customer.test', 'Subject: FW: Printer', 'Content-Type: text/plain'],
        forwarded,
      ),
      LIMITS,
    );
    expect(m.strippedText).toContain('The printer on floor 2 is on fire.');
  });

  it('a Gmail forward header keeps the forwarded mail, a plain reply with the same body does not', async () => {
    const gmail =
      'FYI\n\n---------- Forwarded message ---------\nFrom: Carol <carol@customer.test>\nDate: Mon, 23 Nov 2026 at 09:00\nSubject: Printer\n\nThe printer on floor 2 is on fire.';
    const m = await parseMail(mail(['From: bob@customer.test', 'Subject: Printer'], gmail), LIMITS);
    expect(m.strippedText).toContain('The printer on floor 2 is on fire.');
    const reply = await parseMail(
      mail(
        ['From: bob@customer.test', 'Subject: RE: Printer', 'Content-Type: text/plain'],
        forwarded,
      ),
      LIMITS,
    );
    expect(reply.strippedText).toBe('FYI, see below.');
  });
});

describe('parseMail: attachments', () => {
  const attachment = (name: string, type: string, content: string) => [
    `Content-Type: ${type}; name="${name}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="${name}"`,
    '',
    Buffer.from(content).toString('base64'),
  ];
  const text = ['Content-Type: text/plain; charset=utf-8', '', 'See attached.'];

  it.each([
    ['invoice.pdf.exe', 'application/pdf', true],
    ['report.exe.pdf', 'application/pdf', true],
    ['setup.MSI', 'application/octet-stream', true],
    ['run.ps1', 'text/plain', true],
    ['macro.js', 'text/plain', true],
    ['tool.jar', 'application/zip', true],
    ['evil.exe.', 'application/octet-stream', true],
    ['logo.svg', 'image/png', true],
    ['picture.png', 'image/svg+xml', true],
    ['page.xhtml', 'application/octet-stream', true],
    ['photo\u202Egnp.exe', 'image/png', true],
    ['report\u202Efdp.txt', 'text/plain', true],
    ['photo.JPG', 'image/jpeg', false],
    ['scan.pdf', 'application/pdf', false],
    ['notes.txt', 'text/plain', false],
  ])('%s (%s) dangerous=%s', async (name, type, dangerous) => {
    const m = await parseMail(
      multipart('multipart/mixed', 'b1', [text, attachment(name, type, 'data')]),
      LIMITS,
    );
    expect(m.attachments).toHaveLength(1);
    expect(m.attachments[0].dangerous).toBe(dangerous);
  });

  it('drops attachments over the count and size limits, noting each', async () => {
    const raw = multipart('multipart/mixed', 'b2', [
      text,
      attachment('a.txt', 'text/plain', 'a'.repeat(10)),
      attachment('big.txt', 'text/plain', 'b'.repeat(101)),
      attachment('c.txt', 'text/plain', 'c'.repeat(10)),
      attachment('d.txt', 'text/plain', 'd'.repeat(10)),
    ]);
    const m = await parseMail(raw, { maxAttachments: 2, maxAttachmentBytes: 100 });
    expect(m.attachments.map((a) => [a.filename, a.size])).toEqual([
      ['a.txt', 10],
      ['c.txt', 10],
    ]);
    expect(m.problems).toEqual([
      'attachment-too-large: big.txt (101 bytes, limit 100)',
      'attachment-over-limit: d.txt (limit 2 attachments)',
    ]);
    expect(m.text).toBe('See attached.');
  });

  it('reads a raw 8-bit windows-1251 file name', async () => {
    const name = encodeLegacy('Счёт за ноябрь', 'windows-1251').toString('latin1');
    const ascii = multipart('multipart/mixed', 'b4', [
      text,
      attachment('NAME.pdf', 'application/pdf', 'x'),
    ]);
    const raw = Buffer.from(ascii.toString('latin1').split('NAME').join(name), 'latin1');
    const m = await parseMail(raw, LIMITS);
    expect(m.attachments[0].filename).toBe('Счёт за ноябрь.pdf');
  });

  it('never keeps a path or control characters in a file name', async () => {
    const m = await parseMail(
      multipart('multipart/mixed', 'b3', [
        text,
        attachment('..\\..\\etc/pass\twd.txt', 'text/plain', 'x'),
      ]),
      LIMITS,
    );
    expect(m.attachments[0].filename).toBe('pass_wd.txt');
  });
});

describe('parseMail: auto-submitted (notes.md §2)', () => {
  it.each([
    ['Auto-Submitted: auto-generated', 'auto-submitted'],
    ['Auto-Submitted: auto-replied; owner-email="a@b.test"', 'auto-submitted'],
    ['Auto-Submitted: no', null],
    ['Precedence: list', 'precedence'],
    ['Precedence: junk', 'precedence'],
    ['Precedence: auto_reply', 'precedence'],
    ['Precedence: first-class', null],
    ['X-Autoreply: yes', 'x-autoreply'],
    ['X-Autorespond: vacation', 'x-autoreply'],
    ['X-Auto-Response-Suppress: DR, OOF', 'auto-response-suppress'],
    ['X-Auto-Response-Suppress: AutoReply', 'auto-response-suppress'],
    ['X-Auto-Response-Suppress: DR, RN', null],
    ['List-Id: <support.lists.customer.test>', 'mailing-list'],
    ['List-Unsubscribe: <mailto:leave@lists.test>', 'mailing-list'],
    ['Return-Path: <>', 'empty-envelope-sender'],
    ['Return-Path: <MAILER-DAEMON@mx.test>', 'mailer-daemon'],
    ['X-Mailer: Thunderbird', null],
  ])('%s → %s', async (header, reason) => {
    const m = await parseMail(mail([...BASIC, header]), LIMITS);
    expect(m.autoSubmitted).toBe(reason);
  });

  it('a postmaster From is auto-submitted', async () => {
    const m = await parseMail(
      mail(['From: Postmaster <postmaster@mx.customer.test>', 'Subject: x']),
      LIMITS,
    );
    expect(m.autoSubmitted).toBe('mailer-daemon');
  });
});

describe('parseMail: non-standard bounces', () => {
  it('reads an Exim bounce by X-Failed-Recipients with the status and the original id from the body', async () => {
    const m = await parseMail(
      mail(
        [
          'Return-Path: <>',
          'From: Mail Delivery System <Mailer-Daemon@mx.customer.test>',
          'To: support@helpdesk.test',
          'Subject: Mail delivery failed: returning message to sender',
          'Message-ID: <E1abc@mx.customer.test>',
          'X-Failed-Recipients: Gone@Customer.test',
        ],
        'This message was created automatically by mail delivery software.\n\n  gone@customer.test\n    host mx.customer.test said: 550 5.1.1 User unknown\n\n' +
          '------ This is a copy of the message, including all the headers. ------\n\nFrom: Help Desk <support@helpdesk.test>\nMessage-ID: <ticket-1234.article-3@helpdesk.test>\nSubject: [#1234] Printer on fire\n\nHello',
      ),
      LIMITS,
    );
    expect(m.bounce).toEqual({
      permanent: true,
      action: null,
      status: '5.1.1',
      finalRecipient: 'gone@customer.test',
      diagnostic: 'host mx.customer.test said: 550 5.1.1 User unknown',
      originalMessageId: 'ticket-1234.article-3@helpdesk.test',
    });
  });

  it('X-Failed-Recipients alone makes a bounce, whatever the sender and subject', async () => {
    const m = await parseMail(
      mail([...BASIC, 'X-Failed-Recipients: gone@customer.test'], 'Could not deliver.'),
      LIMITS,
    );
    expect(m.bounce).toMatchObject({ permanent: true, finalRecipient: 'gone@customer.test' });
  });

  it('a delayed DSN is not permanent', async () => {
    const raw = multipart('multipart/report; report-type=delivery-status', 'r1', [
      ['Content-Type: text/plain', '', 'Delayed.'],
      [
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.test',
        '',
        'Final-Recipient: rfc822; slow@customer.test',
        'Action: delayed',
        'Status: 4.4.7',
      ],
      [
        'Content-Type: message/rfc822',
        '',
        'From: support@helpdesk.test',
        'Message-ID: <ticket-1.article-9@helpdesk.test>',
        '',
        'body',
      ],
    ]);
    const m = await parseMail(raw, LIMITS);
    expect(m.bounce).toMatchObject({
      permanent: false,
      action: 'delayed',
      status: '4.4.7',
      finalRecipient: 'slow@customer.test',
      originalMessageId: 'ticket-1.article-9@helpdesk.test',
    });
  });

  it('an ordinary mail is not a bounce', async () => {
    expect((await parseMail(mail(BASIC), LIMITS)).bounce).toBeNull();
  });
});

describe('parseMail never throws', () => {
  it.each([
    ['empty', Buffer.alloc(0)],
    ['binary garbage', Buffer.from([0x00, 0xff, 0xfe, 0x0d, 0x0a, 0x0d, 0x0a, 0x80, 0x00])],
    ['headers only', Buffer.from('From: a@b.test\r\nSubject: x')],
    [
      'a multipart without a boundary parameter',
      mail([...BASIC, 'Content-Type: multipart/mixed'], 'just text'),
    ],
    [
      'nested multiparts 100 deep',
      mail(
        [...BASIC, 'Content-Type: multipart/mixed; boundary="x"'],
        '--x\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n'.repeat(100),
      ),
    ],
  ])('%s', async (_name, raw) => {
    const m = await parseMail(raw, LIMITS);
    expect(typeof m.messageId).toBe('string');
    expect(m.messageId).not.toBe('');
    expect(m.text).not.toContain('\u0000');
  });

  it('keeps the raw body when a nested multipart is broken and nothing else is readable', async () => {
    const raw = multipart('multipart/mixed', 'outer', [
      [
        'Content-Type: multipart/alternative; boundary="inner"',
        '',
        '--wrong',
        'Content-Type: text/plain',
        '',
        'The scanner at desk 4 is jammed.',
        '--wrong--',
      ],
    ]);
    const m = await parseMail(raw, LIMITS);
    expect(m.text).toContain('The scanner at desk 4 is jammed.');
    expect(m.problems).toEqual(['empty-multipart: no readable part, raw body kept as text']);
  });

  it('an empty multipart stays empty without a problem', async () => {
    const m = await parseMail(
      multipart('multipart/mixed', 'e', [['Content-Type: text/plain', '', '']]),
      LIMITS,
    );
    expect(m.text).toBe('');
    expect(m.problems).toEqual([]);
  });

  it('keeps the raw body as text when a multipart has no parts and no recoverable boundary', async () => {
    const m = await parseMail(
      mail([...BASIC, 'Content-Type: multipart/mixed; boundary="gone"'], 'Please call me back.\n'),
      LIMITS,
    );
    expect(m.text).toBe('Please call me back.');
    expect(m.problems).toEqual([expect.stringMatching(/^multipart-without-parts/)]);
  });
});

describe('parseMail: more edge cases', () => {
  it('treats an unknown or refused charset label like no label', async () => {
    const text = 'Счёт за ноябрь так и не пришёл.';
    for (const label of ['unknown-8bit', 'x-bogus-charset', 'utf-7']) {
      const m = await parseMail(
        mail(
          [...BASIC, `Content-Type: text/plain; charset=${label}`],
          encodeLegacy(text, 'koi8-r'),
        ),
        LIMITS,
      );
      expect(m.text).toBe(text);
    }
  });

  it('repairs an unlabelled 8-bit HTML part and its derived text', async () => {
    const raw = mail(
      [...BASIC, 'Content-Type: text/html'],
      Buffer.concat([
        Buffer.from('<p>'),
        encodeLegacy('Принтер не печатает', 'windows-1251'),
        Buffer.from('</p>'),
      ]),
    );
    const m = await parseMail(raw, LIMITS);
    expect(m.html).toBe('<p>Принтер не печатает</p>');
    expect(m.text).toBe('Принтер не печатает');
  });

  it('keeps a Content-ID exactly as the HTML refers to it', async () => {
    const raw = multipart('multipart/related', 'rel', [
      ['Content-Type: text/html; charset=utf-8', '', '<img src="cid:Logo.PNG@Mail.Example">'],
      [
        'Content-Type: image/png',
        'Content-ID: <Logo.PNG@Mail.Example>',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('png').toString('base64'),
      ],
    ]);
    const m = await parseMail(raw, LIMITS);
    expect(m.attachments).toMatchObject([{ contentId: 'Logo.PNG@Mail.Example', inline: true }]);
    expect(m.html).toBe('<img src="cid:Logo.PNG@Mail.Example" />');
  });

  it('a multipart/report that declares delivery-status but lost its status part is a bounce', async () => {
    const raw = multipart(
      'multipart/report; report-type=delivery-status',
      'r2',
      [['Content-Type: text/plain', '', 'Delivery to x@customer.test failed: 550 5.7.1 Rejected']],
      ['From: Postmaster <postmaster@mx.customer.test>', 'Subject: Notice', 'Message-ID: <n@mx>'],
    );
    const m = await parseMail(raw, LIMITS);
    expect(m.bounce).toMatchObject({ permanent: true, status: '5.7.1' });
  });

  it('strips NUL from text, subject and names (Postgres text cannot hold it)', async () => {
    const m = await parseMail(
      mail(['From: "A\u0000B" <a@b.test>', 'Subject: x\u0000y'], 'te\u0000xt'),
      LIMITS,
    );
    expect(m.text).toBe('text');
    expect(m.subject).toBe('xy');
    expect(m.from?.name).toBe('AB');
  });
});
