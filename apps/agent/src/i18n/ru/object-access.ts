import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/object-access';

export default {
  label: 'Доступ по объектам',
  hint: 'Ограничьте контакт некоторыми объектами обслуживания его организации: тогда он видит только эти объекты, их оборудование и их заявки, а также свои собственные заявки.',
  whole: 'Вся организация',
  save: 'Сохранить доступ',
  saved: 'Сохранено.',
} satisfies Translation<typeof en>;
