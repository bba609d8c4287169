import { useTranslation } from 'react-i18next';
import type { CustomFieldValue } from '@relaydesk/contracts';
import { localeTag, useFormat, useTranslatedName } from '../format';
import type { CustomFieldDefinition } from './values';

export type ResolveRefName = (
  kind: 'user' | 'organization',
  id: string,
) => string | null | undefined;

/** A custom field's value as text in the UI language (null when empty). */
export function useCustomFieldText(resolveName?: ResolveRefName) {
  const { t } = useTranslation('customFields');
  const fmt = useFormat();
  const name = useTranslatedName();
  const { i18n } = useTranslation();
  return (field: CustomFieldDefinition | undefined, value: CustomFieldValue | undefined) => {
    if (value === null || value === undefined || value === '') return null;
    if (Array.isArray(value) && value.length === 0) return null;
    const option = (v: string) => {
      const o = field?.options.find((x) => x.value === v);
      return o ? name(o.name) : v;
    };
    switch (field?.kind) {
      case 'checkbox':
        return value ? t('yes') : t('no');
      case 'number':
        return typeof value === 'number' ? fmt.number(value) : String(value);
      case 'date':
        // A calendar date, not an instant: format it without a time-zone shift.
        return typeof value === 'string'
          ? new Intl.DateTimeFormat(localeTag(i18n.language), {
              dateStyle: 'medium',
              timeZone: 'UTC',
            }).format(new Date(`${value}T00:00:00Z`))
          : String(value);
      case 'date_time':
        return typeof value === 'string' ? fmt.dateTime(value) : String(value);
      case 'select':
        return option(String(value));
      case 'multi_select':
        return (Array.isArray(value) ? value : [String(value)]).map(option).join(', ');
      case 'user':
      case 'organization':
        return (resolveName?.(field.kind, String(value)) ?? null) || t('someone');
      default:
        return Array.isArray(value) ? value.join(', ') : String(value);
    }
  };
}
