import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/queue-subjects';

export default {
  state: {
    label: 'Požadavky',
    open: 'Otevřené',
    closed: 'Uzavřené',
    all: 'Všechny',
  },
  treeHint: 'Vaše oddělení a oddělení pod nimi',
} satisfies Translation<typeof en>;
