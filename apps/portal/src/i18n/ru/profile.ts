import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/profile';

export default {
  phoneTitle: 'Телефон и SMS',
  phone: 'Телефон',
  smsOptIn: 'Присылать мне SMS-уведомления на этот номер',
  smsOptInHint:
    'В международном формате, например +79161234567. Какие события приходят по SMS, выбирается в разделе «Уведомления».',
  saved: 'Сохранено.',
  detailsTitle: 'Ваши данные',
  email: 'Эл. почта',
  name: 'Имя и фамилия',
  nameMissing: 'Укажите имя',
  language: 'Язык',
  languageHint: 'На нём портал и письма, которые мы вам присылаем',
} satisfies Translation<typeof en>;
