import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@relaydesk/contracts';

/**
 * Strings of a lazily loaded feature, added to the app's i18next instance the first time the
 * feature renders: they travel in the feature's chunk, not in the first load (the portal's
 * initial bundle has a budget). Returns the namespace's `t`, like `useTranslation(ns)`.
 */
export function useFeatureStrings(
  ns: string,
  resources: Record<Locale, Record<string, unknown>>,
): ReturnType<typeof useTranslation> {
  const { i18n } = useTranslation();
  if (!i18n.hasResourceBundle('en', ns)) {
    for (const locale of LOCALES) i18n.addResourceBundle(locale, ns, resources[locale], true);
  }
  return useTranslation(ns);
}
