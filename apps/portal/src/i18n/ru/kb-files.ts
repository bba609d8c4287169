import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/kb-files';

export default {
  title: 'Файлы',
  download: 'Скачать {{name}}',
  downloadFailed: 'Не удалось скачать {{name}}',
} satisfies Translation<typeof en>;
