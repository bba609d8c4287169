import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/kb-deflections';

export default {
  title: 'Odvrácené požadavky (znalostní báze)',
  hint: 'Odvrácený požadavek: klient otevřel článek nabídnutý při psaní nového požadavku a do {{hours}} hodin požadavek neodeslal. Klient se počítá nejvýše jednou denně (v tabulce článků jednou denně na článek).',
  empty: 'V tomto období nebyl otevřen žádný nabídnutý článek.',
  summary: {
    deflections: 'Odvráceno',
    filed: 'Přesto odesláno',
    pending: 'Zatím nerozhodnuto',
    pendingHint: 'Otevřeno před méně než {{hours}} hodinami',
    rate: 'Podíl odvrácených',
    rateHint: 'Z požadavků se známým výsledkem',
  },
  byPeriod: {
    title: 'Podle období',
    chart: 'Odvrácené požadavky podle období',
    day: 'Den',
    week: 'Týden od',
    month: 'Měsíc od',
  },
  byArticle: {
    title: 'Nejúspěšnější články',
    article: 'Článek',
    opens: 'Otevřen',
    deflections: 'Odvráceno',
    filed: 'Přesto odesláno',
    rate: 'Podíl',
  },
  column: { deflections: 'Odvráceno', filed: 'Přesto odesláno', pending: 'Zatím nerozhodnuto' },
} satisfies Translation<typeof en>;
