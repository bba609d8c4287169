export const ticketStrings = {
  en: { title: 'My tickets' },
  ru: { title: 'Мои заявки' },
  cs: { title: 'Moje požadavky' },
};
