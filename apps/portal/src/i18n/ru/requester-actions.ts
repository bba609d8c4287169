import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/requester-actions';

export default {
  title: 'Что дальше?',
  text: 'Вы можете сами продвинуть свою заявку.',
  pendingText:
    'Поддержка ждёт вас: дополните заявку (напишите в комментарии, чего не хватало) и отправьте её снова или закройте, если она больше не нужна.',
  resubmit: 'Отправить снова',
  reopen: 'Открыть снова',
  close: 'Закрыть заявку',
  moveTo: 'Перевести в «{{status}}»',
  comment: 'Комментарий',
  commentOptional: 'Комментарий (необязательно)',
  commentMissing: 'Напишите комментарий к этому шагу',
  postponeUntil: 'До',
  postponeMissing: 'Выберите дату и время в будущем',
  fieldMissing: 'Заполните это поле для этого шага',
  cancel: 'Отмена',
  done: 'Готово: {{action}}.',
} satisfies Translation<typeof en>;
