import { getI18n } from 'react-i18next';
import type { FeatureResources } from '@relaydesk/web-ui';

/**
 * Adds the strings of screens that load on demand (administration, reports) when their chunk
 * loads, so they do not weigh on the first load. Strings are in memory, never fetched, so the
 * namespace is ready before the screen's first render.
 */
export function registerLazyStrings(features: FeatureResources): void {
  const i18n = getI18n();
  for (const [ns, byLocale] of Object.entries(features)) {
    for (const [lng, strings] of Object.entries(byLocale)) {
      if (!i18n.hasResourceBundle(lng, ns)) i18n.addResourceBundle(lng, ns, strings);
    }
  }
}
