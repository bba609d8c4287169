import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '@relaydesk/contracts';
import { common } from './common';

type Resources = Record<Locale, Record<string, unknown>>;

/** Namespaced feature strings: `{ tickets: { en, ru, cs }, admin: { … } }`. */
export type FeatureResources = Record<string, Resources>;

const STORAGE_KEY = 'relaydesk.locale';

export function storedLocale(): Locale | null {
  const v = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return LOCALES.includes(v as Locale) ? (v as Locale) : null;
}

function browserLocale(): Locale {
  const lang = (typeof navigator === 'undefined' ? 'en' : navigator.language).slice(0, 2);
  return LOCALES.includes(lang as Locale) ? (lang as Locale) : 'en';
}

/**
 * One i18next instance per app: the shared `common` namespace plus each feature's own, so a
 * feature's strings live next to its code. Missing keys fall back to English.
 */
export function createI18n(features: FeatureResources): I18n {
  const instance = i18next.createInstance();
  const resources: Resource = {};
  for (const locale of LOCALES) {
    resources[locale] = { common: common[locale] };
    for (const [ns, byLocale] of Object.entries(features)) {
      resources[locale][ns] = byLocale[locale] as Resource[string][string];
    }
  }
  void instance.use(initReactI18next).init({
    resources,
    lng: storedLocale() ?? browserLocale(),
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    defaultNS: 'common',
    ns: ['common', ...Object.keys(features)],
    interpolation: { escapeValue: false },
    initImmediate: false,
  });
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    localStorage.setItem(STORAGE_KEY, lng);
  });
  document.documentElement.lang = instance.language;
  return instance;
}
