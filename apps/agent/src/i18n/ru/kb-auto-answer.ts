import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/kb-auto-answer';

export default {
  heading: 'Статьи, предложенные заявителю',
  score: 'совпадение {{percent}} %',
  solvedBadge: 'Решила проблему',
  solvedBy: 'закрыл(а) {{name}}, {{when}}',
  someone: 'бывший пользователь',
  settings: {
    enabled: 'Автоматический ответ',
    enabledHint:
      'Новая заявка клиента получает до трёх подходящих статей для клиентов в письме-подтверждении и на своей странице; клиент может закрыть её статьёй, которая помогла.',
    minScore: 'Минимальное совпадение',
    minScoreHint:
      'Доля слов заголовка статьи, которые должны встретиться в заявке (тема и начало описания). Чем выше, тем меньше и точнее предложения.',
  },
} satisfies Translation<typeof en>;
