import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import 'dayjs/locale/cs';
import { useState } from 'react';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

/** How the chosen days read in the input, per UI language. */
const VALUE_FORMATS: Record<string, string> = {
  en: 'D MMM YYYY',
  ru: 'D MMM YYYY',
  cs: 'D. M. YYYY',
};

type Range = [string | null, string | null];

const toDay = (v: string | null) => (v ? v.slice(0, 10) : null);

export interface DateRangeFilterProps {
  label: string;
  from: string | null;
  to: string | null;
  onChange: (from: string | null, to: string | null) => void;
  testId?: string;
}

/**
 * A calendar range picker. Loaded on demand: the date library is not part of the first load.
 * The list changes only once both ends are chosen (or the range is cleared).
 */
export default function DateRangeFilter({
  label,
  from,
  to,
  onChange,
  testId,
}: DateRangeFilterProps) {
  const { t, i18n } = useTranslation('ticketList');
  const committed: Range = [toDay(from), toDay(to)];
  // Half-picked range, only while the first end is chosen and the second is not yet.
  const [draft, setDraft] = useState<Range | null>(null);

  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <DatePickerInput
        type="range"
        label={label}
        placeholder={t('filters.anyDate')}
        value={draft ?? committed}
        onChange={(value) => {
          const [a, b] = value as Range;
          if ((a && b) || (!a && !b)) {
            setDraft(null);
            onChange(a, b);
          } else {
            setDraft([a, b]);
          }
        }}
        onDropdownClose={() => setDraft(null)}
        valueFormat={VALUE_FORMATS[i18n.language] ?? VALUE_FORMATS.en}
        allowSingleDateInRange
        clearable
        clearButtonProps={{ 'aria-label': t('filters.clearValue', { label }) }}
        ariaLabels={{
          previousMonth: t('calendar.previousMonth'),
          nextMonth: t('calendar.nextMonth'),
          previousYear: t('calendar.previousYear'),
          nextYear: t('calendar.nextYear'),
          previousDecade: t('calendar.previousDecade'),
          nextDecade: t('calendar.nextDecade'),
          monthLevelControl: t('calendar.monthLevel'),
          yearLevelControl: t('calendar.yearLevel'),
        }}
        popoverProps={{ withinPortal: true }}
        data-testid={testId}
      />
    </DatesProvider>
  );
}
