import i18next, { type BackendModule, type i18n as I18n, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '@relaydesk/contracts';

/**
 * Strings files found by `import.meta.glob('./*\/*.ts')` in an `i18n/` folder laid out as
 * `<locale>/<namespace-in-kebab-case>.ts`, each a default export. Every file is its own chunk,
 * fetched the first time its language and namespace are needed.
 */
export type StringsFiles = Record<string, () => Promise<unknown>>;

// The shared namespaces: `common` (the login page, actions, errors and the words both apps
// show: priorities, statuses, status categories, roles) and `customFields`.
const uiFiles: StringsFiles = import.meta.glob('./*/*.ts');

const STORAGE_KEY = 'relaydesk.locale';

/**
 * The page's localStorage, or null where there is none or reading it throws: a page framed by
 * another site (the web form) gets a SecurityError when the browser blocks third-party storage.
 */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function storedLocale(): Locale | null {
  const v = storage()?.getItem(STORAGE_KEY) ?? null;
  return LOCALES.includes(v as Locale) ? (v as Locale) : null;
}

function browserLocale(): Locale {
  const lang = (typeof navigator === 'undefined' ? 'en' : navigator.language).slice(0, 2);
  return LOCALES.includes(lang as Locale) ? (lang as Locale) : 'en';
}

const fileOf = (lng: string, ns: string) =>
  `./${lng}/${ns.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.ts`;

/** An i18next backend that imports a namespace's file of the one language asked for. */
function importBackend(appFiles: StringsFiles): BackendModule {
  return {
    type: 'backend',
    init: () => undefined,
    read: (lng, ns, callback) => {
      const load = appFiles[fileOf(lng, ns)] ?? uiFiles[fileOf(lng, ns)];
      if (!load) return callback(new Error(`No strings for ${lng}/${ns}`), false);
      load().then(
        (file) => callback(null, (file as { default: ResourceKey }).default),
        // `true`: i18next retries (a chunk fetch may fail on a flaky network).
        (err: Error) => callback(err, true),
      );
    },
  };
}

/**
 * One i18next instance per app, loading only the active language's namespaces, each when
 * first needed (`useTranslation(ns)` suspends until it is there; `loadNamespaces` fetches
 * ahead). No fallback language: the types make every translation complete (see
 * translation.ts), so a Russian user downloads no English or Czech strings. A language switch
 * fetches the namespaces loaded so far in the new language before the UI re-renders.
 */
export function createI18n(appFiles: StringsFiles, namespaces: string[]): I18n {
  const instance = i18next.createInstance();
  const lng = storedLocale() ?? browserLocale();
  void instance
    .use(importBackend(appFiles))
    .use(initReactI18next)
    .init({
      lng,
      fallbackLng: false,
      supportedLngs: [...LOCALES],
      load: 'currentOnly',
      defaultNS: 'common',
      ns: ['common', ...namespaces],
      interpolation: { escapeValue: false },
      react: { useSuspense: true },
    });
  instance.on('languageChanged', (changed) => {
    document.documentElement.lang = changed;
    storage()?.setItem(STORAGE_KEY, changed);
  });
  // Set now: i18next sets its language only once the first strings have arrived.
  document.documentElement.lang = lng;
  return instance;
}
