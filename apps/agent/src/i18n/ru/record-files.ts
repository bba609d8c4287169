import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/record-files';

/** Строки пространства `recordFiles`: документы договора и файлы записи о работе. */
export default {
  documents: {
    title: 'Документы',
    attach: 'Прикрепить документ',
    shareNew: 'Открыть клиенту',
    empty: 'Документов пока нет.',
    shared: 'Открыт клиенту',
    staffOnly: 'Только для сотрудников',
    shareFailed: 'Не удалось изменить доступ к документу',
  },
  work: {
    clearFiles: 'Убрать выбранные файлы',
    filesLabel: 'Файлы',
    filesPlaceholder: 'Прикрепить файлы к записи',
    attach: 'Прикрепить файл к записи',
    files: 'Файлы записи',
  },
  uploadFailed: 'Не удалось загрузить {{name}}',
  download: 'Скачать {{name}}',
  downloadFailed: 'Не удалось скачать {{name}}',
  delete: 'Удалить {{name}}',
  deleteTitle: 'Удалить файл?',
  deleteText: '«{{name}}» будет удалён безвозвратно.',
  deleteConfirm: 'Удалить',
  cancel: 'Отмена',
  deleted: 'Файл удалён',
  deleteFailed: 'Не удалось удалить файл',
  showDeleted: 'Показать удалённые документы',
  hideDeleted: 'Скрыть удалённые документы',
  noneDeleted: 'Удалённых документов нет.',
  deletedBy: '{{name}}: удалён {{date}}, {{by}}',
} satisfies Translation<typeof en>;
