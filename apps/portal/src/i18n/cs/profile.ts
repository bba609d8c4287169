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
} satisfies Translation<typeof en>;
