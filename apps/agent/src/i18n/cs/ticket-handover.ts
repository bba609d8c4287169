import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/ticket-handover';

export default {
  button: 'Předat',
  title: 'Předat členovi projektu {{project}}',
  member: 'Člen projektu',
  hint: 'Jako vedoucí projektu předáváte požadavek členovi; workflow ho může rovnou zahájit (Pythagoras: Řeší se).',
  noMembers: 'Projekt nemá žádné další pracovníky, kterým by šlo požadavek předat.',
  submit: 'Předat',
  cancel: 'Zrušit',
  done: 'Předáno',
} satisfies Translation<typeof en>;
