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
  workPending: string;
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
  workPending: 'Work entries: not available in this installation yet.',
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
  workPending: 'Учёт работ: пока недоступен в этой установке.',
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
  workPending: 'Výkazy práce: v této instalaci zatím nejsou k dispozici.',
  signatures: 'Podpisy',
  providerSignature: 'Za poskytovatele',
  customerSignature: 'Za zákazníka',
  nameAndDate: 'Jméno, podpis, datum',
  none: '—',
  yes: 'ano',
};

export const PROTOCOL_LABELS: Record<ProtocolLanguage, ProtocolLabels> = { en, ru, cs };

const LOCALES: Record<ProtocolLanguage, string> = { en: 'en-GB', ru: 'ru-RU', cs: 'cs-CZ' };

/** Dates as a reader of that language writes them (06.12.2026 in ru and cs). */
export function formatProtocolDate(
  value: string | Date,
  lang: ProtocolLanguage,
  withTime = false,
): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    timeZone: 'UTC',
  }).format(date);
}
