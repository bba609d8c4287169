import { useTranslation } from 'react-i18next';
import { localeTag } from '@relaydesk/web-ui';

/** "48 KB", "3,2 MB": a file size for people, in the UI language. */
export function useFileSize() {
  const { t, i18n } = useTranslation('tickets');
  const number = new Intl.NumberFormat(localeTag(i18n.language), { maximumFractionDigits: 1 });
  return (bytes: number) => {
    if (bytes < 1024) return t('size.b', { n: number.format(bytes) });
    if (bytes < 1024 * 1024) return t('size.kb', { n: number.format(Math.round(bytes / 1024)) });
    return t('size.mb', { n: number.format(bytes / 1024 / 1024) });
  };
}
