import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/object-access';

export default {
  label: 'Přístup podle objektů',
  hint: 'Omezte tento kontakt na některé servisní objekty jeho organizace: pak vidí jen tyto objekty, jejich zařízení a jejich požadavky a také své vlastní požadavky.',
  whole: 'Celá organizace',
  save: 'Uložit přístup',
  saved: 'Uloženo.',
} satisfies Translation<typeof en>;
