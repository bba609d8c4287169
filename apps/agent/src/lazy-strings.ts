import { getI18n } from 'react-i18next';

/**
 * Starts fetching the strings of a screen loaded on demand (administration, reports) as soon
 * as its chunk loads, so they do not weigh on the first load and are usually there by its
 * first render; a component that renders earlier suspends (`useTranslation`) until they are.
 */
export function preloadStrings(namespaces: string[]): void {
  void getI18n().loadNamespaces(namespaces);
}
