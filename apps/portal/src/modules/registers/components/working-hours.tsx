import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localeTag } from '@relaydesk/web-ui';
import type { ServiceObject } from '../api';

type Hours = NonNullable<ServiceObject['workingHours']>;

/** 2024-01-01 was a Monday: the week's days by index, named in the UI language. */
function weekdayNames(language: string): string[] {
  const format = new Intl.DateTimeFormat(localeTag(language), {
    weekday: 'short',
    timeZone: 'UTC',
  });
  return Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(2024, 0, 1 + i)));
}

/**
 * A site's weekly hours as a few lines ("Mon–Fri 08:00–17:00"): days in a row with the same
 * hours share a line, days off are left out, the time zone is the calendar's.
 */
export function WorkingHours({ hours }: { hours: Hours }) {
  const { t, i18n } = useTranslation('registers');
  const names = weekdayNames(i18n.language);
  const text = (d: Hours['days'][number]) =>
    d.intervals.map((i) => `${i.start}–${i.end}`).join(', ');
  const lines: { from: number; to: number; hours: string }[] = [];
  hours.days.forEach((day, index) => {
    const value = text(day);
    const last = lines[lines.length - 1];
    if (value && last && last.to === index - 1 && last.hours === value) last.to = index;
    else if (value) lines.push({ from: index, to: index, hours: value });
  });
  if (lines.length === 0) return <Text size="sm">{t('object.noHours')}</Text>;
  return (
    <Stack gap={0} component="span" data-testid="object-hours">
      {lines.map((l) => (
        <span key={l.from}>
          {l.from === l.to ? names[l.from] : `${names[l.from]}–${names[l.to]}`} {l.hours}
        </span>
      ))}
      <Text component="span" size="xs" c="dimmed">
        {hours.timeZone}
      </Text>
    </Stack>
  );
}
