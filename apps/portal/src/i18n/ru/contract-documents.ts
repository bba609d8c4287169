import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/contract-documents';

export default {
  title: 'Документы',
  titleCount: 'Документы ({{n}})',
  loading: 'Загрузка документов',
  empty: 'По этому договору документы вам не предоставлены.',
  download: 'Скачать {{name}}',
  downloadFailed: 'Не удалось скачать {{name}}',
} satisfies Translation<typeof en>;
