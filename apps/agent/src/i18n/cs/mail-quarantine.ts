import type en from '../en/mail-quarantine';
import type { Translation } from '@relaydesk/web-ui';

/** Strings of the namespace `mailQuarantine`: the held inbound mail. */
export default {
  title: 'Karanténa pošty',
  hint: 'Zprávy čekající na rozhodnutí: od odesílatelů, kteří nejsou kontakty (u schránky s karanténou), od odesílatelů nad hodinovým limitem nových tiketů a odpovědi na tiket, který odesílatel nesmí vidět. Přijetím se zpráva založí jako nový tiket (v případě potřeby s novým kontaktem); nikdy nepřibude k tiketu, na který odkazovala. Zamítnutá zpráva zůstává uložena s označením „zamítnuto“.',
  empty: 'V karanténě nic není.',
  forbidden: 'O zprávách v karanténě rozhodují jen administrátoři a dispečeři.',
  received: 'Přijato',
  from: 'Od',
  subject: 'Předmět',
  reason: 'Důvod',
  noSubject: '(bez předmětu)',
  noText: '(bez textu)',
  unknown: 'neznámý',
  pointsAt: 'odkazuje na #{{number}}',
  replyToDiffers: 'Reply-To se liší od odesílatele: {{address}} (není to identita odesílatele)',
  files: 'Soubory',
  newContact: 'S touto adresou neexistuje žádný kontakt. Vyberte organizaci nového kontaktu:',
  open: 'Otevřít',
  accept: 'Přijmout jako nový tiket',
  discard: 'Zamítnout',
  download: 'Stáhnout .eml',
  accepted: 'Založeno jako tiket',
  close: 'Zavřít',
  ticketMail: {
    heading: 'Přijaté e-maily',
    show: 'Zobrazit',
    hide: 'Skrýt',
    outcome: 'Co se s ním stalo',
    authResults: 'Kontrola přijímajícího serveru: {{value}}',
    flagged: 'Nedostal se sem',
    flaggedCount_one: '{{count}} se sem nedostal',
    flaggedCount_few: '{{count}} se sem nedostaly',
    flaggedCount_many: '{{count}} se sem nedostalo',
    flaggedCount_other: '{{count}} se sem nedostalo',
    dangerous: 'Nebezpečný soubor, jen ke stažení: {{name}}',
    status: {
      processed: 'Založeno',
      ignored: 'Přeskočeno',
      quarantined: 'V karanténě',
      refused: 'Odmítnuto',
      bounce: 'Nedoručenka',
      failed: 'Chyba',
      discarded: 'Zamítnuto',
    },
  },
  orgFields: {
    mailDomains: 'Povolené e-mailové domény',
    mailDomainsHint:
      'E-mail z neznámé adresy v těchto doménách vytvoří kontakt této organizace (více domén oddělte čárkami).',
  },
} satisfies Translation<typeof en>;
