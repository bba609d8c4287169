import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/kb-files';

export default {
  title: 'Soubory',
  attach: 'Připojit soubor nebo obrázek',
  attachHint:
    'Obrázek můžete také přetáhnout nebo vložit do textu: nahraje se a zobrazí tam, kde je kurzor.',
  saveFirst: 'Nejprve uložte koncept, pak připojujte soubory a obrázky.',
  uploading: 'Nahrávání {{name}}…',
  uploadFailed: 'Soubor {{name}} se nepodařilo nahrát',
  empty: 'Zatím žádné soubory.',
  image: 'Obrázek',
  download: 'Stáhnout {{name}}',
  downloadFailed: 'Soubor {{name}} se nepodařilo stáhnout',
  delete: 'Smazat {{name}}',
  deleteTitle: 'Smazat soubor?',
  deleteText:
    '„{{name}}“ bude trvale odstraněn. Tam, kde jej článek zobrazuje, uvidí čtenáři jen jeho popis.',
  deleteConfirm: 'Smazat',
  cancel: 'Zrušit',
  deleted: 'Soubor smazán',
  deleteFailed: 'Soubor se nepodařilo smazat',
  showDeleted: 'Zobrazit smazané soubory',
  hideDeleted: 'Skrýt smazané soubory',
  noneDeleted: 'Žádný soubor nebyl smazán.',
  deletedBy: '{{name}}: smazáno {{date}}, {{by}}',
} satisfies Translation<typeof en>;
