import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/settings-form';

export default {
  loading: 'Načítání',
  unsaved: 'Neuložené změny',
  discard: 'Zahodit změny',
} satisfies Translation<typeof en>;
