import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/ticket-work';

export default {
  category: 'Категория',
  noCategory: 'Без категории',
  typeFields: 'Сведения для этого типа обращения',
  editFields: 'Изменить',
  saveFields: 'Сохранить изменения',
  fieldsSaved: 'Сведения сохранены.',
  fieldsConflictTitle: 'Заявка изменилась',
  fieldsConflictText:
    'Пока вы редактировали, поддержка изменила заявку. Введённое вами сохранено: загрузите текущую заявку, проверьте поля и сохраните ещё раз.',
  fieldsReload: 'Загрузить текущую заявку',
  resolvedTitle: 'Проблема решена?',
  resolvedText: 'Примите решение, чтобы закрыть заявку, или отклоните его, если что-то ещё не так.',
  accept: 'Принять',
  reject: 'Отклонить',
  rating: 'Насколько вы довольны решением?',
  ratingLabel: '{{count}} из 5',
  ratingMissing: 'Выберите оценку от 1 до 5',
  acceptComment: 'Комментарий (необязательно)',
  acceptConfirm: 'Принять и закрыть',
  rejectComment: 'Что ещё не так?',
  rejectCommentMissing: 'Расскажите, что ещё не так',
  rejectConfirm: 'Отправить и вернуть в работу',
  cancel: 'Отмена',
  accepted: 'Спасибо! Заявка закрыта.',
  rejected: 'Заявка возвращена в поддержку — её посмотрят ещё раз.',
  yourRating: 'Ваша оценка',
} satisfies Translation<typeof en>;
