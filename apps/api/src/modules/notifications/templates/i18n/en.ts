import type { AccountMailKind, NotificationKind, TicketPriority } from '@relaydesk/contracts';
import { plural } from './plural.js';

// Mail and SMS texts in English. ru.ts and cs.ts must satisfy MailMessages (derived from this
// object), so a key missing in a translation is a type error. Every value is plain text: the
// HTML part escapes it. Numbers and names come in as arguments, never as {placeholders}.
export const en = {
  duration: {
    day: plural({ one: 'day', other: 'days' }),
    hour: plural({ one: 'hour', other: 'hours' }),
    minute: plural({ one: 'minute', other: 'minutes' }),
    lessThanMinute: 'less than a minute',
  },
  priority: {
    low: 'Low',
    normal: 'Normal',
    high: 'High',
    urgent: 'Urgent',
  } satisfies Record<TicketPriority, string>,
  labels: {
    ticket: 'Ticket',
    subject: 'Subject',
    status: 'Status',
    priority: 'Priority',
    requester: 'Requester',
    organization: 'Organization',
    assignee: 'Assignee',
    group: 'Group',
    changedBy: 'Changed by',
    level: 'Support level',
    newAssignee: 'Now assigned to',
    firstResponseBy: 'First response by',
    resolutionBy: 'Resolution by',
    workingHours: 'Our working hours',
    due: 'Due',
    wasDue: 'Was due',
    principal: 'Principal',
    deputy: 'Deputy',
    from: 'From',
    until: 'Until',
    length: 'Length',
    newEmail: 'New address',
  },
  common: {
    noSubject: '(no subject)',
    automatic: 'automatically',
    someone: 'Someone',
    nobody: 'nobody yet',
    openTicket: 'Open the ticket',
    settings: 'Notification settings',
    unsubscribe: (kind: string) => `Unsubscribe from ${kind}`,
    within: (duration: string) => `within ${duration}`,
    timeLeft: (duration: string) => `time left: ${duration}`,
    overdue: (duration: string) => `overdue: ${duration}`,
    untilFurtherNotice: 'until further notice',
  },
  /** "Unsubscribe from …": what the reader stops getting. */
  kindNames: {
    ticket_acknowledged: 'request confirmations',
    ticket_new: 'new ticket alerts',
    ticket_assigned: 'assignment alerts',
    ticket_unassigned: 'unassignment alerts',
    ticket_escalated: 'escalation alerts',
    comment_public: 'reply alerts',
    comment_internal: 'internal note alerts',
    status_changed: 'status change alerts',
    ticket_reopened: 'reopened ticket alerts',
    sla_reminder: 'SLA reminders',
    sla_breached: 'SLA breach alerts',
    sla_escalated: 'escalated SLA breach alerts',
    deputyship_started: 'deputyship start alerts',
    deputyship_ended: 'deputyship end alerts',
    work_allowance_reached: 'contract allowance alerts',
  } satisfies Record<NotificationKind, string>,

  ticket_acknowledged: {
    subject: 'Received',
    heading: (n: number) => `We have received your request #${n}`,
    intro:
      'Thank you for contacting us. We registered your request and will get back to you. ' +
      'On its page you can follow it and add details.',
    noPromise: 'We will answer as soon as we can.',
    action: 'View your request',
    reason: 'You get this mail because you submitted this request.',
    articlesIntro: 'These articles from our knowledge base may already answer your question:',
    readArticle: 'Read the article',
    solved: 'This solved my problem',
    solvedHint:
      'If one of them solved it, open the link "This solved my problem" and confirm on the ' +
      'page of your request: we will close it.',
  },
  ticket_new: {
    subject: 'New ticket',
    heading: (n: number) => `New ticket #${n}`,
    intro: 'A new ticket has arrived.',
    description: 'Description:',
    reason:
      'You get this mail because new tickets of your group come to you, or you dispatch ' +
      'tickets without a group.',
  },
  ticket_assigned: {
    subjectToYou: 'Assigned to you',
    subjectToGroup: (group: string) => `Assigned to group “${group}”`,
    headingToYou: (n: number) => `Ticket #${n} is assigned to you`,
    headingToGroup: (n: number, group: string) => `Ticket #${n} is assigned to group “${group}”`,
    reason: 'You get this mail because the ticket was assigned to you or your group.',
  },
  ticket_unassigned: {
    subject: 'No longer assigned to you',
    heading: (n: number) => `Ticket #${n} is no longer assigned to you`,
    reason: 'You get this mail because the ticket was assigned to you before.',
  },
  ticket_escalated: {
    subject: (level: number) => `Escalated to level ${level}`,
    heading: (n: number, level: number) => `Ticket #${n} was escalated to support level ${level}`,
    reason: 'You get this mail because you are in the group that handles this support level.',
  },
  comment_public: {
    subject: 'New reply',
    heading: (n: number) => `New reply on ticket #${n}`,
    wrote: (author: string) => `${author} wrote:`,
    action: 'View and reply',
    reason: 'You get this mail because you take part in or watch this ticket.',
  },
  comment_internal: {
    subject: 'Internal note',
    heading: (n: number) => `Internal note on ticket #${n}`,
    notice: 'Internal note: visible to staff only. Do not forward this mail to the client.',
    wrote: (author: string) => `${author} wrote:`,
    reason: 'You get this mail because you work on or watch this ticket.',
  },
  status_changed: {
    subjectPending: 'Your reply is needed',
    subjectResolved: 'Resolved',
    subjectClosed: 'Closed',
    subjectOther: (status: string) => `Status “${status}”`,
    headingPending: (n: number) => `Ticket #${n} needs your reply`,
    headingResolved: (n: number) => `Ticket #${n} is resolved`,
    headingClosed: (n: number) => `Ticket #${n} is closed`,
    headingOther: (n: number, status: string) => `Ticket #${n} is now “${status}”`,
    pendingText: 'We need an answer from you to go on. Please reply on the ticket page.',
    question: 'Our question:',
    comment: 'Comment:',
    resolvedText: 'We believe your request is solved.',
    acceptText: 'Please accept the solution, or reject it and tell us what is still wrong.',
    accept: 'Accept the solution',
    reject: 'Reject the solution',
    rateText: 'How did we do? Rate our work with one click.',
    rate: 'Rate our work',
    closedText: 'If the problem comes back, please submit a new request.',
    action: 'View the ticket',
    reason: 'You get this mail because you submitted or watch this ticket.',
  },
  ticket_reopened: {
    subject: 'Reopened',
    heading: (n: number) => `Ticket #${n} was reopened`,
    intro: 'The ticket is open again and needs work.',
    reason: 'You get this mail because you work on this ticket.',
  },
  sla_reminder: {
    subject: { first_response: 'First response due soon', resolution: 'Resolution due soon' },
    heading: {
      first_response: (n: number) => `The first response on ticket #${n} is due soon`,
      resolution: (n: number) => `The resolution of ticket #${n} is due soon`,
    },
    passed: {
      first_response: (share: string) => `${share} of the time for the first response has passed.`,
      resolution: (share: string) => `${share} of the time for the resolution has passed.`,
    },
    reason: 'You get this mail because the ticket is assigned to you or your group.',
  },
  sla_breached: {
    subject: { first_response: 'First response overdue', resolution: 'Resolution overdue' },
    heading: {
      first_response: (n: number) => `The first response on ticket #${n} is overdue`,
      resolution: (n: number) => `The resolution of ticket #${n} is overdue`,
    },
    intro: {
      first_response: 'The deadline for the first response has passed.',
      resolution: 'The deadline for the resolution has passed.',
    },
    reason: 'You get this mail because the ticket is assigned to you or your group.',
  },
  sla_escalated: {
    subject: {
      first_response: 'Escalated overdue first response',
      resolution: 'Escalated overdue resolution',
    },
    heading: {
      first_response: (n: number) => `Overdue first response on ticket #${n}, escalated to you`,
      resolution: (n: number) => `Overdue resolution of ticket #${n}, escalated to you`,
    },
    intro: 'The deadline has passed and the work is not done. Please check on the ticket.',
    reason:
      'You get this mail because you supervise the group or department that handles this ticket.',
  },
  deputyship_started: {
    subject: (principal: string, deputy: string) =>
      `Deputyship started: ${deputy} stands in for ${principal}`,
    heading: 'A deputyship has started',
    intro: 'During this time the deputy stands in for the principal.',
    action: 'Open your profile',
    reason: 'You get this mail because you are the principal or the deputy.',
  },
  deputyship_ended: {
    subject: (principal: string, deputy: string) =>
      `Deputyship ended: ${deputy} no longer stands in for ${principal}`,
    heading: 'The deputyship has ended',
    ended: 'It was ended early.',
    expired: 'It ran out as planned.',
    over: 'It is over.',
    action: 'Open your profile',
    reason: 'You get this mail because you were the principal or the deputy.',
  },
  work_allowance_reached: {
    subject: (contract: string, percent: number) =>
      `Contract ${contract}: ${percent}% of the prepaid hours used`,
    heading: (percent: number) => `${percent}% of the contract's prepaid hours are used`,
    intro: (percent: number): string =>
      percent >= 100
        ? 'The billable work logged in this period has used up the allowance: further work is beyond what was prepaid.'
        : 'The billable work logged in this period is close to the allowance.',
    contract: 'Contract',
    organization: 'Client',
    period: 'Period',
    used: 'Used',
    hours: (used: string, allowance: string) => `${used} h of ${allowance} h`,
    action: 'Open the work report',
    reason: 'You get this mail because you manage contracts.',
  },
  account: {
    greeting: (name: string) => (name ? `Hello ${name},` : 'Hello,'),
    validity: (date: string) => `The link works once, until ${date}.`,
    alwaysSent: 'Mails about your account are always sent.',
  },
  account_welcome: {
    subject: 'Welcome to Relaydesk: set your password',
    heading: 'Welcome to Relaydesk',
    intro: 'An account has been created for you. Set your password to sign in.',
    action: 'Set your password',
    ignore: 'If you did not expect this mail, you can ignore it.',
    reason: 'You get this mail because an account was created for this address.',
  },
  password_reset: {
    subject: 'Reset your Relaydesk password',
    heading: 'Reset your password',
    intro:
      'Someone asked to reset the password of your account. If it was you, choose a new password.',
    action: 'Choose a new password',
    ignore: 'If it was not you, ignore this mail: your password stays as it is.',
    reason: 'You get this mail because a password reset was asked for this address.',
  },
  email_change: {
    subject: 'Confirm your new e-mail address',
    heading: 'Confirm your new e-mail address',
    intro: 'Please confirm the new e-mail address of your Relaydesk account.',
    action: 'Confirm the address',
    ignore: 'Nothing changes until you confirm. If you did not ask for this, ignore this mail.',
    reason: 'You get this mail because this address was entered as the new address of an account.',
  },
  web_form_confirmation: {
    subject: 'Confirm your request',
    heading: 'Confirm your request',
    intro:
      'We received your request through our web form. Confirm that this address is yours, and ' +
      'we will open a ticket for it.',
    action: 'Confirm my request',
    ignore: 'If you did not send this request, ignore this mail: nothing will be filed.',
    reason: 'You get this mail because this address was entered in our web form.',
  },
  mail_refused: {
    subject: 'Your message could not be filed',
    heading: 'Your message could not be filed',
    intro: (at: string) =>
      `We received your message of ${at}, but could not open a request for it.`,
    unknown_sender:
      'Requests by e-mail are accepted only from the contacts of our customers, and this address is not one of them.',
    not_authorized:
      'Your organization has named the people who may file requests, and this address is not among them.',
    next: 'Please ask your organization’s contact person to file the request, or to have your address added.',
    reason:
      'You get this automatic reply because a message from this address reached our support mailbox.',
  },
  webhook_disabled: {
    subject: 'A webhook endpoint was disabled',
    heading: 'A webhook endpoint was disabled',
    intro:
      'Relaydesk stopped sending webhooks to this endpoint because its messages kept failing. ' +
      'The receiving system hears of nothing until it is enabled again.',
    endpoint: 'Endpoint',
    description: 'Description',
    failures: 'Failed messages in a row',
    disabledAt: 'Disabled at',
    lastError: 'Last error',
    next: 'Fix the receiver, then enable the endpoint again; messages still waiting are sent then.',
    action: 'Open the webhooks',
    reason: 'You get this mail because you are an administrator of this Relaydesk.',
  },
  /** SMS about an account: no link and no secret, only a pointer to the mail. */
  sms: {
    account_welcome:
      'Relaydesk: your account is ready. The link to set a password is in your e-mail.',
    password_reset: 'Relaydesk: a password reset was requested. The link is in your e-mail.',
    email_change: 'Relaydesk: confirm your new e-mail address with the link we mailed to it.',
    web_form_confirmation: 'Relaydesk: confirm your request with the link we mailed to you.',
    webhook_disabled: 'Relaydesk: a webhook endpoint was disabled after repeated failures.',
    mail_refused: 'Relaydesk: your message could not be filed as a request. See your e-mail.',
  } satisfies Record<AccountMailKind, string>,
};

export type MailMessages = typeof en;
