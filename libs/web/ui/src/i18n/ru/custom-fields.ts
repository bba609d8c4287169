import type { Translation } from '../translation';
import type en from '../en/custom-fields';

export default {
  requiredNote: 'Поля, отмеченные *, зависят от типа заявки и обязательны.',
  required: 'Заполните это поле',
  yes: 'Да',
  no: 'Нет',
  choose: 'Выберите…',
  clear: 'Очистить: {{label}}',
  someone: 'Указано',
  notANumber: 'Введите число',
} satisfies Translation<typeof en>;
