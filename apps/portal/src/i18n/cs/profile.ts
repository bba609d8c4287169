import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/profile';

export default {
  phoneTitle: 'Telefon a SMS',
  phone: 'Telefon',
  smsOptIn: 'Posílat mi oznámení SMS na toto číslo',
  smsOptInHint:
    'V mezinárodním tvaru, například +420601123456. Které události chodí SMS, zvolíte v části Oznámení.',
  saved: 'Uloženo.',
} satisfies Translation<typeof en>;
