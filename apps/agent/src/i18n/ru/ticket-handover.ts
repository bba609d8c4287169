import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/ticket-handover';

export default {
  button: 'Передать',
  title: 'Передать участнику проекта «{{project}}»',
  member: 'Участник проекта',
  hint: 'Как руководитель проекта вы передаёте заявку участнику; рабочий процесс может сразу начать её решение (Пифагор: «Решается»).',
  noMembers: 'В проекте нет других сотрудников, которым можно передать заявку.',
  submit: 'Передать',
  cancel: 'Отмена',
  done: 'Заявка передана',
} satisfies Translation<typeof en>;
