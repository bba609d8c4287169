import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/ticket-progress';

export default {
  promise: {
    title: 'Чего ожидать',
    firstResponse: 'Первый ответ ожидается до {{date}}',
    resolution: 'Решение ожидается до {{date}}',
    paused: 'Приостановлено',
    pausedHint: 'Отсчёт времени стоит, пока заявка ждёт, например вашего ответа.',
    cardFirstResponse: 'Ответ до {{date}}',
    cardResolution: 'Решение до {{date}}',
  },
  history: {
    title: 'История',
    empty: 'Пока ничего не произошло.',
    more: 'Показать более ранние события',
    created: 'Заявка создана',
    status: 'Статус изменён: {{from}} → {{to}}',
    assigned: 'Заявку взяла в работу служба поддержки',
    comment: 'Новый ответ',
    attachment: 'Добавлен файл',
    rated: 'Решение оценено',
    watcherAdded: 'Добавлен наблюдатель',
    watcherRemoved: 'Наблюдатель удалён',
    fieldChanged: 'Изменено поле «{{field}}»',
    fieldValue: '{{field}}: {{value}}',
    fields: {
      subject: 'Тема',
      description: 'Описание',
      priority: 'Приоритет',
      typeId: 'Тип',
      organizationId: 'Организация',
      requesterId: 'Заявитель',
      categoryId: 'Категория',
      postponedUntil: 'Отложена до',
      custom: 'Поле',
    },
    you: 'Вы',
    supportTeam: 'Служба поддержки',
    system: 'Автоматически',
  },
  project: {
    label: 'Проект',
    none: 'Без проекта',
    all: 'Все проекты',
  },
} satisfies Translation<typeof en>;
