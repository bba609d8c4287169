import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/kb-auto-answer';

export default {
  title: 'Tyto články vám mohou pomoci',
  text: 'Pokud některý z nich váš problém řeší, uzavřete s ním požadavek: nemusíte čekat na nás.',
  textNoClose: 'Odpověď na váš dotaz možná už je v některém z nich.',
  solved: 'Tohle vyřešilo můj problém — uzavřít požadavek',
  solvedFor: 'Tohle vyřešilo můj problém: „{{title}}“ — uzavřít požadavek',
  confirmNamed: 'Přišli jste z odkazu v našem e-mailu: stiskněte tlačítko a požadavek uzavřete.',
  closed: 'Jsme rádi, že článek pomohl. Požadavek jsme označili jako vyřešený.',
} satisfies Translation<typeof en>;
