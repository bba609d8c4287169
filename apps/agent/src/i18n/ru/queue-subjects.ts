import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/queue-subjects';

export default {
  state: {
    label: 'Заявки',
    open: 'Открытые',
    closed: 'Закрытые',
    all: 'Все',
  },
  treeHint: 'Ваши подразделения и подчинённые им',
} satisfies Translation<typeof en>;
