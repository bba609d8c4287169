import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/profile';

export default {
  phoneTitle: 'Telefon a SMS',
  phone: 'Telefon',
  smsOptIn: 'Posílat mi oznámení SMS na toto číslo',
  smsOptInHint:
    'V mezinárodním tvaru, například +420601123456. Které události chodí SMS, zvolíte v části Oznámení.',
  saved: 'Uloženo.',
  detailsTitle: 'Vaše údaje',
  email: 'E-mail',
  name: 'Jméno a příjmení',
  nameMissing: 'Vyplňte své jméno',
  language: 'Jazyk',
  languageHint: 'V tomto jazyce je portál i e-maily, které vám posíláme',
  passwordTitle: 'Heslo',
  passwordHint: 'Po změně zůstanete přihlášeni zde; ostatní vaše relace skončí.',
  passwordCurrent: 'Současné heslo',
  passwordNew: 'Nové heslo',
  passwordNewHint: 'Alespoň 8 znaků',
  passwordConfirm: 'Zopakujte nové heslo',
  passwordSave: 'Změnit heslo',
  passwordSaved: 'Heslo bylo změněno',
  passwordWrong: 'Současné heslo není správné',
  passwordCurrentMissing: 'Zadejte své současné heslo',
  passwordTooShort: 'Alespoň 8 znaků',
  passwordMismatch: 'Hesla se neshodují',
} satisfies Translation<typeof en>;
