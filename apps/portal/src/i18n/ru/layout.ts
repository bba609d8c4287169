import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/layout';

export default {
  portal: 'Портал клиента',
  myTickets: 'Мои заявки',
  newTicket: 'Новая заявка',
  profile: 'Профиль',
  knowledgeBase: 'База знаний',
  equipment: 'Оборудование',
} satisfies Translation<typeof en>;
