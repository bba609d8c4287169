export const ticketStrings = {
  en: { title: 'Tickets' },
  ru: { title: 'Заявки' },
  cs: { title: 'Požadavky' },
};
