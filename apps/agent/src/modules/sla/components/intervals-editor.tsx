import { ActionIcon, Button, Group, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { WorkingInterval } from '@relaydesk/contracts';

/** The working intervals of one day: pairs of times, added and removed; none is a day off. */
export function IntervalsEditor({
  label,
  intervals,
  onChange,
  testId,
}: {
  /** What the day is, for the labels of the inputs ("Monday", "2026-03-07"). */
  label: string;
  intervals: WorkingInterval[];
  onChange: (next: WorkingInterval[]) => void;
  testId?: string;
}) {
  const { t } = useTranslation('slaAdmin');
  const update = (i: number, patch: Partial<WorkingInterval>) =>
    onChange(intervals.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const last = intervals[intervals.length - 1];
  return (
    <Group gap="xs" wrap="wrap" data-testid={testId}>
      {intervals.length === 0 && (
        <Text size="sm" c="gray.7" w={90}>
          {t('calendars.dayOff')}
        </Text>
      )}
      {intervals.map((x, i) => (
        <Group key={i} gap={4} wrap="nowrap">
          <TextInput
            type="time"
            size="xs"
            w={124}
            value={x.start}
            onChange={(e) => update(i, { start: e.currentTarget.value })}
            aria-label={`${label}: ${t('calendars.from')}`}
            data-testid="interval-start"
          />
          <Text size="sm" aria-hidden>
            –
          </Text>
          <TextInput
            type="time"
            size="xs"
            w={124}
            value={x.end === '24:00' ? '23:59' : x.end}
            onChange={(e) =>
              update(i, {
                end: e.currentTarget.value === '23:59' ? '24:00' : e.currentTarget.value,
              })
            }
            aria-label={`${label}: ${t('calendars.to')}`}
            data-testid="interval-end"
          />
          <ActionIcon
            variant="subtle"
            color="gray.7"
            size="sm"
            onClick={() => onChange(intervals.filter((_, j) => j !== i))}
            aria-label={`${label}: ${t('calendars.removeInterval', { start: x.start, end: x.end })}`}
          >
            <IconX size={14} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Button
        size="compact-xs"
        variant="subtle"
        leftSection={<IconPlus size={12} aria-hidden />}
        onClick={() =>
          onChange([
            ...intervals,
            last
              ? { start: last.end === '24:00' ? '23:00' : last.end, end: '24:00' }
              : { start: '09:00', end: '18:00' },
          ])
        }
        aria-label={`${label}: ${t('calendars.addInterval')}`}
        data-testid="interval-add"
      >
        {t('calendars.addInterval')}
      </Button>
    </Group>
  );
}
