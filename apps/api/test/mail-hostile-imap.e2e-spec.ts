import { Writable } from 'node:stream';
import { pino } from 'pino';
import { DeliveryWorker } from '../src/modules/notifications/delivery/delivery-worker';
import { MailboxPoller, type PollResult } from '../src/modules/intake/mail-in/imap/mailbox-poller';
import { startDovecotRig, type DovecotRig } from './support/dovecot-rig';
import {
  buildHostileFixture,
  hostileExpectations,
  hostileFiles,
  hostileMailOverrides,
  type HostileFixture,
} from './support/hostile-mail-fixture';
import { SmtpSink, type ReceivedMail } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';

const SUPPORT = 'support@helpdesk.test';
const FOLDERS = ['INBOX', 'Processed', 'Failed'] as const;

interface InboundRow {
  message_id: string;
  status: string;
  reason: string | null;
  ticket_id: string | null;
  thread_ticket_id: string | null;
  attachments: { attachmentId: string; fileName: string; inline: boolean; dangerous: boolean }[];
}

/**
 * issue 15: "IMAP against a real Dovecot, mail delivered by LMTP or APPEND: every file in
 * hostile-mails/ gives what its expectations.json says". The whole corpus is APPENDed to a private
 * Dovecot's INBOX and read by the real poller in one pass, as a production mailbox would be; the
 * outgoing side is the real delivery worker into a real SMTP server.
 */
describe('the hostile-mail corpus through a real Dovecot and the real poller', () => {
  let rig: DovecotRig;
  let sink: SmtpSink;
  let t: TestApp;
  let fx: HostileFixture;
  let mailboxId: string;
  let firstPoll: PollResult;
  /** What the first poll's notifications and deliveries sent. */
  let sent: ReceivedMail[];
  /** File → its Message-ID (no brackets) as appended. */
  const messageIds = new Map<string, string>();
  const logLines: string[] = [];
  const files = hostileFiles();

  const inbound = async (file: string): Promise<InboundRow> => {
    const rows = (await t.db.query(
      `SELECT message_id, status, reason, ticket_id, thread_ticket_id, attachments
         FROM inbound_messages WHERE mailbox_id = $1 AND message_id = $2`,
      [mailboxId, messageIds.get(file)],
    )) as InboundRow[];
    expect(rows).toHaveLength(1);
    return rows[0];
  };
  const ticketRow = async (id: string) =>
    (
      await t.db.query(
        `SELECT t.subject, t.description, t.status, t.channel, u.email AS requester
           FROM tickets t LEFT JOIN users u ON u.id = t.requester_id WHERE t.id = $1`,
        [id],
      )
    )[0] as {
      subject: string;
      description: string;
      status: string;
      channel: string;
      requester: string;
    };
  const counts = async () =>
    (
      await t.db.query(
        `SELECT (SELECT count(*)::int FROM tickets) AS tickets,
                (SELECT count(*)::int FROM ticket_comments) AS comments,
                (SELECT count(*)::int FROM inbound_messages) AS inbound,
                (SELECT count(*)::int FROM deliveries) AS deliveries`,
      )
    )[0] as { tickets: number; comments: number; inbound: number; deliveries: number };
  /** Fans out and sends everything due; what reached the SMTP server meanwhile. */
  const flushMail = async () => {
    const before = sink.received.length;
    await t.drainNotifications();
    await t.app.get(DeliveryWorker).deliver();
    return sink.received.slice(before);
  };
  /** Message-IDs and \Seen per folder, read over IMAP as another client would. */
  const folderContents = async () => {
    const c = await rig.client();
    try {
      const out: Record<string, { id: string; seen: boolean }[]> = {};
      for (const folder of FOLDERS) {
        const lock = await c.getMailboxLock(folder);
        try {
          const exists = (c.mailbox && c.mailbox.exists) || 0;
          const msgs = exists === 0 ? [] : await c.fetchAll('1:*', { envelope: true, flags: true });
          out[folder] = msgs.map((m) => ({
            id: (m.envelope?.messageId ?? '').replace(/^<|>$/g, ''),
            seen: m.flags?.has('\\Seen') ?? false,
          }));
        } finally {
          lock.release();
        }
      }
      return out;
    } finally {
      await c.logout().catch(() => c.close());
    }
  };
  const download = (attachmentId: string) =>
    t
      .http()
      .get(`/api/v1/attachments/${attachmentId}/content`)
      .set('Authorization', `Bearer ${fx.agent.token}`);
  const to = (address: string) => sent.filter((m) => m.rcptTo.includes(address));

  beforeAll(async () => {
    rig = await startDovecotRig();
    sink = await SmtpSink.start();
    const logger = pino(
      { level: 'warn' },
      new Writable({
        write(chunk: Buffer, _enc, done) {
          logLines.push(chunk.toString());
          done();
        },
      }),
    );
    t = await startTestApp(hostileMailOverrides(sink.port), logger);
    fx = await buildHostileFixture(t);
    const admin = await t.factory.user({ role: 'admin', name: 'Admin' });
    const res = await t
      .http()
      .post('/api/v1/admin/mailboxes')
      .set('Authorization', `Bearer ${await t.tokenFor(admin.id)}`)
      .send({
        name: 'Support',
        address: SUPPORT,
        imapHost: rig.host,
        imapPort: rig.imapPort,
        imapTls: 'none',
        imapUser: SUPPORT,
        imapPassword: rig.users[SUPPORT],
        folder: 'INBOX',
        processedFolder: 'Processed',
        failedFolder: 'Failed',
        unknownSenderPolicy: 'quarantine',
      });
    expect(res.status).toBe(201);
    mailboxId = (res.body as { id: string }).id;

    for (const file of files) {
      const raw = fx.rewrite(file);
      const id = /^Message-ID:\s*<([^>]+)>/im.exec(raw.toString('latin1'))?.[1];
      if (!id) throw new Error(`${file} has no Message-ID`);
      messageIds.set(file, id);
      await rig.append(raw, 'INBOX');
    }
    expect((await rig.status('INBOX')).messages).toBe(files.length);
    // Anything the fixture itself queued is not the corpus's doing.
    await flushMail();

    firstPoll = await t.app.get(MailboxPoller).pollOnce(mailboxId);
    sent = await flushMail();
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
    await rig?.stop();
  });

  it('covers every file expectations.json names, and nothing else', () => {
    expect(files).toEqual(Object.keys(hostileExpectations()).sort());
    expect(files).toHaveLength(14);
  });

  it('one pass fetches all of them, none fails, and each outcome is the expected kind', () => {
    expect(firstPoll).toMatchObject({ status: 'done', fetched: files.length, setAside: 0 });
    expect(firstPoll.outcomes).toEqual({ created: 8, replied: 2, ignored: 3, bounce: 1 });
  });

  it('each message is stored once, under its own Message-ID, with the status its file calls for', async () => {
    const status: Record<string, string> = {
      '05-auto-replied.eml': 'ignored',
      '06-ooo-precedence-bulk.eml': 'ignored',
      '07-bounce-dsn.eml': 'bounce',
      '20-from-helpdesk-own-address.eml': 'ignored',
    };
    for (const file of files) {
      expect({ file, status: (await inbound(file)).status }).toEqual({
        file,
        status: status[file] ?? 'processed',
      });
    }
    expect((await counts()).inbound).toBe(files.length);
    // The .eml as it came over IMAP is the one appended, byte for byte.
    for (const file of files) {
      const [{ raw }] = (await t.db.query(
        'SELECT raw FROM inbound_messages WHERE mailbox_id = $1 AND message_id = $2',
        [mailboxId, messageIds.get(file)],
      )) as { raw: Buffer }[];
      expect({ file, same: raw.equals(fx.rewrite(file)) }).toEqual({ file, same: true });
    }
  });

  it('IMAP: every message left INBOX (Processed, flagged \\Seen; Failed if it failed), none deleted', async () => {
    const folders = await folderContents();
    const failed = new Set<string>();
    for (const file of files) {
      if ((await inbound(file)).status === 'failed') failed.add(messageIds.get(file)!);
    }
    const ids = [...messageIds.values()];
    expect(folders.INBOX).toEqual([]);
    expect(folders.Failed.map((m) => m.id).sort()).toEqual(
      ids.filter((id) => failed.has(id)).sort(),
    );
    expect(folders.Processed.map((m) => m.id).sort()).toEqual(
      ids.filter((id) => !failed.has(id)).sort(),
    );
    expect(folders.Processed.every((m) => m.seen)).toBe(true);
    const total = FOLDERS.reduce((n, f) => n + folders[f].length, 0);
    expect(total).toBe(files.length);
  });

  it('01: one ticket for carol, acknowledged as auto-replied', async () => {
    const row = await inbound('01-new-ticket.eml');
    expect(row.status).toBe('processed');
    const ticket = await ticketRow(row.ticket_id!);
    expect(ticket).toMatchObject({
      subject: 'Cannot log in to the portal',
      requester: 'carol@customer.test',
      channel: 'email',
    });
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM tickets WHERE requester_id =
          (SELECT id FROM users WHERE email = 'carol@customer.test')`)) as { n: number }[],
    ).toEqual([{ n: 1 }]);
    const [{ number }] = (await t.db.query('SELECT number FROM tickets WHERE id = $1', [
      row.ticket_id,
    ])) as { number: number }[];
    const acks = to('carol@customer.test').filter((m) =>
      (m.parsed.subject ?? '').includes(`[#${number}]`),
    );
    expect(acks).toHaveLength(1);
    expect(acks[0].parsed.headers.get('auto-submitted')).toBe('auto-replied');
  });

  it('02, 03: replies by In-Reply-To alone and by the [#number] token alone land on the ticket', async () => {
    const byId = await inbound('02-reply-in-reply-to-only.eml');
    const byToken = await inbound('03-reply-subject-token-only.eml');
    expect(byId.ticket_id).toBe(fx.printer.id);
    expect(byToken.ticket_id).toBe(fx.printer.id);
    const comments = (await t.db.query(
      `SELECT body, author_id, internal FROM ticket_comments WHERE ticket_id = $1 ORDER BY created_at`,
      [fx.printer.id],
    )) as { body: string; author_id: string; internal: boolean }[];
    // Exactly these two: 05 (an auto-reply in the same thread) adds nothing.
    expect(comments).toHaveLength(2);
    for (const c of comments) expect(c).toMatchObject({ author_id: fx.alice.id, internal: false });
    expect(comments[0].body).toContain('The new toner did not help, still smoking.');
  });

  it('05: the auto-reply is kept on the thread, changes nothing and sends nothing', async () => {
    const row = await inbound('05-auto-replied.eml');
    expect(row).toMatchObject({
      status: 'ignored',
      ticket_id: null,
      thread_ticket_id: fx.printer.id,
    });
    expect((await ticketRow(fx.printer.id)).status).toBe('work');
    // Nothing about #1234 went to the customer side (alice's own new ticket, 10, may be acknowledged).
    const aboutPrinter = sent.filter(
      (m) =>
        !m.rcptTo.includes(fx.agent.email) &&
        (m.parsed.subject ?? '').includes(`[#${fx.printer.number}]`),
    );
    expect(aboutPrinter).toEqual([]);
    // Staff hear of 02 and 03 only.
    const toAgent = sent.filter(
      (m) =>
        m.rcptTo.includes(fx.agent.email) &&
        (m.parsed.subject ?? '').includes(`[#${fx.printer.number}]`),
    );
    expect(toAgent).toHaveLength(2);
  });

  it('06: the out-of-office notice gets no mail and no ticket', async () => {
    const row = await inbound('06-ooo-precedence-bulk.eml');
    expect(row).toMatchObject({ status: 'ignored', ticket_id: null });
    expect(to('dave@customer.test')).toEqual([]);
  });

  it('07: the DSN marks gone@ as bouncing (5.1.1) for agents; no ticket, no reply', async () => {
    const row = await inbound('07-bounce-dsn.eml');
    expect(row).toMatchObject({ status: 'bounce', ticket_id: null });
    for (const who of ['MAILER-DAEMON@mx.customer.test', 'gone@customer.test']) {
      expect(
        sent.filter((m) => m.rcptTo.some((r) => r.toLowerCase() === who.toLowerCase())),
      ).toEqual([]);
    }
    const res = await t
      .http()
      .get(`/api/v1/tickets/${fx.printer.id}/deliveries`)
      .set('Authorization', `Bearer ${fx.agent.token}`);
    expect(res.status).toBe(200);
    const items = res.body.items as { id: string; bounce: Record<string, unknown> | null }[];
    const gone = items.find((d) => d.id === fx.goneDelivery.id)!;
    expect(gone.bounce).toMatchObject({ permanent: true, status: '5.1.1' });
    expect(gone.bounce!.diagnostic).toContain('User unknown');
    expect(items.find((d) => d.id === fx.replyDelivery.id)!.bounce).toBeNull();
  });

  it('10: shot.png is stored once, inline, and the body links to our URL instead of cid:', async () => {
    const row = await inbound('10-inline-cid-image.eml');
    expect(row.attachments).toEqual([
      expect.objectContaining({ fileName: 'shot.png', inline: true, dangerous: false }),
    ]);
    const id = row.attachments[0].attachmentId;
    const description = (await ticketRow(row.ticket_id!)).description;
    expect(description).toContain(`/api/v1/attachments/${id}/content`);
    expect(description).not.toContain('cid:');
    const stored = (await t.db.query(
      `SELECT file_name, internal FROM attachments WHERE ticket_id = $1 ORDER BY file_name`,
      [row.ticket_id],
    )) as { file_name: string; internal: boolean }[];
    expect(stored).toEqual([
      { file_name: 'original-message.eml', internal: true },
      { file_name: 'shot.png', internal: false },
    ]);
    const png = await download(id);
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
  });

  it('11: invoice.pdf.exe is flagged and downloads only as an octet-stream attachment', async () => {
    const row = await inbound('11-attachment-double-extension.eml');
    expect(row.ticket_id).not.toBeNull();
    expect(row.attachments).toEqual([
      expect.objectContaining({ fileName: 'invoice.pdf.exe', dangerous: true }),
    ]);
    const res = await download(row.attachments[0].attachmentId);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('12: report.html is kept and never served as HTML', async () => {
    const row = await inbound('12-html-attachment.eml');
    expect(row.ticket_id).not.toBeNull();
    expect(row.attachments.map((a) => a.fileName)).toEqual(['report.html']);
    const res = await download(row.attachments[0].attachmentId);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).not.toMatch(/html/);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain('sandbox');
  });

  it('14: the broken boundary gives one ticket from frank with the text', async () => {
    const row = await inbound('14-malformed-boundary.eml');
    const ticket = await ticketRow(row.ticket_id!);
    expect(ticket.requester).toBe('frank@customer.test');
    expect(ticket.description).toContain('scanner at desk 4 is jammed');
  });

  it('16, 17, 18: KOI8-R, ISO-8859-2 and a 2000-character subject decode exactly', async () => {
    const koi = await ticketRow((await inbound('16-koi8r.eml')).ticket_id!);
    expect(koi.description.trim()).toBe(
      'Добрый день. Счёт за ноябрь так и не пришёл, проверьте, пожалуйста.',
    );
    const cz = await ticketRow((await inbound('17-czech-iso-8859-2-subject.eml')).ticket_id!);
    expect(cz.subject).toBe('Příliš žluťoučký kůň úpěl ďábelské ódy');
    expect(cz.description.trim()).toBe('Dobrý den, tiskárna v kanceláři č. 5 nefunguje.');
    const [jiri] = (await t.db.query(
      `SELECT name FROM users WHERE email = 'jiri@customer.test'`,
    )) as { name: string }[];
    expect(jiri.name).toBe('Jiří Novák');
    const long = await ticketRow((await inbound('18-very-long-subject.eml')).ticket_id!);
    expect(long.subject.startsWith('VPN keeps disconnecting every few minutes')).toBe(true);
    expect(long.subject.length).toBe(250);
  });

  it('20: our own address is ignored as a loop with a warning, and nothing is sent to it', async () => {
    const row = await inbound('20-from-helpdesk-own-address.eml');
    expect(row).toMatchObject({ status: 'ignored', ticket_id: null, thread_ticket_id: null });
    expect(row.reason).toContain('loop');
    expect(logLines.some((l) => l.includes('loop') && l.includes('"level":40'))).toBe(true);
    expect(to(SUPPORT)).toEqual([]);
  });

  it('customers got mail only as new tickets’ senders, all of it automatic, acknowledgements auto-replied', () => {
    const filers = [
      'carol@customer.test',
      'alice@customer.test',
      'billing@customer.test',
      'frank@customer.test',
      'olga@customer.test',
      'jiri@customer.test',
      'gina@customer.test',
    ];
    const toCustomers = sent.filter((m) => !m.rcptTo.includes(fx.agent.email));
    expect(toCustomers.length).toBeGreaterThan(0);
    for (const m of toCustomers) {
      for (const r of m.rcptTo) expect(filers).toContain(r.toLowerCase());
      // A welcome to a contact made on first mail is auto-generated; anything about a ticket
      // answers the customer's mail (RFC 3834 §5).
      const expected = /\[#\d+\]/.test(m.parsed.subject ?? '') ? 'auto-replied' : 'auto-generated';
      expect({
        subject: m.parsed.subject,
        autoSubmitted: m.parsed.headers.get('auto-submitted'),
      }).toEqual({
        subject: m.parsed.subject,
        autoSubmitted: expected,
      });
    }
  });

  it('a second poll fetches nothing, files nothing, sends nothing and moves nothing', async () => {
    const before = await counts();
    const foldersBefore = await folderContents();
    const again = await t.app.get(MailboxPoller).pollOnce(mailboxId);
    expect(again).toMatchObject({ status: 'done', fetched: 0, outcomes: {} });
    expect(await flushMail()).toEqual([]);
    expect(await counts()).toEqual(before);
    expect(await folderContents()).toEqual(foldersBefore);
  });
});
