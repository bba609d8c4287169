import type { Locale, NotificationKind } from '@relaydesk/contracts';
import type { MailMessages } from '../i18n/index.js';
import type { MailAudience, MailLinks, TicketMailBase } from '../mail-data.js';
import { between, formatDateTime, formatDuration } from '../render/date-format.js';
import { settingsUrl, ticketUrl } from '../render/mail-links.js';
import { oneLine } from '../render/plain-text.js';
import type { Fact, MailAction } from './mail-content.js';

/** What every template gets besides its data: the reader's language and the links. */
export interface MailContext {
  readonly lang: Locale;
  readonly t: MailMessages;
  readonly links: MailLinks;
}

// Lengths for what people typed: a ticket subject in a mail subject line, names, status names.
export const SUBJECT_MAX = 120;
export const NAME_MAX = 80;

export function ticketSubject(d: TicketMailBase, t: MailMessages): string {
  return oneLine(d.ticket.subject, SUBJECT_MAX) || t.common.noSubject;
}

/** "[#1042] New reply: Printer jams": the token first, so the thread and the filter find it. */
export function subjectLine(verb: string, d: TicketMailBase, t: MailMessages): string {
  return `[#${d.ticket.number}] ${verb}: ${ticketSubject(d, t)}`;
}

export function name(value: string | null | undefined, fallback: string): string {
  return oneLine(value ?? '', NAME_MAX) || fallback;
}

export function priorityName(priority: string, t: MailMessages): string {
  return Object.hasOwn(t.priority, priority)
    ? t.priority[priority as keyof MailMessages['priority']]
    : oneLine(priority, NAME_MAX);
}

/** Subject, status and priority: what identifies the ticket besides its number. */
export function ticketFacts(d: TicketMailBase, t: MailMessages): Fact[] {
  return [
    { label: t.labels.subject, value: ticketSubject(d, t) },
    { label: t.labels.status, value: name(d.ticket.statusName, '—') },
    { label: t.labels.priority, value: priorityName(d.ticket.priority, t) },
  ];
}

export function actorFact(d: TicketMailBase, t: MailMessages): Fact {
  return { label: t.labels.changedBy, value: name(d.actorName, t.common.automatic) };
}

export function when(iso: string, ctx: MailContext, timeZone: string): string {
  return formatDateTime(iso, ctx.lang, timeZone);
}

export function duration(ms: number, ctx: MailContext): string {
  return formatDuration(ms, ctx.lang, { ...ctx.t.duration });
}

/**
 * A deadline with, when the mail knows when it was written, how far off it was then:
 * "… (time left: 2 hours)" before it, "… (overdue: 5 minutes)" after it.
 */
export function deadline(dueAt: string, d: TicketMailBase, ctx: MailContext): string {
  const at = when(dueAt, ctx, d.timeZone);
  const ms = between(d.occurredAt, dueAt);
  if (ms === null || Math.abs(ms) < 60_000) return at;
  const span = duration(ms, ctx);
  return `${at} (${ms > 0 ? ctx.t.common.timeLeft(span) : ctx.t.common.overdue(span)})`;
}

export function openTicket(
  d: TicketMailBase,
  ctx: MailContext,
  label = ctx.t.common.openTicket,
): MailAction {
  return {
    label,
    url: ticketUrl(ctx.links.publicUrl, d.audience, d.ticket.number),
    primary: true,
  };
}

/** Notification settings always; the one-click unsubscribe from this kind when there is one. */
export function notificationFooter(
  kind: NotificationKind,
  audience: MailAudience,
  ctx: MailContext,
): MailAction[] {
  const links: MailAction[] = [
    { label: ctx.t.common.settings, url: settingsUrl(ctx.links.publicUrl, audience) },
  ];
  if (ctx.links.unsubscribeUrl) {
    links.push({
      label: ctx.t.common.unsubscribe(ctx.t.kindNames[kind]),
      url: ctx.links.unsubscribeUrl,
    });
  }
  return links;
}
