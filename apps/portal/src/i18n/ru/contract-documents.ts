import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/contract-documents';

export default {
  title: 'Документы',
  download: 'Скачать {{name}}',
  downloadFailed: 'Не удалось скачать {{name}}',
} satisfies Translation<typeof en>;
