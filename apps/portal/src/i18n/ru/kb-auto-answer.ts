import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/kb-auto-answer';

export default {
  title: 'Эти статьи могут помочь',
  text: 'Если одна из них решает вашу проблему, закройте заявку: ждать нашего ответа не нужно.',
  textNoClose: 'Возможно, ответ на ваш вопрос уже есть в одной из них.',
  solved: 'Это решило мою проблему — закрыть заявку',
  solvedFor: 'Это решило мою проблему: «{{title}}» — закрыть заявку',
  confirmNamed: 'Вы перешли по ссылке из письма: нажмите кнопку, чтобы закрыть заявку.',
  closed: 'Рады, что статья помогла. Заявка отмечена как решённая.',
} satisfies Translation<typeof en>;
