import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/web-form-admin';

export default {
  tab: 'Webový formulář',
  title: 'Veřejný webový formulář',
  hint: 'Formulář na adrese /form pro lidi bez účtu. Nový odesílatel potvrdí svou adresu odkazem z e-mailu a teprve pak vznikne tiket.',
  enabled: 'Formulář přijímá požadavky',
  types: 'Nabízené druhy požadavků',
  typesHint: 'Jen veřejné aktivní typy. Když není vybrán žádný, požadavky se zakládají bez typu.',
  noPublicTypes: 'Zatím neexistuje žádný veřejný typ tiketu.',
  group: 'Výchozí skupina',
  noGroup: 'Žádná (rozhodnou pravidla přiřazení)',
  priority: 'Priorita',
  typeDefault: 'Výchozí podle typu',
  knownContactImmediate: 'Tiket známého kontaktu se založí hned (jinak také potvrzuje e-mailem)',
  knownContactImmediateHint:
    'Vypnuto (doporučeno): všichni potvrzují e-mailem. Zapnuto: kdokoli, kdo zadá adresu kontaktu, hned založí tiket jeho jménem; kontakt se o něm dozví jen z e-mailu o přijetí.',
  origins: 'Weby, které smějí formulář vložit',
  originsHint:
    'Jeden na řádek, ve tvaru https://www.example.com (bez cesty). Jiné weby formulář vložit nemohou.',
  minFill: 'Minimální doba vyplnění (sekundy)',
  minFillHint: 'Odesláno dříve po otevření: odmítnuto jako robot.',
  perIp: 'Požadavků z jedné síťové adresy za hodinu',
  perAddress: 'Požadavků z jedné e-mailové adresy za hodinu',
  save: 'Uložit',
  saved: 'Nastavení webového formuláře uloženo',
  embedTitle: 'Kód pro vložení',
  embedHint: 'Vložte jednu z variant do svého webu. Nejdřív web přidejte do seznamu výše.',
  iframe: 'iframe',
  script: 'Skript (přizpůsobí výšku)',
  copy: 'Kopírovat',
  copied: 'Zkopírováno',
  formLink: 'Formulář na samostatné stránce:',
} satisfies Translation<typeof en>;
