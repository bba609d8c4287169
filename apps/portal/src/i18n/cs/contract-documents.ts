import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/contract-documents';

export default {
  title: 'Dokumenty',
  download: 'Stáhnout {{name}}',
  downloadFailed: 'Soubor {{name}} se nepodařilo stáhnout',
} satisfies Translation<typeof en>;
