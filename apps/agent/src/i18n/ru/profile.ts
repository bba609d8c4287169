import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/profile';

export default {
  title: 'Профиль',
  details: 'Личные данные',
  email: 'Эл. почта',
  role: 'Роль',
  name: 'Имя и фамилия',
  phone: 'Телефон',
  smsOptIn: 'Присылать мне SMS-уведомления на этот номер',
  smsOptInHint:
    'В международном формате, например +79161234567. Какие события приходят по SMS, выбирается в разделе «Уведомления».',
  language: 'Язык',
  languageHint: 'Язык рабочего места',
  required: 'Заполните поле',
  saved: 'Профиль сохранён',
} satisfies Translation<typeof en>;
