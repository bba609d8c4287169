import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/settings-form';

export default {
  loading: 'Загрузка',
  unsaved: 'Есть несохранённые изменения',
  discard: 'Отменить изменения',
} satisfies Translation<typeof en>;
