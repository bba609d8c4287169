import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/contract-documents';

export default {
  title: 'Dokumenty',
  titleCount: 'Dokumenty ({{n}})',
  loading: 'Načítání dokumentů',
  empty: 'K této smlouvě nejsou sdíleny žádné dokumenty.',
  download: 'Stáhnout {{name}}',
  downloadFailed: 'Soubor {{name}} se nepodařilo stáhnout',
} satisfies Translation<typeof en>;
