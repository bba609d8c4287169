import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/profile';

export default {
  title: 'Profil',
  details: 'Osobní údaje',
  email: 'E-mail',
  role: 'Role',
  name: 'Jméno a příjmení',
  phone: 'Telefon',
  smsOptIn: 'Posílat mi oznámení SMS na toto číslo',
  smsOptInHint:
    'V mezinárodním tvaru, například +420601123456. Které události chodí SMS, zvolíte v části Oznámení.',
  language: 'Jazyk',
  languageHint: 'Jazyk vašeho pracoviště',
  required: 'Vyplňte toto pole',
  saved: 'Profil uložen',
} satisfies Translation<typeof en>;
