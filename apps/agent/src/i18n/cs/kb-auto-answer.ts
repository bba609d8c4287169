import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/kb-auto-answer';

export default {
  heading: 'Články nabídnuté žadateli',
  score: 'shoda {{percent}} %',
  solvedBadge: 'Vyřešil problém',
  solvedBy: 'uzavřel(a) {{name}}, {{when}}',
  someone: 'bývalý uživatel',
  settings: {
    enabled: 'Automatická odpověď',
    enabledHint:
      'Nový požadavek klienta dostane až tři odpovídající články pro klienty v potvrzovacím e-mailu a na své stránce; klient ho může uzavřít článkem, který pomohl.',
    minScore: 'Minimální shoda',
    minScoreHint:
      'Podíl slov z nadpisu článku, která musí požadavek obsahovat (předmět a začátek popisu). Vyšší: méně a jistější návrhy.',
  },
} satisfies Translation<typeof en>;
