import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/filing-access';

export default {
  title: 'Вы не можете подавать новые заявки',
  text: 'В вашей организации подавать заявки могут только назначенные сотрудники, и вас среди них нет. Попросите одного из них или вашего администратора подать заявку за вас.',
  replies:
    'Следить за своими заявками и отвечать в них можно, как и раньше, в разделе «Мои заявки».',
  back: 'К моим заявкам',
} satisfies Translation<typeof en>;
