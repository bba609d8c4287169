/** Strings of the namespace `webFormAdmin`: Administration > Web form. */
export default {
  tab: 'Web form',
  title: 'Public web form',
  hint: 'A form at /form for people without an account. New senders confirm their address by a mailed link before the ticket exists.',
  enabled: 'The form accepts requests',
  types: 'Request types offered',
  typesHint: 'Public, active types only. None chosen: requests are filed without a type.',
  noPublicTypes: 'There is no public ticket type yet.',
  group: 'Default group',
  noGroup: 'None (assignment rules decide)',
  priority: 'Priority',
  typeDefault: 'The type’s default',
  knownContactImmediate:
    'A known contact’s ticket is created at once (otherwise they confirm by mail too)',
  knownContactImmediateHint:
    'Off (recommended): everyone confirms by mail. On: anyone who types a contact’s address files a ticket in their name at once; the contact learns of it only by the acknowledgement mail.',
  origins: 'Sites that may embed the form',
  originsHint:
    'One per line, as https://www.example.com (no path). Other sites cannot frame the form.',
  minFill: 'Minimum fill time (seconds)',
  minFillHint: 'Sent sooner after opening: refused as a bot.',
  perIp: 'Requests per network address per hour',
  perAddress: 'Requests per e-mail address per hour',
  save: 'Save',
  saved: 'Web form settings saved',
  embedTitle: 'Embed code',
  embedHint: 'Paste one of these into your site. Add the site to the list above first.',
  iframe: 'iframe',
  script: 'Script (resizes to fit)',
  copy: 'Copy',
  copied: 'Copied',
  formLink: 'The form on its own page:',
} as const;
