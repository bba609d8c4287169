import { useState } from 'react';
import { SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const QUICK = ['7', '30', '90', '365'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` of a local date. */
const ymd = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function lastDays(days: number) {
  const to = new Date();
  const from = new Date(to);
  from.setDate(from.getDate() - (days - 1));
  return { from: ymd(from), to: ymd(to) };
}

/** Local midnight of a `YYYY-MM-DD`, as an instant for the API. */
const startOf = (day: string, plusDays = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).toISOString();
};

export interface Period {
  range: { from: string; to: string };
  quick: string;
  /** Both days are well-formed. */
  valid: boolean;
  /** Well-formed and `from` is not after `to`. */
  ordered: boolean;
  /** The [from, to) instants for the API (`to` is the midnight after the last day), once ordered. */
  query: { from: string; to: string } | Record<string, never>;
  pickQuick: (days: string) => void;
  setDay: (which: 'from' | 'to', day: string) => void;
}

/** A report period: the last 30 days to start with, quick choices and two date fields. */
export function usePeriod(): Period {
  const [range, setRange] = useState(() => lastDays(30));
  const [quick, setQuick] = useState<string>('30');
  const valid = DAY.test(range.from) && DAY.test(range.to);
  const ordered = valid && range.from <= range.to;
  return {
    range,
    quick,
    valid,
    ordered,
    query: ordered ? { from: startOf(range.from), to: startOf(range.to, 1) } : {},
    pickQuick: (days) => {
      setQuick(days);
      setRange(lastDays(Number(days)));
    },
    setDay: (which, day) => {
      setQuick('');
      setRange((r) => ({ ...r, [which]: day }));
    },
  };
}

/**
 * The quick choices and the two date fields of a period, for a `Group` of report filters.
 * `testIdPrefix` adds `<prefix>-quick`, `-from` and `-to` test ids.
 */
export function PeriodFields({
  period,
  idPrefix,
  testIdPrefix,
}: {
  period: Period;
  /** Makes the label id of the quick choices unique on the page. */
  idPrefix: string;
  testIdPrefix?: string;
}) {
  const { t } = useTranslation('reports');
  const { range, quick, valid, ordered } = period;
  const testId = (suffix: string) => (testIdPrefix ? `${testIdPrefix}-${suffix}` : undefined);
  return (
    <>
      <Stack gap={4}>
        <Text size="sm" fw={500} id={`${idPrefix}-quick-label`}>
          {t('period.quick')}
        </Text>
        <SegmentedControl
          aria-labelledby={`${idPrefix}-quick-label`}
          value={quick}
          onChange={period.pickQuick}
          data={QUICK.map((d) => ({
            value: d,
            label: t('period.lastDays', { count: Number(d) }),
          }))}
          data-testid={testId('quick')}
        />
      </Stack>
      <TextInput
        type="date"
        label={t('period.from')}
        value={range.from}
        max={range.to}
        onChange={(e) => period.setDay('from', e.currentTarget.value)}
        data-testid={testId('from')}
      />
      <TextInput
        type="date"
        label={t('period.to')}
        value={range.to}
        min={range.from}
        onChange={(e) => period.setDay('to', e.currentTarget.value)}
        error={valid && !ordered ? t('period.order') : undefined}
        data-testid={testId('to')}
      />
    </>
  );
}
