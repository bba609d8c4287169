import type { FeatureResources } from '@relaydesk/web-ui';
import { layoutStrings } from './modules/layout/i18n';
import { ticketStrings } from './modules/tickets/i18n';

export const featureStrings: FeatureResources = { layout: layoutStrings, tickets: ticketStrings };
