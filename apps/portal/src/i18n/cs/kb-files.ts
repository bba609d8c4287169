import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/kb-files';

export default {
  title: 'Soubory',
  download: 'Stáhnout {{name}}',
  downloadFailed: 'Soubor {{name}} se nepodařilo stáhnout',
} satisfies Translation<typeof en>;
