export const ticketListStrings = {
  en: { title: 'Tickets' },
  ru: { title: 'Заявки' },
  cs: { title: 'Požadavky' },
};
