export const layoutStrings = {
  en: {
    portal: 'Customer portal',
    myTickets: 'My tickets',
    newTicket: 'New ticket',
    profile: 'Profile',
  },
  ru: {
    portal: 'Портал клиента',
    myTickets: 'Мои заявки',
    newTicket: 'Новая заявка',
    profile: 'Профиль',
  },
  cs: {
    portal: 'Zákaznický portál',
    myTickets: 'Moje požadavky',
    newTicket: 'Nový požadavek',
    profile: 'Profil',
  },
};
