import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../../src/config/app-config';
import type { TestApp } from './test-app';
import { createWorkflowFixture } from './workflow-fixture';

/** The corpus of ../shared/email/hostile-mails/, copied with its expectations.json. */
export const HOSTILE_DIR = join(__dirname, '../fixtures/mail/hostile');

export const hostileFiles = (): string[] =>
  readdirSync(HOSTILE_DIR)
    .filter((f) => f.endsWith('.eml'))
    .sort();

export const hostileExpectations = (): Record<string, string> =>
  (
    JSON.parse(readFileSync(join(HOSTILE_DIR, 'expectations.json'), 'utf8')) as {
      mails: Record<string, string>;
    }
  ).mails;

/** Outgoing mail through a real SMTP server, from the address the corpus calls the help desk's. */
export function hostileMailOverrides(port: number): Partial<AppConfig> {
  return {
    mailDriver: 'smtp',
    smtpUrl: `smtp://127.0.0.1:${port}`,
    smtpEndpoint: { host: '127.0.0.1', port, secure: false, user: null },
    mailFrom: 'Relaydesk Support <support@helpdesk.test>',
    mailDomain: null,
    mailConcurrency: 2,
    smtpTimeoutSeconds: 5,
    mailIntakeTicketsPerSenderPerHour: 3,
  };
}

export interface HostileFixture {
  customer: { id: string };
  alice: { id: string };
  agent: { id: string; token: string; email: string };
  printer: { id: string; number: number };
  /** Our delivery standing for the corpus's article 2 (agent reply to alice). */
  replyDelivery: { id: string; messageId: string };
  /** Our delivery standing for article 3 (the notification to gone@, which bounces in 07). */
  goneDelivery: { id: string; messageId: string };
  /** A corpus file with the fixture's ids replaced by ours (bytes kept: latin1 round trip). */
  rewrite: (file: string) => Buffer;
}

/**
 * The corpus's fixture (ticket #1234 "Printer on fire", requester alice, an agent reply to her and
 * a notification to gone@), as apps/api/test/mail-ingest.e2e-spec.ts builds it: customer.test is
 * an allowed mail domain, so the corpus's senders become contacts on first mail. Our outgoing
 * Message-IDs have our own shape (`<ticket-<id>.d<delivery>.<rand>@helpdesk.test>`), so each file's
 * article ids and `[#1234]` token are rewritten to the real ones.
 */
export async function buildHostileFixture(t: TestApp): Promise<HostileFixture> {
  const { typeKey } = await createWorkflowFixture(t.db, {
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
  });
  const customer = await t.factory.organization('Customer Ltd');
  await t.db.query(`UPDATE organizations SET mail_domains = '{customer.test}' WHERE id = $1`, [
    customer.id,
  ]);
  const alice = await t.factory.user({
    role: 'client',
    email: 'alice@customer.test',
    name: 'Alice',
    organizationId: customer.id,
  });
  const agentUser = await t.factory.user({ role: 'agent', name: 'Agent' });
  const agent = { id: agentUser.id, token: await t.tokenFor(agentUser.id), email: agentUser.email };
  const printer = await t.factory.ticket({
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
  const replyDelivery = await sent('alice@customer.test', alice.id);
  const goneDelivery = await sent('gone@customer.test', null);
  const rewrite = (file: string): Buffer =>
    Buffer.from(
      readFileSync(join(HOSTILE_DIR, file), 'latin1')
        .replaceAll('ticket-1234.article-2@helpdesk.test', replyDelivery.messageId)
        .replaceAll('ticket-1234.article-3@helpdesk.test', goneDelivery.messageId)
        .replaceAll('[#1234]', `[#${printer.number}]`),
      'latin1',
    );
  return { customer, alice, agent, printer, replyDelivery, goneDelivery, rewrite };
}
