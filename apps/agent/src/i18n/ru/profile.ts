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
  password: {
    title: 'Пароль',
    hint: 'После смены пароля вы останетесь в системе здесь, а остальные ваши сеансы завершатся.',
    current: 'Текущий пароль',
    new: 'Новый пароль',
    newHint: 'Не короче 8 символов',
    confirm: 'Повторите новый пароль',
    save: 'Сменить пароль',
    saved: 'Пароль изменён',
    wrong: 'Текущий пароль введён неверно',
    tooShort: 'Не короче 8 символов',
    mismatch: 'Пароли не совпадают',
  },
} satisfies Translation<typeof en>;
