import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/kb-deflections';

export default {
  title: 'Отклонённые обращения (база знаний)',
  hint: 'Отклонённое обращение: клиент открыл статью, предложенную при написании новой заявки, и не отправил заявку в течение {{hours}} часов. Клиент учитывается не чаще раза в день (в таблице статей — раза в день на статью).',
  empty: 'В этом периоде предложенные статьи не открывали.',
  summary: {
    deflections: 'Отклонено',
    filed: 'Всё же отправлены',
    pending: 'Ещё не ясно',
    pendingHint: 'Открыты меньше {{hours}} часов назад',
    rate: 'Доля отклонённых',
    rateHint: 'Среди обращений с известным исходом',
  },
  byPeriod: {
    title: 'По периодам',
    chart: 'Отклонённые обращения по периодам',
    day: 'День',
    week: 'Неделя с',
    month: 'Месяц с',
  },
  byArticle: {
    title: 'Самые результативные статьи',
    article: 'Статья',
    opens: 'Открыта',
    deflections: 'Отклонено',
    filed: 'Всё же отправлены',
    rate: 'Доля',
  },
  column: { deflections: 'Отклонено', filed: 'Всё же отправлены', pending: 'Ещё не ясно' },
} satisfies Translation<typeof en>;
