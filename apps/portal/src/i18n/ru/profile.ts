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
  passwordTitle: 'Пароль',
  passwordHint:
    'После смены пароля вы останетесь в системе здесь, а остальные ваши сеансы завершатся.',
  passwordCurrent: 'Текущий пароль',
  passwordNew: 'Новый пароль',
  passwordNewHint: 'Не короче 8 символов',
  passwordConfirm: 'Повторите новый пароль',
  passwordSave: 'Сменить пароль',
  passwordSaved: 'Пароль изменён',
  passwordWrong: 'Текущий пароль введён неверно',
  passwordCurrentMissing: 'Введите текущий пароль',
  passwordTooShort: 'Не короче 8 символов',
  passwordMismatch: 'Пароли не совпадают',
} satisfies Translation<typeof en>;
