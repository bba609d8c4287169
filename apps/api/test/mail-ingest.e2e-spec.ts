import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { AppConfig } from '../src/config/app-config';
import { DeliveryWorker } from '../src/modules/notifications/delivery/delivery-worker';
import { VerpAddresses } from '../src/modules/notifications/delivery/mail/verp-address';
import { ReplyAddresses } from '../src/modules/notifications/index';
import { TicketsService } from '../src/modules/tickets/index';
import { loadAuthUser } from '../src/common/auth/auth-user.sql';
import { MailIngestService } from '../src/modules/intake/mail-in/ingest/mail-ingest.service';
import type { IngestSource } from '../src/modules/intake/mail-in/ingest/ingest-types';
import { insertContract, setRequesterList } from './support/requester-list';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorkflowFixture } from './support/workflow-fixture';

const HOSTILE = join(__dirname, 'fixtures/mail/hostile');
const HTTP: IngestSource = { kind: 'http', mailboxId: null };

/** A support mailbox row (the poller's fields are not used here). */
async function mailbox(t: TestApp, address: string, policy: 'refuse' | 'quarantine') {
  const [row] = (await t.db.query(
    `INSERT INTO support_mailboxes (name, address, imap_host, imap_port, imap_tls, imap_user,
                                    imap_password_sealed, unknown_sender_policy)
     VALUES ($1, $1, '127.0.0.1', 10143, 'none', $1, 'v1:unused', $2) RETURNING id`,
    [address, policy],
  )) as { id: string }[];
  return row.id;
}

function mailOverrides(port: number, more: Partial<AppConfig> = {}): Partial<AppConfig> {
  return {
    mailDriver: 'smtp',
    smtpUrl: `smtp://127.0.0.1:${port}`,
    smtpEndpoint: { host: '127.0.0.1', port, secure: false, user: null },
    mailFrom: 'Relaydesk Support <support@helpdesk.test>',
    mailDomain: null,
    mailConcurrency: 2,
    smtpTimeoutSeconds: 5,
    mailIntakeTicketsPerSenderPerHour: 3,
    ...more,
  };
}

/** A mail of our own making, CRLF like the corpus. */
function eml(headers: Record<string, string>, body: string): Buffer {
  const lines = Object.entries({
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8',
    Date: 'Mon, 23 Nov 2026 11:00:00 +0000',
    ...headers,
  }).map(([k, v]) => `${k}: ${v}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}\r\n`);
}

/**
 * The corpus's fixture (ticket #1234 "Printer on fire", requester alice, an agent reply and a
 * notification to gone@) built here, then each file's ids rewritten to ours: our outgoing
 * Message-IDs (`<ticket-<id>.d<delivery>.<rand>@helpdesk.test>`) and our ticket number.
 */
describe('mail ingest (hostile mails, threading, sender authorization, loops, bounces)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let ingest: MailIngestService;
  const logLines: string[] = [];
  let customer: { id: string };
  let alice: { id: string; email: string };
  let agent: { id: string; token: string; email: string };
  let printer: { id: string; number: number };
  let replyDeliveryMessageId: string;
  let goneDelivery: { id: string; messageId: string };
  let typeKey: string;
  let quarantineBox: string;

  beforeAll(async () => {
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
    t = await startTestApp(mailOverrides(sink.port), logger);
    ingest = t.app.get(MailIngestService);
    quarantineBox = await mailbox(t, 'support@helpdesk.test', 'quarantine');
    ({ typeKey } = await createWorkflowFixture(t.db, {
      statuses: [
        { key: 'new', category: 'new', initial: true },
        { key: 'work', category: 'open' },
        { key: 'fixed', category: 'resolved' },
        { key: 'archived', category: 'closed', final: true, readOnly: true },
      ],
      transitions: [
        { from: 'new', to: 'work' },
        { from: 'work', to: 'fixed' },
        { from: 'fixed', to: 'archived' },
      ],
      timers: [{ status: 'fixed', trigger: 'requester_replied', to: 'work' }],
    }));
    // Everyone at customer.test may file: the corpus's senders become contacts on first mail.
    customer = await t.factory.organization('Customer Ltd');
    await t.db.query(`UPDATE organizations SET mail_domains = '{customer.test}' WHERE id = $1`, [
      customer.id,
    ]);
    alice = await t.factory.user({
      role: 'client',
      email: 'alice@customer.test',
      name: 'Alice',
      organizationId: customer.id,
    });
    const agentUser = await t.factory.user({ role: 'agent', name: 'Agent' });
    agent = { id: agentUser.id, token: await t.tokenFor(agentUser.id), email: agentUser.email };
    printer = await t.factory.ticket({
      subject: 'Printer on fire',
      typeKey,
      status: 'work',
      requesterId: alice.id,
      organizationId: customer.id,
      assigneeId: agent.id,
    });
    const sent = async (address: string, userId: string | null) => {
      const [row] = (await t.db.query(
        `INSERT INTO deliveries (channel, kind, user_id, address, locale, ticket_id, data, status,
                                 sent_at, message_id)
         VALUES ('email', 'comment_public', $1, $2, 'en', $3::uuid, '{}', 'sent', now(),
                 '<ticket-' || $3::text || '.d' || nextval('deliveries_id_seq') || '.k3j9x@helpdesk.test>')
         RETURNING id, message_id`,
        [userId, address, printer.id],
      )) as { id: string; message_id: string }[];
      return { id: row.id, messageId: row.message_id.slice(1, -1) };
    };
    replyDeliveryMessageId = (await sent('alice@customer.test', alice.id)).messageId;
    goneDelivery = await sent('gone@customer.test', null);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  /** A corpus file with the fixture's ids replaced by ours. */
  const hostile = (file: string): Buffer =>
    Buffer.from(
      readFileSync(join(HOSTILE, file), 'latin1')
        .replaceAll('ticket-1234.article-2@helpdesk.test', replyDeliveryMessageId)
        .replaceAll('ticket-1234.article-3@helpdesk.test', goneDelivery.messageId)
        .replaceAll('[#1234]', `[#${printer.number}]`),
      'latin1',
    );

  const counts = async () =>
    (
      await t.db.query(
        `SELECT (SELECT count(*)::int FROM tickets) AS tickets,
                (SELECT count(*)::int FROM ticket_comments) AS comments`,
      )
    )[0] as { tickets: number; comments: number };
  const ticketRow = async (id: string) =>
    (
      await t.db.query(
        `SELECT t.subject, t.description, t.status, t.channel, t.needs_reply, u.email AS requester
           FROM tickets t LEFT JOIN users u ON u.id = t.requester_id WHERE t.id = $1`,
        [id],
      )
    )[0] as {
      subject: string;
      description: string;
      status: string;
      channel: string;
      needs_reply: boolean;
      requester: string;
    };
  const inbound = async (id: string) =>
    (await t.db.query('SELECT * FROM inbound_messages WHERE id = $1', [id]))[0] as {
      status: string;
      reason: string | null;
      raw: Buffer;
      ticket_id: string | null;
      thread_ticket_id: string | null;
      attachments: {
        attachmentId: string;
        fileName: string;
        inline: boolean;
        dangerous: boolean;
      }[];
    };
  /** Fans out and sends everything due; returns what reached the sink meanwhile. */
  const flushMail = async () => {
    const before = sink.received.length;
    await t.drainNotifications();
    await t.app.get(DeliveryWorker).deliver();
    return sink.received.slice(before);
  };
  const download = (attachmentId: string) =>
    t
      .http()
      .get(`/api/v1/attachments/${attachmentId}/content`)
      .set('Authorization', `Bearer ${agent.token}`);

  it('01: a new mail from an allowed domain creates one ticket for a new contact, acknowledged as auto-replied', async () => {
    const before = await counts();
    const out = await ingest.ingest(HTTP, hostile('01-new-ticket.eml'));
    expect(out.result).toBe('created');
    const after = await counts();
    expect(after.tickets).toBe(before.tickets + 1);
    const row = await ticketRow(out.ticketId!);
    expect(row).toMatchObject({
      subject: 'Cannot log in to the portal',
      requester: 'carol@customer.test',
      channel: 'email',
    });
    expect(row.description).toContain('since this morning I cannot log in to the portal.');
    const [carol] = (await t.db.query(
      `SELECT role, organization_id, active FROM users WHERE email = 'carol@customer.test'`,
    )) as { role: string; organization_id: string; active: boolean }[];
    expect(carol).toEqual({ role: 'client', organization_id: customer.id, active: true });

    const mails = await flushMail();
    const ack = mails.filter(
      (m) => m.rcptTo.includes('carol@customer.test') && m.parsed.subject?.includes(`#`),
    );
    const acks = ack.filter((m) => m.parsed.headers.get('auto-submitted') === 'auto-replied');
    expect(acks.length).toBeGreaterThanOrEqual(1);
    // Replies to it thread by the signed per-ticket address.
    const replyTo = acks[0].parsed.replyTo?.value[0].address ?? '';
    expect(t.app.get(ReplyAddresses).ticketNumber(replyTo)).not.toBeNull();
  });

  it('a second fetch of the same message (same UID, or same Message-ID elsewhere) creates nothing', async () => {
    const source: IngestSource = {
      kind: 'imap',
      mailboxId: quarantineBox,
      uidValidity: '7',
      uid: 1,
    };
    const raw = eml(
      {
        From: 'Carol <carol@customer.test>',
        To: 'support@helpdesk.test',
        Subject: 'Dedupe me',
        'Message-ID': '<dedupe-1@customer.test>',
      },
      'Once only.',
    );
    const first = await ingest.ingest(source, raw);
    expect(first.result).toBe('created');
    const before = await counts();
    const again = await ingest.ingest(source, raw);
    expect(again).toEqual({
      result: 'duplicate',
      inboundMessageId: first.inboundMessageId,
      ticketId: first.ticketId,
    });
    const viaHttp = await ingest.ingest(HTTP, raw);
    expect(viaHttp.result).toBe('duplicate');
    // Concurrent copies (two instances): exactly one files it.
    const raw2 = eml(
      {
        From: 'Carol <carol@customer.test>',
        To: 'support@helpdesk.test',
        Subject: 'Dedupe me too',
        'Message-ID': '<dedupe-2@customer.test>',
      },
      'Once only, again.',
    );
    const both = await Promise.all([ingest.ingest(HTTP, raw2), ingest.ingest(HTTP, raw2)]);
    expect(both.map((o) => o.result).sort()).toEqual(['created', 'duplicate']);
    expect((await counts()).tickets).toBe(before.tickets + 1);
  });

  it('02: a reply threaded by In-Reply-To alone lands on the ticket as the requester’s comment', async () => {
    const before = await counts();
    const out = await ingest.ingest(HTTP, hostile('02-reply-in-reply-to-only.eml'));
    expect(out).toMatchObject({ result: 'replied', ticketId: printer.id });
    expect((await counts()).tickets).toBe(before.tickets);
    const [c] = (await t.db.query(
      `SELECT body, author_id, internal FROM ticket_comments WHERE ticket_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [printer.id],
    )) as { body: string; author_id: string; internal: boolean }[];
    expect(c).toMatchObject({ author_id: alice.id, internal: false });
    expect(c.body).toContain('The new toner did not help, still smoking.');
  });

  it('03: a reply threaded by the [#number] subject token alone lands on the ticket', async () => {
    const before = await counts();
    const out = await ingest.ingest(HTTP, hostile('03-reply-subject-token-only.eml'));
    expect(out).toMatchObject({ result: 'replied', ticketId: printer.id });
    expect(await counts()).toEqual({ tickets: before.tickets, comments: before.comments + 1 });
  });

  it('threads by the per-ticket thread root and by the signed reply address; a forged signature threads nothing', async () => {
    const reply = (headers: Record<string, string>, id: string) =>
      ingest.ingest(
        HTTP,
        eml(
          {
            From: 'Alice <alice@customer.test>',
            Subject: 'no token here',
            'Message-ID': `<${id}@customer.test>`,
            ...headers,
          },
          `Reply ${id}`,
        ),
      );
    const root = await reply(
      { To: 'support@helpdesk.test', References: `<ticket-${printer.id}@helpdesk.test>` },
      'root-1',
    );
    expect(root).toMatchObject({ result: 'replied', ticketId: printer.id });
    const signed = t.app.get(ReplyAddresses).forTicket(printer.number);
    const byAddress = await reply({ To: signed }, 'addr-1');
    expect(byAddress).toMatchObject({ result: 'replied', ticketId: printer.id });
    const forged = signed.replace(/-([0-9a-f]{16})@/, '-0000000000000000@');
    const notThreaded = await reply({ To: forged }, 'addr-2');
    expect(notThreaded.result).toBe('created');
    expect(notThreaded.ticketId).not.toBe(printer.id);
    // A reply to a message received on the ticket threads too.
    const onInbound = await reply(
      { To: 'support@helpdesk.test', 'In-Reply-To': '<addr-1@customer.test>' },
      'in-1',
    );
    expect(onInbound).toMatchObject({ result: 'replied', ticketId: printer.id });
  });

  it('05: an auto-reply to the ticket is kept but changes nothing and sends nothing', async () => {
    await flushMail();
    const statusBefore = (await ticketRow(printer.id)).status;
    const before = await counts();
    const out = await ingest.ingest(HTTP, hostile('05-auto-replied.eml'));
    expect(out.result).toBe('ignored');
    expect(await counts()).toEqual(before);
    expect((await ticketRow(printer.id)).status).toBe(statusBefore);
    const row = await inbound(out.inboundMessageId);
    expect(row).toMatchObject({ status: 'ignored', thread_ticket_id: printer.id });
    expect(await flushMail()).toEqual([]);
  });

  it('06: an out-of-office notice (Precedence: bulk) gets no mail and no ticket', async () => {
    const before = await counts();
    const out = await ingest.ingest(HTTP, hostile('06-ooo-precedence-bulk.eml'));
    expect(out.result).toBe('ignored');
    expect(await counts()).toEqual(before);
    expect((await flushMail()).filter((m) => m.rcptTo.includes('dave@customer.test'))).toEqual([]);
  });

  it('07: a DSN marks the reported delivery as bouncing (5.1.1), visible to agents; no ticket, no mail', async () => {
    const before = await counts();
    const out = await ingest.ingest(HTTP, hostile('07-bounce-dsn.eml'));
    expect(out.result).toBe('bounce');
    expect(await counts()).toEqual(before);
    expect(await flushMail()).toEqual([]);
    const res = await t
      .http()
      .get(`/api/v1/tickets/${printer.id}/deliveries`)
      .set('Authorization', `Bearer ${agent.token}`);
    expect(res.status).toBe(200);
    const gone = res.body.items.find((d: { id: string }) => d.id === goneDelivery.id);
    expect(gone.bounce).toMatchObject({ permanent: true, status: '5.1.1' });
    expect(gone.bounce.diagnostic).toContain('User unknown');
    const other = res.body.items.find((d: { id: string }) => d.id !== goneDelivery.id);
    expect(other.bounce).toBeNull();
    // The same report naming another recipient does not mark alice's delivery by its id alone.
    const forged = hostile('07-bounce-dsn.eml')
      .toString('latin1')
      .replaceAll(goneDelivery.messageId, replyDeliveryMessageId)
      .replace('<dsn7@mx.customer.test>', '<dsn7-forged@mx.customer.test>');
    expect((await ingest.ingest(HTTP, Buffer.from(forged, 'latin1'))).result).toBe('bounce');
    const [alices] = (await t.db.query(`SELECT bounced_at FROM deliveries WHERE message_id = $1`, [
      `<${replyDeliveryMessageId}>`,
    ])) as { bounced_at: Date | null }[];
    expect(alices.bounced_at).toBeNull();
  });

  it('a DSN to the signed VERP address finds its delivery without the returned headers; a 4.x.x is a note', async () => {
    const verp = t.app.get(VerpAddresses).address(goneDelivery.id, 'helpdesk.test');
    const dsn = (status: string, action: string, id: string) =>
      Buffer.from(
        [
          'Return-Path: <>',
          `To: ${verp}`,
          'From: MAILER-DAEMON@mx.customer.test',
          'Subject: Delivery Status Notification',
          `Message-ID: <${id}@mx.customer.test>`,
          'MIME-Version: 1.0',
          'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
          '',
          '--b',
          'Content-Type: text/plain',
          '',
          'Delayed.',
          '--b',
          'Content-Type: message/delivery-status',
          '',
          'Reporting-MTA: dns; mx.customer.test',
          '',
          'Final-Recipient: rfc822; gone@customer.test',
          `Action: ${action}`,
          `Status: ${status}`,
          '',
          '--b--',
          '',
        ].join('\r\n'),
      );
    await t.db.query(
      `UPDATE deliveries SET bounced_at = NULL, bounce_permanent = NULL, bounce_status = NULL WHERE id = $1`,
      [goneDelivery.id],
    );
    expect((await ingest.ingest(HTTP, dsn('4.4.1', 'delayed', 'verp-1'))).result).toBe('bounce');
    const bounceOf = async () =>
      (
        await t.db.query('SELECT bounce_permanent, bounce_status FROM deliveries WHERE id = $1', [
          goneDelivery.id,
        ])
      )[0];
    expect(await bounceOf()).toEqual({ bounce_permanent: false, bounce_status: '4.4.1' });
    expect((await ingest.ingest(HTTP, dsn('5.1.1', 'failed', 'verp-2'))).result).toBe('bounce');
    expect(await bounceOf()).toEqual({ bounce_permanent: true, bounce_status: '5.1.1' });
    // A later delay never hides the permanent failure.
    expect((await ingest.ingest(HTTP, dsn('4.4.1', 'delayed', 'verp-3'))).result).toBe('bounce');
    expect(await bounceOf()).toEqual({ bounce_permanent: true, bounce_status: '5.1.1' });
  });

  it('10: an inline cid image is stored once, marked inline, and the body links to our URL', async () => {
    const out = await ingest.ingest(HTTP, hostile('10-inline-cid-image.eml'));
    expect(out.result).toBe('created');
    const row = await inbound(out.inboundMessageId);
    expect(row.attachments).toEqual([
      expect.objectContaining({ fileName: 'shot.png', inline: true, dangerous: false }),
    ]);
    const id = row.attachments[0].attachmentId;
    const description = (await ticketRow(out.ticketId!)).description;
    expect(description).toContain(`/api/v1/attachments/${id}/content`);
    expect(description).not.toContain('cid:');
    const files = (await t.db.query(
      `SELECT file_name, content_type, internal FROM attachments WHERE ticket_id = $1 ORDER BY file_name`,
      [out.ticketId],
    )) as { file_name: string; content_type: string; internal: boolean }[];
    expect(files).toEqual([
      { file_name: 'original-message.eml', content_type: expect.any(String), internal: true },
      { file_name: 'shot.png', content_type: 'image/png', internal: false },
    ]);
    const png = await download(id);
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
  });

  it('11: invoice.pdf.exe is flagged and downloads only as an octet-stream attachment with nosniff', async () => {
    const out = await ingest.ingest(HTTP, hostile('11-attachment-double-extension.eml'));
    expect(out.result).toBe('created');
    const [file] = (await inbound(out.inboundMessageId)).attachments;
    expect(file).toMatchObject({ fileName: 'invoice.pdf.exe', dangerous: true });
    const res = await download(file.attachmentId);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('12: report.html is kept as an attachment and never served as HTML', async () => {
    const out = await ingest.ingest(HTTP, hostile('12-html-attachment.eml'));
    expect(out.result).toBe('created');
    const [file] = (await inbound(out.inboundMessageId)).attachments;
    expect(file.fileName).toBe('report.html');
    const res = await download(file.attachmentId);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).not.toMatch(/html/);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain('sandbox');
  });

  it('14: a broken boundary still gives one ticket with the text', async () => {
    const out = await ingest.ingest(HTTP, hostile('14-malformed-boundary.eml'));
    expect(out.result).toBe('created');
    const row = await ticketRow(out.ticketId!);
    expect(row.requester).toBe('frank@customer.test');
    expect(row.description).toContain('scanner at desk 4 is jammed');
    // What the parser repaired is on record.
    expect((await inbound(out.inboundMessageId)).reason).toContain('parsing: multipart-boundary');
  });

  it('16, 17: KOI8-R and ISO-8859-2 text, subject and name decode exactly', async () => {
    const koi = await ingest.ingest(HTTP, hostile('16-koi8r.eml'));
    expect(koi.result).toBe('created');
    expect((await ticketRow(koi.ticketId!)).description.trim()).toBe(
      'Добрый день. Счёт за ноябрь так и не пришёл, проверьте, пожалуйста.',
    );
    const cz = await ingest.ingest(HTTP, hostile('17-czech-iso-8859-2-subject.eml'));
    const row = await ticketRow(cz.ticketId!);
    expect(row.subject).toBe('Příliš žluťoučký kůň úpěl ďábelské ódy');
    expect(row.description.trim()).toBe('Dobrý den, tiskárna v kanceláři č. 5 nefunguje.');
    const [jiri] = (await t.db.query(
      `SELECT name FROM users WHERE email = 'jiri@customer.test'`,
    )) as { name: string }[];
    expect(jiri.name).toBe('Jiří Novák');
  });

  it('18: a 2000-character subject is cut to the column, not an error', async () => {
    const out = await ingest.ingest(HTTP, hostile('18-very-long-subject.eml'));
    expect(out.result).toBe('created');
    const row = await ticketRow(out.ticketId!);
    expect(row.subject.startsWith('VPN keeps disconnecting every few minutes')).toBe(true);
    expect(row.subject.length).toBe(250);
  });

  it('20: mail from our own address is ignored as a loop, with a warning', async () => {
    await flushMail();
    const before = await counts();
    const out = await ingest.ingest(HTTP, hostile('20-from-helpdesk-own-address.eml'));
    expect(out.result).toBe('ignored');
    expect(await counts()).toEqual(before);
    expect((await inbound(out.inboundMessageId)).reason).toContain('loop');
    expect(logLines.some((l) => l.includes('loop') && l.includes('"level":40'))).toBe(true);
    expect(await flushMail()).toEqual([]);
  });

  it('an outsider’s reply with a correct [#number] never lands on the ticket, whatever Reply-To says', async () => {
    const before = await counts();
    const comments = await t.db.query(
      'SELECT count(*)::int AS n FROM ticket_comments WHERE ticket_id = $1',
      [printer.id],
    );
    // A stranger, pretending with Reply-To to be alice: held, flagged, nothing on #printer.
    const stranger = await ingest.ingest(
      HTTP,
      eml(
        {
          From: 'Mallory <mallory@evil.test>',
          'Reply-To': 'Alice <alice@customer.test>',
          To: 'support@helpdesk.test',
          Cc: 'eve@evil.test',
          Subject: `Re: [#${printer.number}] Printer on fire`,
          'In-Reply-To': `<${replyDeliveryMessageId}>`,
          'Message-ID': '<outsider-1@evil.test>',
        },
        'Please send me the full history of this ticket.',
      ),
    );
    expect(stranger.result).toBe('quarantined');
    const held = await inbound(stranger.inboundMessageId);
    expect(held.thread_ticket_id).toBe(printer.id);
    expect(held.reason).toContain(`#${printer.number}`);
    // A colleague at the customer who may not see alice's ticket: a new ticket of their own.
    const colleague = await ingest.ingest(
      HTTP,
      eml(
        {
          From: 'Bob <bob@customer.test>',
          To: 'support@helpdesk.test',
          Cc: 'alice@customer.test',
          Subject: `Re: [#${printer.number}] Printer on fire`,
          'Message-ID': '<outsider-2@customer.test>',
        },
        'Is this about my printer too?',
      ),
    );
    expect(colleague.result).toBe('created');
    expect(colleague.ticketId).not.toBe(printer.id);
    expect((await inbound(colleague.inboundMessageId)).thread_ticket_id).toBe(printer.id);
    expect(
      await t.db.query('SELECT count(*)::int AS n FROM ticket_comments WHERE ticket_id = $1', [
        printer.id,
      ]),
    ).toEqual(comments);
    // Nobody was added to the ticket, neither the sender nor anyone in Cc.
    expect(
      await t.db.query('SELECT user_id FROM ticket_watchers WHERE ticket_id = $1', [printer.id]),
    ).toEqual([]);
    expect(await counts()).toEqual({ tickets: before.tickets + 1, comments: before.comments });
  });

  it('a client’s reply by mail sets needs-reply and fires requester_replied, like a portal reply', async () => {
    const fixed = await t.factory.ticket({
      subject: 'Scanner',
      typeKey,
      status: 'fixed',
      requesterId: alice.id,
      organizationId: customer.id,
      assigneeId: agent.id,
    });
    const out = await ingest.ingest(
      HTTP,
      eml(
        {
          From: 'Alice <alice@customer.test>',
          To: 'support@helpdesk.test',
          Subject: `Re: [#${fixed.number}] Scanner`,
          'Message-ID': '<alice-fixed-1@customer.test>',
        },
        'It broke again.\n\nOn Monday you wrote:\n> Fixed.',
      ),
    );
    expect(out).toMatchObject({ result: 'replied', ticketId: fixed.id });
    const row = await ticketRow(fixed.id);
    expect(row).toMatchObject({ status: 'work', needs_reply: true });
    const [c] = (await t.db.query('SELECT body FROM ticket_comments WHERE ticket_id = $1', [
      fixed.id,
    ])) as { body: string }[];
    expect(c.body).toContain('It broke again.');
    // The assignee hears of it, as of a portal reply.
    await t.drainNotifications();
    const [n] = (await t.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND ticket_id = $2 AND kind = 'comment_public'`,
      [agent.id, fixed.id],
    )) as { n: number }[];
    expect(n.n).toBe(1);
  });

  it('authorized requesters: only they may file; the others get one polite refusal a day', async () => {
    const strict = await t.factory.organization('Strict Co');
    const boss = await t.factory.user({
      role: 'client',
      email: 'boss@strict.test',
      organizationId: strict.id,
      locale: 'cs',
    });
    const intern = await t.factory.user({
      role: 'client',
      email: 'intern@strict.test',
      organizationId: strict.id,
      locale: 'ru',
    });
    // Listed for one contract only: mail names no contract, so they may file (docs/contracts.md).
    const keeper = await t.factory.user({
      role: 'client',
      email: 'keeper@strict.test',
      organizationId: strict.id,
    });
    const contract = await insertContract(t, strict.id, 'ST-1');
    const open = await t.factory.ticket({
      subject: 'Old printer',
      typeKey,
      status: 'work',
      requesterId: intern.id,
      organizationId: strict.id,
    });
    await setRequesterList(t, strict.id, true, [
      { userId: boss.id },
      { userId: keeper.id, contractId: contract.id },
    ]);
    await flushMail();
    const mailFrom = (from: string, id: string) =>
      eml(
        {
          From: from,
          To: 'support@helpdesk.test',
          Subject: 'New laptop',
          'Message-ID': `<${id}@strict.test>`,
        },
        'Please.',
      );
    const refused = await ingest.ingest(HTTP, mailFrom('intern@strict.test', 's1'));
    expect(refused.result).toBe('refused');
    expect((await ingest.ingest(HTTP, mailFrom('intern@strict.test', 's2'))).result).toBe(
      'refused',
    );
    expect((await ingest.ingest(HTTP, mailFrom('boss@strict.test', 's3'))).result).toBe('created');
    expect((await ingest.ingest(HTTP, mailFrom('keeper@strict.test', 's4'))).result).toBe(
      'created',
    );
    // Replying to a ticket they already have is not filing: it lands there.
    const reply = await ingest.ingest(
      HTTP,
      eml(
        {
          From: 'intern@strict.test',
          To: 'support@helpdesk.test',
          Subject: `Re: [#${open.number}] Old printer`,
          'Message-ID': '<s5@strict.test>',
        },
        'Still jammed.',
      ),
    );
    expect(reply).toMatchObject({ result: 'replied', ticketId: open.id });
    const toIntern = (await flushMail()).filter((m) => m.rcptTo.includes(intern.email));
    expect(toIntern).toHaveLength(1);
    expect(toIntern[0].parsed.subject).toBe('Ваше письмо не зарегистрировано');
    expect(toIntern[0].parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(toIntern[0].parsed.text).not.toContain('Please.');
    // Nothing of the organization: neither its name nor who may file.
    expect(toIntern[0].parsed.text).not.toMatch(/Strict Co|boss|keeper|ST-1/);
    expect(toIntern[0].parsed.html || '').not.toMatch(/Strict Co|boss|keeper|ST-1/);
    const [{ n }] = (await t.db.query(
      `SELECT count(*)::int AS n FROM tickets WHERE requester_id = $1 AND id <> $2`,
      [intern.id, open.id],
    )) as { n: number }[];
    expect(n).toBe(0);
  });

  it('unknown senders follow the mailbox: refuse (with a reply, none to auto-submitted mail) or quarantine', async () => {
    const refuseBox = await mailbox(t, 'sales@helpdesk.test', 'refuse');
    await flushMail();
    const source = (uid: number): IngestSource => ({
      kind: 'imap',
      mailboxId: refuseBox,
      uidValidity: '1',
      uid,
    });
    const out = await ingest.ingest(
      source(1),
      eml(
        {
          From: 'Stranger <stranger@elsewhere.test>',
          To: 'sales@helpdesk.test',
          Subject: 'Hi',
          'Message-ID': '<u1@elsewhere.test>',
        },
        'Buy from us.',
      ),
    );
    expect(out.result).toBe('refused');
    const auto = await ingest.ingest(
      source(2),
      eml(
        {
          From: 'Robot <robot@elsewhere.test>',
          To: 'sales@helpdesk.test',
          Subject: 'Hi',
          'Auto-Submitted': 'auto-generated',
          'Message-ID': '<u2@elsewhere.test>',
        },
        'Beep.',
      ),
    );
    expect(auto.result).toBe('ignored');
    const mails = await flushMail();
    expect(
      mails
        .filter((m) => m.rcptTo.includes('stranger@elsewhere.test'))
        .map((m) => m.parsed.subject),
    ).toEqual(['Your message could not be filed']);
    expect(mails.filter((m) => m.rcptTo.includes('robot@elsewhere.test'))).toEqual([]);
    const held = await ingest.ingest(
      { kind: 'imap', mailboxId: quarantineBox, uidValidity: '7', uid: 99 },
      eml(
        {
          From: 'Stranger <stranger@elsewhere.test>',
          To: 'support@helpdesk.test',
          Subject: 'Hi',
          'Message-ID': '<u3@elsewhere.test>',
        },
        'Hello?',
      ),
    );
    expect(held.result).toBe('quarantined');
    expect((await flushMail()).filter((m) => m.rcptTo.includes('stranger@elsewhere.test'))).toEqual(
      [],
    );
  });

  it('the per-sender rate limit holds further new tickets in the quarantine, for an hour', async () => {
    const send = (i: number) =>
      ingest.ingest(
        HTTP,
        eml(
          {
            From: 'Rita <rita@customer.test>',
            To: 'support@helpdesk.test',
            Subject: `Issue ${i}`,
            'Message-ID': `<rate-${i}@customer.test>`,
          },
          `Issue ${i}`,
        ),
      );
    const results = [];
    for (let i = 1; i <= 4; i++) results.push((await send(i)).result);
    expect(results).toEqual(['created', 'created', 'created', 'quarantined']);
    t.clock.advance(3_600_001);
    expect((await send(5)).result).toBe('created');
  });

  it('the quarantine: admins and dispatchers list, read, accept (contact + ticket) or discard; agents may not', async () => {
    const org = await t.factory.organization('Newcomer GmbH');
    const staff = async (role: 'admin' | 'dispatcher' | 'agent') => {
      const u = await t.factory.user({ role });
      return `Bearer ${await t.tokenFor(u.id)}`;
    };
    const admin = await staff('admin');
    const dispatcher = await staff('dispatcher');
    const agentAuth = await staff('agent');
    const hold = async (from: string, id: string) =>
      (
        await ingest.ingest(
          HTTP,
          eml(
            {
              From: from,
              To: 'support@helpdesk.test',
              Subject: `Hello from ${id}`,
              'Message-ID': `<${id}@newcomer.test>`,
            },
            `Text of ${id}`,
          ),
        )
      ).inboundMessageId;
    const first = await hold('Nina New <nina@newcomer.test>', 'q1');
    const second = await hold('Spam <spam@newcomer.test>', 'q2');
    const api = (auth: string) => ({
      get: (path: string) =>
        t.http().get(`/api/v1/admin/mail-quarantine${path}`).set('Authorization', auth),
      post: (path: string, body: object = {}) =>
        t.http().post(`/api/v1/admin/mail-quarantine${path}`).set('Authorization', auth).send(body),
    });
    expect((await api(agentAuth).get('')).status).toBe(403);
    const list = await api(dispatcher).get('?limit=200');
    expect(list.status).toBe(200);
    const ids = list.body.items.map((m: { id: string }) => m.id);
    expect(ids).toEqual(expect.arrayContaining([first, second]));
    const detail = await api(admin).get(`/${first}`);
    expect(detail.body).toMatchObject({
      fromAddress: 'nina@newcomer.test',
      knownSender: false,
      text: expect.stringContaining('Text of q1'),
    });
    const raw = await api(admin).get(`/${first}/raw`);
    expect(raw.headers['content-disposition']).toMatch(/^attachment/);

    // No contact and no domain: the organization must be named.
    const missing = await api(dispatcher).post(`/${first}/accept`);
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].field).toBe('organizationId');
    const accepted = await api(dispatcher).post(`/${first}/accept`, { organizationId: org.id });
    expect(accepted.status).toBe(200);
    expect(accepted.body.contactCreated).toBe(true);
    const ticket = await ticketRow(accepted.body.ticket.id);
    expect(ticket).toMatchObject({
      subject: 'Hello from q1',
      requester: 'nina@newcomer.test',
      channel: 'email',
    });
    expect(ticket.description).toContain('Text of q1');
    expect(
      (await api(dispatcher).post(`/${first}/accept`, { organizationId: org.id })).status,
    ).toBe(409);

    expect((await api(admin).post(`/${second}/discard`)).status).toBe(204);
    expect((await api(admin).post(`/${second}/discard`)).status).toBe(409);
    expect((await inbound(second)).status).toBe('discarded');
    const after = await api(admin).get('?limit=200');
    expect(after.body.items.map((m: { id: string }) => m.id)).not.toEqual(
      expect.arrayContaining([first]),
    );
    expect(
      (await api(admin).post(`/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/accept`)).status,
    ).toBe(404);
  });

  it('the directory API sets allowed domains (staff only), checked; a list in force refuses a newcomer of the domain', async () => {
    const dispatcherUser = await t.factory.user({ role: 'dispatcher' });
    const auth = `Bearer ${await t.tokenFor(dispatcherUser.id)}`;
    const created = await t
      .http()
      .post('/api/v1/organizations')
      .set('Authorization', auth)
      .send({ name: 'NewCo', mailDomains: ['NewCo.Test'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ mailDomains: ['newco.test'] });
    // The old list is retired: who may file is the contracts module's list.
    expect(created.body.authorizedRequesterIds).toBeUndefined();
    const bad = await t
      .http()
      .patch(`/api/v1/organizations/${created.body.id}`)
      .set('Authorization', auth)
      .send({ version: created.body.version, mailDomains: ['not a domain'] });
    expect(bad.status).toBe(400);
    const retired = await t
      .http()
      .patch(`/api/v1/organizations/${created.body.id}`)
      .set('Authorization', auth)
      .send({ version: created.body.version, authorizedRequesterIds: [alice.id] });
    expect(retired.status).toBe(400);

    const out = await ingest.ingest(
      HTTP,
      eml(
        {
          From: 'Nora <nora@newco.test>',
          To: 'support@helpdesk.test',
          Subject: 'First mail',
          'Message-ID': '<newco-1@newco.test>',
        },
        'Hello.',
      ),
    );
    expect(out.result).toBe('created');
    const [nora] = (await t.db.query(
      `SELECT id, organization_id FROM users WHERE email = 'nora@newco.test'`,
    )) as { id: string; organization_id: string }[];
    expect(nora.organization_id).toBe(created.body.id);
    await setRequesterList(t, created.body.id, true, [{ userId: nora.id }]);
    // A second newcomer from the domain is no authorized requester: refused, no contact made.
    const other = await ingest.ingest(
      HTTP,
      eml(
        {
          From: 'Otto <otto@newco.test>',
          To: 'support@helpdesk.test',
          Subject: 'Me too',
          'Message-ID': '<newco-2@newco.test>',
        },
        'Hello.',
      ),
    );
    expect(other.result).toBe('refused');
    expect(await t.db.query(`SELECT id FROM users WHERE email = 'otto@newco.test'`)).toEqual([]);
    // Clients never see the lists.
    const noraView = await t
      .http()
      .get(`/api/v1/organizations/${created.body.id}`)
      .set('Authorization', `Bearer ${await t.tokenFor(nora.id)}`);
    expect(noraView.status).toBe(200);
    expect(noraView.body.mailDomains).toBeUndefined();
    expect(noraView.body.authorizedRequesterIds).toBeUndefined();
  });

  it('one acknowledgement per sender per 24 hours for mailed tickets', async () => {
    await flushMail();
    const send = (i: number) =>
      ingest.ingest(
        HTTP,
        eml(
          {
            From: 'Ack <ack@customer.test>',
            To: 'support@helpdesk.test',
            Subject: `Ack ${i}`,
            'Message-ID': `<ack-${i}@customer.test>`,
          },
          `Request ${i}`,
        ),
      );
    expect((await send(1)).result).toBe('created');
    expect((await send(2)).result).toBe('created');
    const acks = () =>
      t.db.query(
        `SELECT status FROM deliveries WHERE address = 'ack@customer.test' AND kind = 'ticket_acknowledged' ORDER BY id`,
      );
    // The new contact's welcome mail aside: only mails about a ticket.
    const aboutTickets = (mails: Awaited<ReturnType<typeof flushMail>>) =>
      mails.filter(
        (m) => m.rcptTo.includes('ack@customer.test') && m.parsed.subject?.includes('[#'),
      );
    const first = aboutTickets(await flushMail());
    expect(first).toHaveLength(1);
    expect(first[0].parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(await acks()).toEqual([{ status: 'sent' }, { status: 'suppressed' }]);
    t.clock.advance(24 * 3_600_000 + 1);
    expect((await send(3)).result).toBe('created');
    expect(aboutTickets(await flushMail())).toHaveLength(1);
  });

  it('one acknowledgement per sender per 24 hours holds for web-form tickets too', async () => {
    await flushMail();
    const filer = await t.factory.user({
      role: 'client',
      email: 'formfiler@customer.test',
      organizationId: customer.id,
    });
    const viaForm = (i: number) =>
      t.db.transaction(async (em) => {
        const user = await loadAuthUser(em, filer.id, t.clock.now());
        return t.app
          .get(TicketsService)
          .create(
            user!,
            { subject: `Form ${i}`, description: 'Help' },
            { em, channel: 'web_form' },
          );
      });
    await viaForm(1);
    await viaForm(2);
    const aboutTickets = (await flushMail()).filter(
      (m) => m.rcptTo.includes('formfiler@customer.test') && m.parsed.subject?.includes('[#'),
    );
    expect(aboutTickets).toHaveLength(1);
    expect(
      await t.db.query(
        `SELECT status FROM deliveries WHERE address = 'formfiler@customer.test' AND kind = 'ticket_acknowledged' ORDER BY id`,
      ),
    ).toEqual([{ status: 'sent' }, { status: 'suppressed' }]);
  });

  it('a staff member’s mail lands on a ticket only as an internal note, and only by an unguessable thread signal', async () => {
    const admin = await t.factory.user({ role: 'admin', name: 'Admin' });
    const staffMail = (from: string, id: string, headers: Record<string, string>, body: string) =>
      ingest.ingest(
        HTTP,
        eml(
          {
            From: from,
            To: 'support@helpdesk.test',
            Subject: `Re: [#${printer.number}] Printer on fire`,
            'Message-ID': `<${id}@example.test>`,
            ...headers,
          },
          body,
        ),
      );
    const before = await counts();
    // Forged: the admin sees every ticket and the number is guessable; nothing lands.
    const forged = await staffMail(
      `Admin <${admin.email}>`,
      'staff-forged',
      {},
      'Refund them all.',
    );
    expect(forged.result).toBe('quarantined');
    expect(forged.ticketId).toBeUndefined();
    const held = await inbound(forged.inboundMessageId);
    expect(held.reason).toContain('subject token');
    expect(held.reason).toContain('agent app');
    expect(held.thread_ticket_id).toBe(printer.id);
    // A Message-ID of a mail we received is known to all its recipients: not enough either.
    const [received] = (await t.db.query(
      `SELECT message_id FROM inbound_messages WHERE ticket_id = $1 AND status = 'processed' LIMIT 1`,
      [printer.id],
    )) as { message_id: string }[];
    const onReceived = await staffMail(
      `Admin <${admin.email}>`,
      'staff-received',
      { 'In-Reply-To': `<${received.message_id}>` },
      'Refund them all, again.',
    );
    expect(onReceived.result).toBe('quarantined');
    // Not a reply at all: staff file tickets in the agent app.
    const fresh = await ingest.ingest(
      HTTP,
      eml(
        {
          From: `Agent <${agent.email}>`,
          To: 'support@helpdesk.test',
          Subject: 'A new problem',
          'Message-ID': '<staff-new@example.test>',
        },
        'Something broke.',
      ),
    );
    expect(fresh.result).toBe('quarantined');
    expect((await inbound(fresh.inboundMessageId)).reason).toContain('not a reply to a ticket');
    expect(await counts()).toEqual(before);
    // An answer to our own mail about the ticket lands, as an internal note.
    const out = await staffMail(
      `Agent <${agent.email}>`,
      'staff-1',
      { 'In-Reply-To': `<${replyDeliveryMessageId}>` },
      'Replacing the fuser tomorrow.',
    );
    expect(out).toMatchObject({ result: 'replied', ticketId: printer.id });
    const [c] = (await t.db.query(
      `SELECT internal, author_id FROM ticket_comments WHERE body LIKE 'Replacing the fuser%'`,
    )) as { internal: boolean; author_id: string }[];
    expect(c).toEqual({ internal: true, author_id: agent.id });
    // So does one to the signed reply address (the subject token next to it changes nothing).
    const signed = await staffMail(
      `Agent <${agent.email}>`,
      'staff-2',
      { To: t.app.get(ReplyAddresses).forTicket(printer.number) },
      'Fuser ordered.',
    );
    expect(signed).toMatchObject({ result: 'replied', ticketId: printer.id });
  });

  it('a deactivated contact may not file or reply by mail', async () => {
    const gone = await t.factory.user({
      role: 'client',
      email: 'former@customer.test',
      organizationId: customer.id,
      active: false,
    });
    const before = await counts();
    const out = await ingest.ingest(
      HTTP,
      eml(
        {
          From: 'Former <former@customer.test>',
          To: 'support@helpdesk.test',
          Subject: 'Still here',
          'Message-ID': '<former-1@customer.test>',
        },
        'Hello?',
      ),
    );
    expect(out.result).toBe('refused');
    expect((await inbound(out.inboundMessageId)).reason).toContain('deactivated');
    expect(await counts()).toEqual(before);
    expect(gone.id).toBeTruthy();
  });

  it('new tickets get the mailbox’s defaults: group, priority and a public type (an internal one is left out for a client)', async () => {
    const group = await t.factory.group('Mail desk');
    const type = async (isPublic: boolean) =>
      (
        (await t.db.query(
          `INSERT INTO ticket_types (key, name, workflow_id, is_public)
           SELECT $1, '{"en":"By mail"}', workflow_id, $2 FROM ticket_types WHERE key = $3 RETURNING id`,
          [`mail_${isPublic ? 'pub' : 'int'}_${Date.now()}`, isPublic, typeKey],
        )) as { id: string }[]
      )[0].id;
    const publicType = await type(true);
    const internalType = await type(false);
    const box = await mailbox(t, 'service@helpdesk.test', 'quarantine');
    const setDefaults = (typeId: string) =>
      t.db.query(
        `UPDATE support_mailboxes SET default_group_id = $2, default_priority = 'high', default_type_id = $3 WHERE id = $1`,
        [box, group.id, typeId],
      );
    const file = (uid: number) =>
      ingest.ingest(
        { kind: 'imap', mailboxId: box, uidValidity: '3', uid },
        eml(
          {
            From: 'Dora <dora@customer.test>',
            To: 'service@helpdesk.test',
            Subject: `Defaults ${uid}`,
            'Message-ID': `<defaults-${uid}@customer.test>`,
          },
          'Please.',
        ),
      );
    const row = async (id: string) =>
      (
        await t.db.query('SELECT group_id, priority, type_id FROM tickets WHERE id = $1', [id])
      )[0] as { group_id: string; priority: string; type_id: string | null };
    await setDefaults(publicType);
    const one = await file(1);
    expect(one.result).toBe('created');
    expect(await row(one.ticketId!)).toEqual({
      group_id: group.id,
      priority: 'high',
      type_id: publicType,
    });
    await setDefaults(internalType);
    const two = await file(2);
    expect(two.result).toBe('created');
    const second = await row(two.ticketId!);
    expect(second).toMatchObject({ group_id: group.id, priority: 'high' });
    expect(second.type_id).not.toBe(internalType);
  });

  it('staff see a ticket’s mail, with the flagged attempts at it and a differing Reply-To; clients get 404', async () => {
    const res = await t
      .http()
      .get(`/api/v1/tickets/${printer.id}/inbound-mail?limit=200`)
      .set('Authorization', `Bearer ${agent.token}`);
    expect(res.status).toBe(200);
    type Item = { fromAddress: string; replyTo: string | null; flagged: boolean; status: string };
    const items = res.body.items as Item[];
    expect(items).toContainEqual(
      expect.objectContaining({
        fromAddress: 'mallory@evil.test',
        replyTo: 'alice@customer.test',
        flagged: true,
        status: 'quarantined',
      }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({
        fromAddress: 'bob@customer.test',
        flagged: true,
        status: 'processed',
      }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({
        fromAddress: 'alice@customer.test',
        flagged: false,
        status: 'processed',
      }),
    );
    // The auto-reply (05) pointed at it and was ignored.
    expect(items).toContainEqual(expect.objectContaining({ flagged: true, status: 'ignored' }));
    const asAlice = await t
      .http()
      .get(`/api/v1/tickets/${printer.id}/inbound-mail`)
      .set('Authorization', `Bearer ${await t.tokenFor(alice.id)}`);
    expect(asAlice.status).toBe(404);
  });

  it('staff see the receiving server’s Authentication-Results of a client’s mail', async () => {
    const verdict = 'mx.helpdesk.test; spf=fail smtp.mailfrom=customer.test; dmarc=fail';
    const out = await ingest.ingest(
      HTTP,
      eml(
        {
          'Authentication-Results': verdict,
          From: 'Alice <alice@customer.test>',
          To: 'support@helpdesk.test',
          Subject: 'Checked?',
          'In-Reply-To': `<${replyDeliveryMessageId}>`,
          'Message-ID': '<auth-1@customer.test>',
        },
        'Is it me?',
      ),
    );
    expect(out).toMatchObject({ result: 'replied', ticketId: printer.id });
    const res = await t
      .http()
      .get(`/api/v1/tickets/${printer.id}/inbound-mail?limit=200`)
      .set('Authorization', `Bearer ${agent.token}`);
    expect(res.status).toBe(200);
    const items = res.body.items as { id: string; authenticationResults: string | null }[];
    expect(items.find((i) => i.id === out.inboundMessageId)?.authenticationResults).toBe(verdict);
    // None recorded: null, not missing.
    expect(items.find((i) => i.id !== out.inboundMessageId)).toHaveProperty(
      'authenticationResults',
      null,
    );
  });

  it('a DSN matched by Message-ID alone that names no recipient marks nothing', async () => {
    const dsn = Buffer.from(
      [
        'To: bounces@helpdesk.test',
        'From: MAILER-DAEMON@mx.evil.test',
        'Subject: Delivery Status Notification (Failure)',
        'Message-ID: <dsn-anon@mx.evil.test>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'Failed.',
        '--b',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.evil.test',
        '',
        'Action: failed',
        'Status: 5.1.1',
        '',
        '--b',
        'Content-Type: text/rfc822-headers',
        '',
        `Message-ID: <${replyDeliveryMessageId}>`,
        'To: alice@customer.test',
        '',
        '--b--',
        '',
      ].join('\r\n'),
    );
    const out = await ingest.ingest(HTTP, dsn);
    expect(out.result).toBe('bounce');
    expect((await inbound(out.inboundMessageId)).reason).toContain('names no recipient');
    const [alices] = (await t.db.query(`SELECT bounced_at FROM deliveries WHERE message_id = $1`, [
      `<${replyDeliveryMessageId}>`,
    ])) as { bounced_at: Date | null }[];
    expect(alices.bounced_at).toBeNull();
  });

  it('refusal mails: one a day per mailbox whatever its +tag or case, neutral greeting, capped per hour for all', async () => {
    const refuseBox = await mailbox(t, 'orders@helpdesk.test', 'refuse');
    await flushMail();
    let uid = 0;
    const stranger = (from: string) =>
      ingest.ingest(
        { kind: 'imap', mailboxId: refuseBox, uidValidity: '1', uid: ++uid },
        eml(
          {
            From: from,
            To: 'orders@helpdesk.test',
            Subject: 'Hi',
            'Message-ID': `<bomb-${uid}@bomb.test>`,
          },
          'Hello.',
        ),
      );
    const outs = [
      await stranger('"Visit pills.example now" <victim+1@bomb.test>'),
      await stranger('<victim+2@bomb.test>'),
      await stranger('<Victim@Bomb.test>'),
    ];
    expect(outs.map((o) => o.result)).toEqual(['refused', 'refused', 'refused']);
    expect((await inbound(outs[1].inboundMessageId)).reason).toContain('one went to this address');
    const toVictim = (await flushMail()).filter((m) =>
      m.rcptTo.some((r: string) => r.toLowerCase().includes('@bomb.test')),
    );
    expect(toVictim).toHaveLength(1);
    // The sender's display name is their text, sent from our domain: never repeated.
    expect(toVictim[0].parsed.text).not.toContain('pills');
    expect(toVictim[0].parsed.html || '').not.toContain('pills');
    expect(toVictim[0].parsed.text).toContain('Hello,');

    // The installation-wide cap: 50 refusals in the last hour (the default), the next is skipped.
    await t.db.query(
      `INSERT INTO deliveries (channel, kind, address, locale, data, status, automatic, created_at)
       SELECT 'email', 'mail_refused', 'filler' || g || '@bomb.test', 'en', '{}', 'sent', true, $1
         FROM generate_series(1, 50) g`,
      [t.clock.now()],
    );
    try {
      const capped = await stranger('<other@elsewhere.test>');
      expect(capped.result).toBe('refused');
      expect((await inbound(capped.inboundMessageId)).reason).toContain('hourly limit');
      expect(
        logLines.some((l) => l.includes('refusal mail not sent') && l.includes('last hour')),
      ).toBe(true);
      expect((await flushMail()).filter((m) => m.rcptTo.includes('other@elsewhere.test'))).toEqual(
        [],
      );
      t.clock.advance(3_600_000 + 1);
      expect((await stranger('<other2@elsewhere.test>')).result).toBe('refused');
      expect(
        (await flushMail()).filter((m) => m.rcptTo.includes('other2@elsewhere.test')),
      ).toHaveLength(1);
    } finally {
      await t.db.query(`DELETE FROM deliveries WHERE address LIKE 'filler%@bomb.test'`);
    }
  });

  it('keeps a message it cannot process as failed, with its raw bytes and the error', async () => {
    // A constraint the ticket breaks: the create fails deep inside the tickets module.
    const raw = eml(
      {
        From: 'Hank <hank@customer.test>',
        To: 'support@helpdesk.test',
        Subject: 'x'.repeat(10),
        'Message-ID': '<fail-1@customer.test>',
      },
      'body',
    );
    await t.db.query(
      `ALTER TABLE tickets ADD CONSTRAINT test_no_x CHECK (subject <> 'xxxxxxxxxx')`,
    );
    try {
      const out = await ingest.ingest(HTTP, raw);
      expect(out.result).toBe('failed');
      // The caller hears a generic message; the error itself is kept on the row for admins.
      expect(out.error).toBe('The message could not be processed; it is kept for an administrator');
      const row = await inbound(out.inboundMessageId);
      expect(row.status).toBe('failed');
      expect(row.reason).toContain('test_no_x');
      expect(row.raw.equals(raw)).toBe(true);
      // Fetched again: not retried in a loop, not lost.
      expect((await ingest.ingest(HTTP, raw)).result).toBe('duplicate');
    } finally {
      await t.db.query(`ALTER TABLE tickets DROP CONSTRAINT test_no_x`);
    }
  });
});
