import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/ticket-progress';

export default {
  promise: {
    title: 'Co očekávat',
    firstResponse: 'První odpověď očekávejte do {{date}}',
    resolution: 'Řešení očekávejte do {{date}}',
    paused: 'Pozastaveno',
    pausedHint: 'Čas se nepočítá, dokud tiket čeká, například na vaši odpověď.',
    cardFirstResponse: 'Odpověď do {{date}}',
    cardResolution: 'Řešení do {{date}}',
  },
  history: {
    title: 'Historie',
    empty: 'Zatím se nic nestalo.',
    more: 'Zobrazit starší události',
    created: 'Tiket vytvořen',
    status: 'Stav změněn: {{from}} → {{to}}',
    assigned: 'Tiket převzal tým podpory',
    comment: 'Nová odpověď',
    attachment: 'Přidán soubor',
    rated: 'Řešení ohodnoceno',
    watcherAdded: 'Přidán sledující',
    watcherRemoved: 'Sledující odebrán',
    fieldChanged: 'Změněno pole „{{field}}“',
    fieldValue: '{{field}}: {{value}}',
    fields: {
      subject: 'Předmět',
      description: 'Popis',
      priority: 'Priorita',
      typeId: 'Typ',
      organizationId: 'Organizace',
      requesterId: 'Žadatel',
      categoryId: 'Kategorie',
      postponedUntil: 'Odloženo do',
      custom: 'Pole',
    },
    you: 'Vy',
    supportTeam: 'Tým podpory',
    system: 'Automaticky',
  },
  project: {
    label: 'Projekt',
    none: 'Bez projektu',
    all: 'Všechny projekty',
  },
} satisfies Translation<typeof en>;
