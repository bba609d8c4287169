export const layoutStrings = {
  en: { portal: 'Customer portal', myTickets: 'My tickets', newTicket: 'New ticket' },
  ru: { portal: 'Портал клиента', myTickets: 'Мои заявки', newTicket: 'Новая заявка' },
  cs: { portal: 'Zákaznický portál', myTickets: 'Moje požadavky', newTicket: 'Nový požadavek' },
};
