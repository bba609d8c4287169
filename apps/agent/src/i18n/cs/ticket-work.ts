import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/ticket-work';

export default {
  archived: {
    badge: 'Archivováno',
    note: 'Požadavek je archivovaný: lze ho číst, ale už ne komentovat, upravovat ani k němu přidávat soubory.',
  },
  clear: 'Vymazat: {{label}}',
  fields: {
    category: 'Kategorie',
    noCategory: 'Bez kategorie',
    project: 'Projekt',
    noProject: 'Bez projektu',
    searchProject: 'Hledat projekty',
    customHeading: 'Pole typu',
    customSaved: 'Pole uložena',
    customNone: 'Tento typ požadavku nemá vlastní pole.',
  },
  transition: {
    missing: 'Nejprve vyplňte: {{fields}}',
    missingFor: 'Pro přechod do stavu „{{status}}“ vyplňte: {{fields}}.',
    untilMax: 'Nejvýše {{days}} dní dopředu.',
    untilTooLate: 'Datum může být nejvýše {{days}} dní dopředu.',
    duplicateOf: 'Duplikát požadavku',
    duplicateOfHint: 'Požadavek, který tento opakuje; oba se propojí.',
    duplicateOfNeeded: 'Vyberte požadavek, jehož je tento duplikátem.',
    openChildrenTitle: 'Podřízené požadavky jsou stále otevřené',
    openChildrenBody:
      'Požadavek má otevřené podřízené požadavky: {{numbers}}. Nejprve je uzavřete.',
    openChildrenForce:
      'Jako dispečer nebo administrátor jej můžete přesto uzavřít; zaznamená se to do historie.',
    closeAnyway: 'Přesto uzavřít',
  },
  pickers: {
    searchTicket: 'Číslo nebo slova z předmětu',
    ticketOption: '#{{number}} {{subject}}',
  },
  links: {
    heading: 'Propojené požadavky',
    empty: 'Žádné propojené požadavky.',
    relation: 'Vztah',
    ticket: 'Požadavek',
    add: 'Propojit',
    added: 'Požadavky propojeny',
    remove: 'Odebrat propojení s #{{number}}',
    removed: 'Propojení odebráno',
    relations: {
      duplicate_of: 'Duplikát',
      duplicated_by: 'Jeho duplikát',
      related: 'Souvisí s',
      parent: 'Nadřízený',
      child: 'Podřízený',
    },
  },
  satisfaction: {
    heading: 'Hodnocení klienta',
    stars: '{{rating}} z 5',
    via: { portal: 'v portálu', link: 'odkazem pro hodnocení' },
    given: 'Hodnoceno {{when}}, {{via}}',
  },
  history: {
    linkAdded: 'Propojeno: {{relation}} #{{number}}',
    linkRemoved: 'Propojení odebráno: {{relation}} #{{number}}',
    rated: 'Hodnocení klienta: {{rating}} z 5',
    closeForced: 'Uzavřeno přes otevřené podřízené požadavky: {{numbers}}',
    ratingLinkCreated: 'Vydán odkaz pro hodnocení',
  },
} satisfies Translation<typeof en>;
