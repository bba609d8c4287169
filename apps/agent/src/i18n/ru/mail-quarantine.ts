import type en from '../en/mail-quarantine';
import type { Translation } from '@relaydesk/web-ui';

/** Strings of the namespace `mailQuarantine`: the held inbound mail. */
export default {
  title: 'Карантин почты',
  hint: 'Письма, ожидающие решения: от отправителей, которые не являются контактами (если ящик настроен на карантин), от отправителей сверх часового лимита новых заявок и ответы на заявку, которую отправитель не может видеть. Принятое письмо становится новой заявкой (при необходимости создаётся контакт) и никогда не попадает в заявку, на которую ссылалось. Отклонённое письмо сохраняется с пометкой «отклонено».',
  empty: 'В карантине ничего нет.',
  forbidden: 'Решения по письмам в карантине принимают только администраторы и диспетчеры.',
  received: 'Получено',
  from: 'От',
  subject: 'Тема',
  reason: 'Причина',
  noSubject: '(без темы)',
  noText: '(без текста)',
  unknown: 'неизвестный',
  pointsAt: 'ссылается на #{{number}}',
  replyToDiffers: 'Reply-To отличается от отправителя: {{address}} (это не личность отправителя)',
  files: 'Файлы',
  newContact: 'Контакта с этим адресом нет. Выберите организацию для нового контакта:',
  open: 'Открыть',
  accept: 'Принять как новую заявку',
  discard: 'Отклонить',
  download: 'Скачать .eml',
  accepted: 'Зарегистрировано как заявка',
  close: 'Закрыть',
  ticketMail: {
    heading: 'Полученные письма',
    show: 'Показать',
    hide: 'Скрыть',
    outcome: 'Что с ним стало',
    authResults: 'Проверка принимающего сервера: {{value}}',
    flagged: 'Не попало в заявку',
    flaggedCount_one: '{{count}} не попало в заявку',
    flaggedCount_few: '{{count}} не попали в заявку',
    flaggedCount_many: '{{count}} не попали в заявку',
    flaggedCount_other: '{{count}} не попали в заявку',
    dangerous: 'Опасный файл, доступен только для скачивания: {{name}}',
    status: {
      processed: 'Зарегистрировано',
      ignored: 'Пропущено',
      quarantined: 'В карантине',
      refused: 'Отказано',
      bounce: 'Возврат',
      failed: 'Ошибка',
      discarded: 'Отклонено',
    },
  },
  orgFields: {
    mailDomains: 'Разрешённые почтовые домены',
    mailDomainsHint:
      'Письмо с неизвестного адреса в этих доменах создаёт контакт этой организации (несколько — через запятую).',
  },
} satisfies Translation<typeof en>;
