import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/kb-suggestions';

export default {
  title: 'Tyto články možná odpoví na váš dotaz',
  intro: 'Když některý otevřete, to, co jste zde napsali, zůstane zachováno.',
  loading: 'Hledáme články',
  back: 'Zpět k mému požadavku',
  backHint: 'Co jste napsali, zůstalo zachováno. Pokud článek nepomohl, odešlete požadavek odtud.',
} satisfies Translation<typeof en>;
