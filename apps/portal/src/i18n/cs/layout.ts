import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/layout';

export default {
  portal: 'Zákaznický portál',
  myTickets: 'Moje požadavky',
  newTicket: 'Nový požadavek',
  profile: 'Profil',
  knowledgeBase: 'Znalostní báze',
  equipment: 'Zařízení',
} satisfies Translation<typeof en>;
