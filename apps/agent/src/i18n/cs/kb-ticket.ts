import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/kb-ticket';

export default {
  publish: {
    button: 'Publikovat do znalostní báze',
    title: 'Publikovat do znalostní báze',
    intro:
      'Koncept článku vznikne z předmětu, popisu a veřejných odpovědí (nejprve řešení). Interní poznámky, interní soubory a pole jen pro pracovníky se nikdy nekopírují. Koncept upravíte a publikujete.',
    section: 'Sekce',
    sectionHint: 'Kde bude článek; při úpravách ho můžete přesunout.',
    language: 'Jazyk',
    languageHint: 'Bez volby: jazyk žadatele, jinak váš.',
    languageAuto: 'Jazyk žadatele',
    includeAuthors: 'Uvést autora každé odpovědi',
    create: 'Vytvořit koncept',
    cancel: 'Zrušit',
    created: 'Koncept vytvořen: {{title}}',
    audience: { public: 'veřejná', clients: 'pro klienty', staff: 'jen pracovníci' },
  },
  history: { draftCreated: 'Publikováno do znalostní báze jako koncept: „{{title}}“' },
  languages: { en: 'angličtina', ru: 'ruština', cs: 'čeština' },
  articles: {
    open: 'Články',
    openHint: 'Články znalostní báze pro tuto odpověď',
    title: 'Články znalostní báze',
    search: 'Hledat ve znalostní bázi',
    suggested: 'Navrženo k tomuto požadavku',
    results: 'Výsledky hledání',
    none: 'Žádné odpovídající publikované články.',
    internal: 'Interní',
    internalHint: 'Žadatel tento článek nemůže otevřít',
    insertLink: 'Vložit odkaz',
    insertText: 'Vložit text',
    view: 'Otevřít „{{title}}“',
    noLink: 'Žadatel tento článek nemůže otevřít, odkaz proto nelze poslat.',
    publicTextWarning:
      'Tento článek není pro žadatele a odpověď je veřejná: klient si přečte jeho text. Přesto vložit?',
    insertAnyway: 'Přesto vložit',
    linkInserted: 'Odkaz vložen: {{title}}',
    textInserted: 'Text vložen: {{title}}',
  },
} satisfies Translation<typeof en>;
