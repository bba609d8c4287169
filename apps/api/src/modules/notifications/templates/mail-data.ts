import type { AccountMailKind, NotificationKind } from '@relaydesk/contracts';

// The contract between the fan-out (which gathers what a recipient may read, inside its
// transaction, into `deliveries.data`) and the templates (which render it at send time). Only
// public content of the ticket goes in for a client; an internal note never reaches this shape
// for a client recipient. Times are ISO strings; `timeZone` is the IANA zone to show them in.

/** Who the mail is for decides which SPA its links open: the agent app or the portal. */
export type MailAudience = 'staff' | 'client';

export interface TicketMailBase {
  readonly ticket: {
    readonly id: string;
    readonly number: number;
    readonly subject: string;
    readonly priority: string;
    /** The status's display name in the recipient's language. */
    readonly statusName: string;
  };
  readonly audience: MailAudience;
  /** Who did it; null: the system (a timer, a rule, the SLA sweep). */
  readonly actorName: string | null;
  /** IANA time zone for dates in the text (the SLA calendar's, else UTC). */
  readonly timeZone: string;
  /**
   * When it happened (ISO). Time left and time overdue are counted from it, not from when the
   * mail goes out (which can be hours later after an SMTP outage); without it the mail shows the
   * deadlines only.
   */
  readonly occurredAt?: string;
}

export interface SlaClockData {
  readonly clock: 'first_response' | 'resolution';
  readonly dueAt: string;
}

export interface DeputyshipData {
  readonly principal: { readonly id: string; readonly name: string };
  readonly deputy: { readonly id: string; readonly name: string };
  readonly startsAt?: string;
  readonly endsAt?: string;
  /** ended: cut short by a person; expired: ran out. */
  readonly reason?: 'ended' | 'expired';
  readonly timeZone: string;
}

/** A contract's allowance reached a threshold (work log). */
export interface WorkAllowanceData {
  readonly contract: { readonly id: string; readonly number: string; readonly title: string };
  readonly organizationName: string;
  /** 80 or 100 (percent). */
  readonly threshold: number;
  readonly periodStart: string;
  readonly periodEnd: string | null;
  readonly usedSeconds: number;
  readonly allowanceSeconds: number;
}

export interface MailDataByKind {
  ticket_acknowledged: TicketMailBase & {
    /** From the SLA policy; null when the ticket has none. */
    readonly firstResponseDueAt: string | null;
    readonly resolutionDueAt: string | null;
    /** The calendar's working hours in words ("Mon–Fri 09:00–17:00"), when there is no policy. */
    readonly workingHours: string | null;
    /** The automatic answer: articles that may solve it (the requester can read them). */
    readonly articles?: readonly { readonly id: string; readonly title: string }[];
    /** The requester may close the ticket as solved now: the mail offers "This solved my problem". */
    readonly articlesClosable?: boolean;
  };
  ticket_new: TicketMailBase & {
    readonly requesterName: string | null;
    readonly organizationName: string | null;
    /** The description (public), possibly shortened. */
    readonly description: string;
  };
  ticket_assigned: TicketMailBase & {
    readonly assigneeName: string | null;
    readonly groupName: string | null;
  };
  ticket_unassigned: TicketMailBase & { readonly newAssigneeName: string | null };
  ticket_escalated: TicketMailBase & {
    readonly fromLevel: number | null;
    readonly toLevel: number;
    readonly groupName: string;
  };
  comment_public: TicketMailBase & {
    readonly commentId: string;
    readonly authorName: string;
    readonly body: string;
  };
  comment_internal: TicketMailBase & {
    readonly commentId: string;
    readonly authorName: string;
    readonly body: string;
  };
  status_changed: TicketMailBase & {
    /** The new status's category: pending (a question to the client), resolved, closed, ... */
    readonly category: string;
    /** The question asked of the client (the comment that came with the change), if any. */
    readonly question: string | null;
    /** Resolved: the signed one-click rating link (a secret: never logged). */
    readonly ratingUrl: string | null;
    /** Resolved and the workflow waits for the client's acceptance: Accept / Reject are offered. */
    readonly acceptance: boolean;
  };
  ticket_reopened: TicketMailBase;
  sla_reminder: TicketMailBase & SlaClockData & { readonly reminderPercent: number | null };
  sla_breached: TicketMailBase & SlaClockData;
  sla_escalated: TicketMailBase & SlaClockData;
  deputyship_started: DeputyshipData;
  deputyship_ended: DeputyshipData;
  work_allowance_reached: WorkAllowanceData;
  account_welcome: {
    readonly name: string;
    /** Link to set the first password (single use, expiring; a secret: never logged). */
    readonly actionUrl: string;
    readonly expiresAt: string;
    readonly audience: MailAudience;
  };
  password_reset: {
    readonly name: string;
    readonly actionUrl: string;
    readonly expiresAt: string;
    readonly audience: MailAudience;
  };
  email_change: {
    readonly name: string;
    readonly newEmail: string;
    readonly actionUrl: string;
    readonly expiresAt: string;
    readonly audience: MailAudience;
  };
  web_form_confirmation: {
    // No name, no subject: whoever filled the form typed them, and this goes to any address.
    /** The portal page that confirms the request (single use; a secret: never logged). */
    readonly actionUrl: string;
    readonly expiresAt: string;
    readonly audience: 'client';
  };
  mail_refused: {
    /** When their message arrived (no subject: the refusal must not relay what a stranger wrote). */
    readonly receivedAt: string;
    readonly why: 'unknown_sender' | 'not_authorized';
    readonly audience: 'client';
  };
  webhook_disabled: {
    /** The admin's name. */
    readonly name: string;
    /** The agent app's webhooks page (no secret in it). */
    readonly actionUrl: string;
    readonly endpointUrl: string;
    readonly description: string;
    /** Messages failed for good in a row. */
    readonly failures: number;
    readonly lastError: string | null;
    readonly disabledAt: string;
    readonly audience: 'staff';
  };
}

export type MailKind = NotificationKind | AccountMailKind;
export type MailData<K extends MailKind = MailKind> = MailDataByKind[K];

/** What the delivery worker adds at send time. */
export interface MailLinks {
  /** PUBLIC_URL, without a trailing slash. */
  readonly publicUrl: string;
  /** One-click unsubscribe from this kind (none for account mails). */
  readonly unsubscribeUrl: string | null;
}

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}
