import type { Translation } from '../translation';
import type en from '../en/watchers';

export default {
  heading: 'Sledující',
  watch: 'Sledovat',
  unwatch: 'Přestat sledovat',
  empty: 'Tento požadavek nikdo nesleduje.',
  remove: 'Odebrat: {{name}}',
  client: 'klient',
  add: 'Přidat sledujícího',
  addHint: 'Kolegové a kontakty organizace, kteří požadavek vidí.',
  addColleagueHint: 'Kolegové z vaší organizace, kteří požadavek vidí.',
  noCandidates: 'Nikoho dalšího nelze přidat.',
  historyAdded: '{{name}} sleduje požadavek',
  historyRemoved: '{{name}} už požadavek nesleduje',
} satisfies Translation<typeof en>;
