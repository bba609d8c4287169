import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/categories';

export default {
  create: 'Новая категория',
  edit: 'Редактирование категории',
  createChild: 'Новая подкатегория в «{{parent}}»',
  addChild: 'Добавить подкатегорию',
  addChildLabel: 'Добавить подкатегорию в {{name}}',
  inactive: 'неактивна',
  columns: {
    name: 'Категория',
    audience: 'Кому видна',
    public: 'Клиентам и сотрудникам',
    internal: 'Только сотрудникам',
  },
  form: {
    parent: 'Родительская категория',
    parentHint: 'Пусто — категория верхнего уровня. Уровней два.',
    parentLocked: 'Категория с подкатегориями остаётся на верхнем уровне',
    topLevel: 'Нет (верхний уровень)',
    isPublic: 'Публичная',
    isPublicHint: 'Клиенты могут создавать в ней заявки',
    active: 'Активна',
    activeHint: 'Неактивную категорию нельзя выбрать для новых заявок',
  },
} satisfies Translation<typeof en>;
