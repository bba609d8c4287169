import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/layout';

export default {
  portal: 'Zákaznický portál',
  myTickets: 'Moje požadavky',
  newTicket: 'Nový požadavek',
  profile: 'Profil',
} satisfies Translation<typeof en>;
