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
  password: {
    title: 'Heslo',
    hint: 'Po změně zůstanete přihlášeni zde; ostatní vaše relace skončí.',
    current: 'Současné heslo',
    new: 'Nové heslo',
    newHint: 'Alespoň 8 znaků',
    confirm: 'Zopakujte nové heslo',
    save: 'Změnit heslo',
    saved: 'Heslo bylo změněno',
    wrong: 'Současné heslo není správné',
    tooShort: 'Alespoň 8 znaků',
    mismatch: 'Hesla se neshodují',
  },
} satisfies Translation<typeof en>;
