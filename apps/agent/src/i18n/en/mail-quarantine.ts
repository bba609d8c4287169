/** Strings of the namespace `mailQuarantine`: the held inbound mail. */
export default {
  title: 'Mail quarantine',
  hint: 'Mail held for a decision: senders who are no contact (under the mailbox’s quarantine policy), senders over the hourly limit of new tickets, and replies to a ticket their sender may not see. Accepting files the message as a new ticket (and creates the contact if needed); it never lands on the ticket it pointed at. Discarding keeps the message, marked as discarded.',
  empty: 'Nothing is held.',
  forbidden: 'Only administrators and dispatchers decide about held mail.',
  received: 'Received',
  from: 'From',
  subject: 'Subject',
  reason: 'Why held',
  noSubject: '(no subject)',
  noText: '(no text)',
  unknown: 'unknown',
  pointsAt: 'points at #{{number}}',
  replyToDiffers: 'Reply-To differs from the sender: {{address}} (not the sender’s identity)',
  files: 'Files',
  newContact: 'No contact has this address. Choose the organization of the contact to create:',
  open: 'Open',
  accept: 'Accept as a new ticket',
  discard: 'Discard',
  download: 'Download .eml',
  accepted: 'Filed as ticket',
  close: 'Close',
  orgFields: {
    mailDomains: 'Allowed e-mail domains',
    mailDomainsHint:
      'Mail from an unknown address at these domains creates a contact of this organization (separate several with commas).',
    authorizedRequesters: 'Authorized requesters',
    authorizedRequestersHint:
      'When someone is chosen here, only they may file tickets by e-mail; the other contacts get a polite refusal.',
  },
} as const;
