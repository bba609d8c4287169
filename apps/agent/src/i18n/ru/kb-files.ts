import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/kb-files';

export default {
  title: 'Файлы',
  attach: 'Прикрепить файл или изображение',
  attachHint:
    'Можно также перетащить или вставить изображение в текст: оно загрузится и появится там, где стоит курсор.',
  saveFirst: 'Сначала сохраните черновик, затем прикрепляйте файлы и изображения.',
  uploading: 'Загрузка {{name}}…',
  uploadFailed: 'Не удалось загрузить {{name}}',
  empty: 'Файлов пока нет.',
  image: 'Изображение',
  download: 'Скачать {{name}}',
  downloadFailed: 'Не удалось скачать {{name}}',
  delete: 'Удалить {{name}}',
  deleteTitle: 'Удалить файл?',
  deleteText:
    '«{{name}}» будет удалён безвозвратно. Там, где статья его показывает, читатели увидят только его описание.',
  deleteConfirm: 'Удалить',
  cancel: 'Отмена',
  deleted: 'Файл удалён',
  deleteFailed: 'Не удалось удалить файл',
  showDeleted: 'Показать удалённые файлы',
  hideDeleted: 'Скрыть удалённые файлы',
  noneDeleted: 'Удалённых файлов нет.',
  deletedBy: '{{name}}: удалён {{date}}, {{by}}',
} satisfies Translation<typeof en>;
