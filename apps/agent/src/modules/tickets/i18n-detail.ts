export const ticketDetailStrings = {
  en: { title: 'Ticket' },
  ru: { title: 'Заявка' },
  cs: { title: 'Požadavek' },
};
