import { useTranslation } from 'react-i18next';
import { localeTag } from '@relaydesk/web-ui';

/** "12.5 kB" in the UI language. */
export function useFileSize() {
  const { i18n } = useTranslation();
  const tag = localeTag(i18n.language);
  return (bytes: number): string => {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit += 1;
    }
    return new Intl.NumberFormat(tag, {
      style: 'unit',
      unit: units[unit],
      unitDisplay: 'short',
      maximumFractionDigits: unit === 0 ? 0 : 1,
    }).format(value);
  };
}
