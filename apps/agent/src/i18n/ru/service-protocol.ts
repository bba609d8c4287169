import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/service-protocol';

export default {
  heading: 'Протокол сервисного обслуживания',
  hint: 'PDF на подпись: заказчик, объект, оборудование, обращение, публичные ответы и работы к оплате с итогами.',
  language: 'Язык протокола',
  languages: { en: 'English', ru: 'Русский', cs: 'Čeština' },
  print: 'Печать протокола',
  store: 'Сохранить как вложение',
  share: 'Видно клиенту',
  shareHint:
    'В этой установке клиенты видят работы к оплате, поэтому копию можно показать им: в ней будут объёмы без цен и сумм.',
  shareOff: 'В этой установке клиенты не видят работы к оплате: копия остаётся внутренней.',
  storedInternal: '{{name}} прикреплён к заявке (внутренний).',
  storedShared: '{{name}} прикреплён к заявке и виден клиенту.',
  company: {
    tab: 'Компания',
    title: 'Реквизиты компании',
    hint: 'Ваша компания как исполнитель в протоколах обслуживания и часовой пояс, в котором печатается время.',
    companyName: 'Название компании',
    legalName: 'Полное наименование',
    address: 'Адрес',
    taxId: 'ИНН (VAT, DIČ)',
    registrationId: 'ОГРН (регистрационный номер, IČO)',
    phone: 'Телефон',
    email: 'Эл. почта',
    currency: 'Валюта',
    currencyHint: 'Код ISO 4217 рядом с суммами, например RUB, EUR, CZK; пусто — без валюты.',
    timeZone: 'Часовой пояс',
    timeZoneHint: 'Имя IANA, например Europe/Moscow или Europe/Prague.',
    save: 'Сохранить',
    saved: 'Реквизиты компании сохранены.',
  },
} satisfies Translation<typeof en>;
