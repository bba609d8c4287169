import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/layout';

export default {
  workspace: 'Pracoviště',
  newTicket: 'Nový požadavek',
  queues: 'Fronty',
  views: {
    unassigned: 'Nepřiřazené',
    mine: 'Pro mě',
    created_by_me: 'Vytvořené mnou',
    open: 'Otevřené',
    closed: 'Uzavřené',
    needs_reply: 'Čekají na odpověď',
    overdue: 'Po termínu',
    recent: 'Nejnovější',
    by_user: 'Podle uživatele',
    by_department: 'Podle oddělení',
    all: 'Všechny požadavky',
  },
  calendar: 'Kalendář',
  admin: 'Správa',
  satisfaction: 'Přehled spokojenosti',
  profile: 'Profil',
  notifications: 'Oznámení',
  notificationsUnread_one: 'Oznámení, {{count}} nepřečtené',
  notificationsUnread_few: 'Oznámení, {{count}} nepřečtená',
  notificationsUnread_many: 'Oznámení, {{count}} nepřečteného',
  notificationsUnread_other: 'Oznámení, {{count}} nepřečtených',
  supportLevels: 'Přehled úrovní podpory',
  mailQuarantine: 'Karanténa pošty',
  navigation: 'Hlavní navigace',
  toggleNavigation: 'Zobrazit nebo skrýt menu',
} satisfies Translation<typeof en>;
