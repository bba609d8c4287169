import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/service-protocol';

export default {
  heading: 'Servisní protokol',
  hint: 'PDF k podpisu: zákazník, objekt, zařízení, požadavek, jeho veřejné odpovědi a fakturované práce se součty.',
  language: 'Jazyk protokolu',
  languages: { en: 'English', ru: 'Русский', cs: 'Čeština' },
  print: 'Vytisknout protokol',
  store: 'Uložit jako přílohu',
  share: 'Viditelné pro klienta',
  shareHint:
    'Klienti v této instalaci vidí fakturované práce, kopii jim tedy lze zpřístupnit: bude obsahovat množství bez cen a částek.',
  shareOff: 'Klienti v této instalaci nevidí fakturované práce: kopie zůstane interní.',
  storedInternal: '{{name}} je přiložen k požadavku (interní).',
  storedShared: '{{name}} je přiložen k požadavku a klient jej vidí.',
  company: {
    tab: 'Společnost',
    title: 'Údaje o společnosti',
    hint: 'Vaše společnost jako poskytovatel služeb v servisních protokolech a časové pásmo, ve kterém se tisknou časy.',
    companyName: 'Název společnosti',
    legalName: 'Obchodní firma',
    address: 'Adresa',
    taxId: 'DIČ (VAT, ИНН)',
    registrationId: 'IČO (registrační číslo, ОГРН)',
    phone: 'Telefon',
    email: 'E-mail',
    currency: 'Měna',
    currencyHint: 'Kód ISO 4217 u částek, např. CZK, EUR, RUB; prázdné = bez měny.',
    timeZone: 'Časové pásmo',
    timeZoneHint: 'Název IANA, např. Europe/Prague nebo Europe/Moscow.',
    save: 'Uložit',
    saved: 'Údaje o společnosti uloženy.',
  },
} satisfies Translation<typeof en>;
