import type { FeatureResources } from '@relaydesk/web-ui';
import { layoutStrings } from './modules/layout/i18n';
import { ticketListStrings } from './modules/tickets/i18n-list';
import { ticketDetailStrings } from './modules/tickets/i18n-detail';
import { calendarStrings } from './modules/calendar/i18n';
import { adminStrings } from './modules/admin/i18n';
import { profileStrings } from './modules/profile/i18n';

/** Each feature keeps its strings beside its code, in its own namespace. */
export const featureStrings: FeatureResources = {
  layout: layoutStrings,
  ticketList: ticketListStrings,
  ticketDetail: ticketDetailStrings,
  calendar: calendarStrings,
  admin: adminStrings,
  profile: profileStrings,
};
