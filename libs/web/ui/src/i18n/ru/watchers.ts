import type { Translation } from '../translation';
import type en from '../en/watchers';

export default {
  heading: 'Наблюдатели',
  watch: 'Наблюдать',
  unwatch: 'Не наблюдать',
  empty: 'За заявкой никто не наблюдает.',
  remove: 'Убрать: {{name}}',
  client: 'клиент',
  add: 'Добавить наблюдателя',
  addHint: 'Коллеги и контакты организации, которые видят заявку.',
  addColleagueHint: 'Коллеги из вашей организации, которые видят заявку.',
  noCandidates: 'Больше некого добавить.',
  historyAdded: '{{name}} наблюдает за заявкой',
  historyRemoved: '{{name}} больше не наблюдает за заявкой',
} satisfies Translation<typeof en>;
