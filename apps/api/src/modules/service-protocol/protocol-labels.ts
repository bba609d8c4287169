/** The service protocol's printed words, one set per language the protocol can be printed in. */
export const PROTOCOL_LANGUAGES = ['en', 'ru', 'cs'] as const;
export type ProtocolLanguage = (typeof PROTOCOL_LANGUAGES)[number];

export interface ProtocolLabels {
  title: string;
  ticket: string;
  created: string;
  printed: string;
  provider: string;
  customer: string;
  organization: string;
  contact: string;
  serviceObject: string;
  address: string;
  equipment: string;
  serialNumber: string;
  inventoryNumber: string;
  warrantyUntil: string;
  warrantyWork: string;
  contract: string;
  validity: string;
  request: string;
  subject: string;
  description: string;
  resolution: string;
  noResolution: string;
  work: string;
  noWork: string;
  date: string;
  activity: string;
  quantity: string;
  unit: string;
  price: string;
  amount: string;
  hours: string;
  warrantyNoCharge: string;
  billedTime: string;
  warrantyTime: string;
  total: string;
  continued: string;
  page: string;
  legalName: string;
  taxId: string;
  registrationId: string;
  phone: string;
  email: string;
  timeZone: string;
  signatures: string;
  providerSignature: string;
  customerSignature: string;
  nameAndDate: string;
  none: string;
  yes: string;
}

const en: ProtocolLabels = {
  title: 'Service protocol',
  ticket: 'Ticket',
  created: 'Created',
  printed: 'Printed',
  provider: 'Service provider',
  customer: 'Customer',
  organization: 'Organization',
  contact: 'Contact person',
  serviceObject: 'Service object',
  address: 'Address',
  equipment: 'Equipment',
  serialNumber: 'Serial number',
  inventoryNumber: 'Inventory number',
  warrantyUntil: 'Warranty until',
  warrantyWork: 'Warranty work',
  contract: 'Contract',
  validity: 'Valid',
  request: 'Request',
  subject: 'Subject',
  description: 'Description',
  resolution: 'Resolution',
  noResolution: 'No public reply yet.',
  work: 'Work performed',
  noWork: 'No billed work.',
  date: 'Date',
  activity: 'Work',
  quantity: 'Qty',
  unit: 'Unit',
  price: 'Price',
  amount: 'Amount',
  hours: 'h',
  warrantyNoCharge: 'Warranty work, no charge',
  billedTime: 'Billed time',
  warrantyTime: 'Warranty work (no charge)',
  total: 'Total',
  continued: 'continued',
  page: 'page',
  legalName: 'Legal name',
  taxId: 'Tax ID',
  registrationId: 'Registration No.',
  phone: 'Phone',
  email: 'E-mail',
  timeZone: 'Times in',
  signatures: 'Signatures',
  providerSignature: 'For the service provider',
  customerSignature: 'For the customer',
  nameAndDate: 'Name, signature, date',
  none: '—',
  yes: 'yes',
};

const ru: ProtocolLabels = {
  title: 'Протокол сервисного обслуживания',
  ticket: 'Заявка',
  created: 'Создана',
  printed: 'Напечатан',
  provider: 'Исполнитель',
  customer: 'Заказчик',
  organization: 'Организация',
  contact: 'Контактное лицо',
  serviceObject: 'Объект обслуживания',
  address: 'Адрес',
  equipment: 'Оборудование',
  serialNumber: 'Серийный номер',
  inventoryNumber: 'Инвентарный номер',
  warrantyUntil: 'Гарантия до',
  warrantyWork: 'Гарантийные работы',
  contract: 'Договор',
  validity: 'Срок действия',
  request: 'Обращение',
  subject: 'Тема',
  description: 'Описание',
  resolution: 'Решение',
  noResolution: 'Публичных ответов пока нет.',
  work: 'Выполненные работы',
  noWork: 'Работ к оплате нет.',
  date: 'Дата',
  activity: 'Работа',
  quantity: 'Кол-во',
  unit: 'Ед.',
  price: 'Цена',
  amount: 'Сумма',
  hours: 'ч',
  warrantyNoCharge: 'Гарантийные работы, без оплаты',
  billedTime: 'Время к оплате',
  warrantyTime: 'Гарантийные работы (без оплаты)',
  total: 'Итого',
  continued: 'продолжение',
  page: 'стр.',
  legalName: 'Полное наименование',
  taxId: 'ИНН',
  registrationId: 'ОГРН',
  phone: 'Телефон',
  email: 'Эл. почта',
  timeZone: 'Время указано в часовом поясе',
  signatures: 'Подписи',
  providerSignature: 'От исполнителя',
  customerSignature: 'От заказчика',
  nameAndDate: 'ФИО, подпись, дата',
  none: '—',
  yes: 'да',
};

const cs: ProtocolLabels = {
  title: 'Servisní protokol',
  ticket: 'Požadavek',
  created: 'Vytvořeno',
  printed: 'Vytištěno',
  provider: 'Poskytovatel služeb',
  customer: 'Zákazník',
  organization: 'Organizace',
  contact: 'Kontaktní osoba',
  serviceObject: 'Servisní objekt',
  address: 'Adresa',
  equipment: 'Zařízení',
  serialNumber: 'Sériové číslo',
  inventoryNumber: 'Inventární číslo',
  warrantyUntil: 'Záruka do',
  warrantyWork: 'Záruční práce',
  contract: 'Smlouva',
  validity: 'Platnost',
  request: 'Požadavek zákazníka',
  subject: 'Předmět',
  description: 'Popis',
  resolution: 'Řešení',
  noResolution: 'Zatím žádná veřejná odpověď.',
  work: 'Provedené práce',
  noWork: 'Žádné fakturované práce.',
  date: 'Datum',
  activity: 'Práce',
  quantity: 'Množství',
  unit: 'Jedn.',
  price: 'Cena',
  amount: 'Částka',
  hours: 'h',
  warrantyNoCharge: 'Záruční práce, bez úhrady',
  billedTime: 'Fakturovaný čas',
  warrantyTime: 'Záruční práce (bez úhrady)',
  total: 'Celkem',
  continued: 'pokračování',
  page: 'strana',
  legalName: 'Obchodní firma',
  taxId: 'DIČ',
  registrationId: 'IČO',
  phone: 'Telefon',
  email: 'E-mail',
  timeZone: 'Časy v pásmu',
  signatures: 'Podpisy',
  providerSignature: 'Za poskytovatele',
  customerSignature: 'Za zákazníka',
  nameAndDate: 'Jméno, podpis, datum',
  none: '—',
  yes: 'ano',
};

export const PROTOCOL_LABELS: Record<ProtocolLanguage, ProtocolLabels> = { en, ru, cs };

const LOCALES: Record<ProtocolLanguage, string> = { en: 'en-GB', ru: 'ru-RU', cs: 'cs-CZ' };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Dates as a reader of that language writes them (06.12.2026 in ru and cs). An instant is shown
 * in the installation's zone; a calendar date (YYYY-MM-DD: a work date, a warranty end) is that
 * date wherever it is read.
 */
export function formatProtocolDate(
  value: string | Date,
  lang: ProtocolLanguage,
  options: { withTime?: boolean; timeZone?: string } = {},
): string {
  const dateOnly = typeof value === 'string' && DATE_ONLY.test(value);
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(options.withTime && !dateOnly ? { hour: '2-digit', minute: '2-digit' } : {}),
    timeZone: dateOnly ? 'UTC' : (options.timeZone ?? 'UTC'),
  }).format(date);
}

/** The zone and its offset at `at`, as printed: "Europe/Prague (GMT+01:00)". */
export function formatProtocolZone(timeZone: string, lang: ProtocolLanguage, at: Date): string {
  const offset =
    new Intl.DateTimeFormat(LOCALES[lang], { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  return offset ? `${timeZone} (${offset})` : timeZone;
}

/** Quantities, prices and sums as the language writes numbers (1 234,50 in ru and cs). */
export function formatProtocolNumber(value: number, lang: ProtocolLanguage, money = false): string {
  return new Intl.NumberFormat(LOCALES[lang], {
    minimumFractionDigits: money ? 2 : 0,
    maximumFractionDigits: 2,
  }).format(value);
}
