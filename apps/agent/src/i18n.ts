import type { FeatureResources } from '@relaydesk/web-ui';
import { layoutStrings } from './modules/layout/i18n';
import { ticketListStrings } from './modules/tickets/i18n-list';
import { ticketDetailStrings } from './modules/tickets/i18n-detail';
import { ticketWorkStrings } from './modules/tickets/i18n-work';
import { calendarStrings } from './modules/calendar/i18n';
import { adminStrings } from './modules/admin/i18n';
import { profileStrings } from './modules/profile/i18n';
import { slaClockStrings } from './modules/sla/i18n-clock';

/**
 * Each feature keeps its strings beside its code, in its own namespace. Screens loaded on
 * demand may register theirs when they load instead (see lazy-strings.ts).
 */
export const featureStrings: FeatureResources = {
  layout: layoutStrings,
  ticketList: ticketListStrings,
  ticketDetail: ticketDetailStrings,
  ticketWork: ticketWorkStrings,
  calendar: calendarStrings,
  admin: adminStrings,
  profile: profileStrings,
  slaClock: slaClockStrings,
};
