import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/ticket-work';

export default {
  archived: {
    badge: 'В архиве',
    note: 'Заявка в архиве: её можно читать, но комментировать, изменять и прикладывать файлы уже нельзя.',
  },
  clear: 'Очистить: {{label}}',
  fields: {
    category: 'Категория',
    noCategory: 'Без категории',
    project: 'Проект',
    noProject: 'Без проекта',
    searchProject: 'Поиск проектов',
    customHeading: 'Поля типа',
    customSaved: 'Поля сохранены',
    customNone: 'У этого типа заявки нет собственных полей.',
  },
  transition: {
    missing: 'Сначала заполните: {{fields}}',
    missingFor: 'Чтобы перевести в «{{status}}», заполните: {{fields}}.',
    untilMax: 'Не более чем на {{days}} дн. вперёд.',
    untilTooLate: 'Дата — не более чем на {{days}} дн. вперёд.',
    duplicateOf: 'Дубликат заявки',
    duplicateOfHint: 'Заявка, которую повторяет эта; они будут связаны.',
    duplicateOfNeeded: 'Выберите заявку, дубликатом которой является эта.',
    openChildrenTitle: 'Дочерние заявки ещё открыты',
    openChildrenBody: 'У заявки есть открытые дочерние заявки: {{numbers}}. Сначала закройте их.',
    openChildrenForce:
      'Как диспетчер или администратор вы можете закрыть её всё равно; это будет записано в историю.',
    closeAnyway: 'Всё равно закрыть',
  },
  pickers: {
    searchTicket: 'Номер или слова из темы',
    ticketOption: '№{{number}} {{subject}}',
  },
  links: {
    heading: 'Связанные заявки',
    empty: 'Связанных заявок нет.',
    relation: 'Связь',
    ticket: 'Заявка',
    add: 'Связать',
    added: 'Заявки связаны',
    remove: 'Удалить связь с №{{number}}',
    removed: 'Связь удалена',
    relations: {
      duplicate_of: 'Дубликат',
      duplicated_by: 'Её дубликат',
      related: 'Связана с',
      parent: 'Родительская',
      child: 'Дочерняя',
    },
  },
  satisfaction: {
    heading: 'Оценка клиента',
    stars: '{{rating}} из 5',
    via: { portal: 'в портале', link: 'по ссылке для оценки' },
    given: 'Оценено {{when}}, {{via}}',
  },
  history: {
    linkAdded: 'Связь: {{relation}} №{{number}}',
    linkRemoved: 'Связь удалена: {{relation}} №{{number}}',
    rated: 'Оценка клиента: {{rating}} из 5',
    closeForced: 'Закрыта при открытых дочерних заявках: {{numbers}}',
    ratingLinkCreated: 'Выдана ссылка для оценки',
  },
} satisfies Translation<typeof en>;
