/** Strings of the namespace `layout`. */
export default {
  portal: 'Customer portal',
  myTickets: 'My tickets',
  newTicket: 'New ticket',
  profile: 'Profile',
  knowledgeBase: 'Knowledge base',
  equipment: 'Equipment',
} as const;
