import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { KB_LANGUAGES, type KbLanguage } from '@relaydesk/contracts';

export type KbLanguageChoice = KbLanguage | 'all';

const isKbLanguage = (v: string | null | undefined): v is KbLanguage =>
  (KB_LANGUAGES as readonly string[]).includes(v ?? '');

/**
 * The article language filter, kept in the URL (`?lang=`) so a link or a reload keeps it. Without
 * one, the reader's UI language: a Russian-speaking client sees Russian articles first, and may
 * widen to all languages.
 */
export function useKbLanguageFilter() {
  const { i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('lang');
  const choice: KbLanguageChoice =
    raw === 'all' || isKbLanguage(raw) ? raw : isKbLanguage(i18n.language) ? i18n.language : 'all';
  return {
    choice,
    /** For the API: undefined is every language. */
    language: choice === 'all' ? undefined : choice,
    setChoice: (next: KbLanguageChoice) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          updated.set('lang', next);
          return updated;
        },
        { replace: true },
      ),
    /** `?lang=…` to carry the choice to another KB page, when the reader made one. */
    query: raw ? `lang=${encodeURIComponent(raw)}` : '',
  };
}
