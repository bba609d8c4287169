import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/record-files';

/** Řetězce jmenného prostoru `recordFiles`: dokumenty smlouvy a soubory záznamu práce. */
export default {
  documents: {
    title: 'Dokumenty',
    attach: 'Přiložit dokument',
    shareNew: 'Sdílet s klientem',
    empty: 'Zatím žádné dokumenty.',
    shared: 'Sdíleno s klientem',
    staffOnly: 'Jen pro pracovníky',
    shareFailed: 'Nepodařilo se změnit, kdo dokument vidí',
  },
  work: {
    clearFiles: 'Odebrat vybrané soubory',
    filesLabel: 'Soubory',
    filesPlaceholder: 'Přiložit soubory k záznamu',
    attach: 'Přiložit soubor k záznamu',
    files: 'Soubory záznamu',
  },
  uploadFailed: 'Soubor {{name}} se nepodařilo nahrát',
  download: 'Stáhnout {{name}}',
  downloadFailed: 'Soubor {{name}} se nepodařilo stáhnout',
  delete: 'Smazat {{name}}',
  deleteTitle: 'Smazat soubor?',
  deleteText: '„{{name}}“ bude trvale odstraněn.',
  deleteConfirm: 'Smazat',
  cancel: 'Zrušit',
  deleted: 'Soubor smazán',
  deleteFailed: 'Soubor se nepodařilo smazat',
  showDeleted: 'Zobrazit smazané dokumenty',
  hideDeleted: 'Skrýt smazané dokumenty',
  noneDeleted: 'Žádný dokument nebyl smazán.',
  deletedBy: '{{name}}: smazal(a) {{by}} {{date}}',
} satisfies Translation<typeof en>;
