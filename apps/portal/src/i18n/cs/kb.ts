import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/kb';

export default {
  nav: 'Znalostní báze',
  title: 'Znalostní báze',
  intro: 'Odpovědi na časté otázky: vyhledávejte nebo procházejte sekce.',
  search: {
    label: 'Hledat ve znalostní bázi',
    placeholder: 'Popište svůj dotaz',
    submit: 'Hledat',
    title: 'Hledání',
    resultsFor: 'Výsledky pro „{{q}}“',
    empty: 'Nic nenalezeno. Zkuste jiná slova nebo všechny jazyky.',
    prompt: 'Napište, co hledáte.',
    suggestions: 'Odpovídající články',
  },
  language: {
    label: 'Jazyk článků',
    all: 'Všechny jazyky',
    en: 'Angličtina',
    ru: 'Ruština',
    cs: 'Čeština',
  },
  home: {
    sections: 'Sekce',
    popular: 'Oblíbené články',
    recent: 'Nedávno aktualizované',
    noSections: 'Zatím zde nejsou žádné sekce.',
    noArticles: 'V tomto jazyce zatím nejsou žádné články.',
  },
  section: {
    subsections: 'Podsekce',
    articles: 'Články',
    empty: 'Zde zatím nejsou žádné články v tomto jazyce.',
    more: 'Zobrazit další',
    notFoundTitle: 'Sekce nenalezena',
  },
  article: {
    updated: 'Aktualizováno {{date}}',
    tags: 'Štítky',
    translations: 'Také v jazyce:',
    notFoundTitle: 'Článek nenalezen',
    notFoundText: 'Možná byl odstraněn, nebo pro vás není dostupný.',
    backHome: 'Úvod znalostní báze',
  },
  vote: {
    question: 'Pomohl vám tento článek?',
    yes: 'Ano',
    no: 'Ne',
    thanksYes: 'Děkujeme! Jsme rádi, že pomohl.',
    thanksNo: 'Děkujeme za zpětnou vazbu. Můžete také vytvořit požadavek.',
    signInToRate: 'Přihlaste se, abyste mohli článek ohodnotit.',
    failed: 'Hodnocení nebylo uloženo: {{error}}',
  },
  public: {
    signIn: 'Přihlásit se',
    unavailableTitle: 'Znalostní báze není dostupná',
    unavailableText:
      'Tato podpora nezveřejňuje znalostní bázi bez přihlášení. Přihlaste se na portál a čtěte články, které jsou vám dostupné.',
  },
} satisfies Translation<typeof en>;
