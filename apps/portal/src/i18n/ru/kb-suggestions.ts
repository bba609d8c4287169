import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/kb-suggestions';

export default {
  title: 'Возможно, ответ уже есть в этих статьях',
  intro: 'Написанное здесь сохранится, когда вы откроете статью.',
  loading: 'Ищем статьи',
  back: 'Вернуться к моей заявке',
  backHint: 'Написанное сохранено. Если статья не помогла, отправьте заявку оттуда.',
} satisfies Translation<typeof en>;
