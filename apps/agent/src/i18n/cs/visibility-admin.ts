import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/visibility-admin';

export default {
  tab: 'Viditelnost',
  title: 'Kdo vidí které požadavky',
  hint: 'Administrátoři a dispečeři vždy vidí všechny požadavky. U agentů rozhoduje jejich rozsah viditelnosti; agenti bez vlastního mají výchozí rozsah níže.',
  defaultScope: 'Výchozí rozsah pro agenty',
  defaultScopeHint:
    'Zvolte jednou „Všechny požadavky“, pokud všichni pracovníci vidí všechny požadavky; užší rozsahy, pokud každý specialista vidí svou oblast.',
  scope: {
    own: 'Jen vlastní práce',
    groups: 'Vlastní a jeho skupin',
    department: 'Jeho oddělení',
    all: 'Všechny požadavky',
  },
  scopeHint: {
    own: 'Přiřazené jemu, založené nebo zadané jím, požadavky těch, které zastupuje, projektů, které vede nebo jichž je členem, a pracovníků oddělení, která vede.',
    groups: 'Vlastní práce, požadavky jeho skupin a nepřiřazené požadavky.',
    department:
      'Jako „Vlastní a jeho skupin“ a navíc každý požadavek zadaný někým z jeho oddělení nebo oddělení pod ním či přiřazený takovému pracovníkovi.',
    all: 'Všechny požadavky.',
  },
  unassignedGroupOnly: 'Nepřiřazené požadavky vidí jen skupina, které jsou určeny',
  unassignedGroupOnlyHint:
    'Vypnuto: každý agent vidí každý nepřiřazený požadavek. Zapnuto: nepřiřazený požadavek vidí členové jeho skupiny (a kdo jej vidí z jiného důvodu); požadavek bez skupiny je pro dispečery.',
  save: 'Uložit',
  saved: 'Nastavení viditelnosti uloženo',
  userScope: 'Vidí',
  userScopeDefault: 'Výchozí ({{scope}})',
  userScopeHint: 'Administrátoři a dispečeři vidí všechny požadavky bez ohledu na toto nastavení.',
} satisfies Translation<typeof en>;
