/**
 * One id per ticket that every mail about it names in In-Reply-To and References: mail clients
 * (Gmail threads by these headers, not by subject) then show one thread per ticket, whichever of
 * its mails arrived first or was deleted. Stable: derived, never stored.
 */
export function ticketThreadId(ticketId: string, domain: string): string {
  return `<ticket-${ticketId}@${domain}>`;
}

/** Mails that answer a message someone sent us (RFC 3834 §5.1: auto-replied, not auto-generated). */
const REPLY_KINDS: ReadonlySet<string> = new Set([
  'web_form_confirmation',
  // The receipt of a new ticket: for a mailed request, the answer to that mail.
  'ticket_acknowledged',
  // The refusal of a mailed request.
  'mail_refused',
]);

/**
 * RFC 3834 §5 and what Exchange honours: mail a program sends on its own must not be answered
 * by another program (vacation replies, auto-acknowledgements), or two desks answer each other
 * forever. A person's own reply carries none of them: their correspondent's vacation notice is
 * welcome there.
 */
export function automaticHeaders(automatic: boolean, kind?: string): Record<string, string> {
  if (!automatic) return {};
  return {
    'Auto-Submitted':
      kind !== undefined && REPLY_KINDS.has(kind) ? 'auto-replied' : 'auto-generated',
    'X-Auto-Response-Suppress': 'All',
    Precedence: 'bulk',
  };
}

/**
 * RFC 8058 one-click unsubscribe: a mail client's "Unsubscribe" button POSTs
 * `List-Unsubscribe=One-Click` to the URL without opening a page.
 */
export function unsubscribeHeaders(url: string | null): Record<string, string> {
  if (url === null) return {};
  return {
    'List-Unsubscribe': `<${url}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/**
 * `[#1042]` in the subject: the one threading signal that survives a client which drops
 * References, and what people search their mailbox for. The templates put it in; this makes
 * sure no template can forget.
 */
export function subjectWithNumber(subject: string, ticketNumber: number | null): string {
  const oneLine = subject.replace(/[\r\n]+/g, ' ').trim();
  if (ticketNumber === null) return oneLine;
  const token = `[#${ticketNumber}]`;
  return oneLine.includes(token) ? oneLine : `${token} ${oneLine}`;
}
