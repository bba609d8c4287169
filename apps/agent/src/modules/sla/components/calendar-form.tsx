import { useMemo, useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Divider,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS, type Weekday, type WorkingInterval } from '@relaydesk/contracts';
import { localeTag, useFormat } from '@relaydesk/web-ui';
import { changes } from '../../../shared/forms/form-problem';
import { FormShell } from '../../../shared/forms/form-shell';
import { useRecordForm } from '../../../shared/forms/use-record-form';
import type { SlaCalendar } from '../api';
import { useSaveSlaCalendar } from '../hooks';
import { IntervalsEditor } from './intervals-editor';

const FIELDS = ['name', 'timeZone', 'week', 'holidays', 'exceptions'] as const;
const OFFICE = [{ start: '09:00', end: '18:00' }];

/** Every IANA zone the browser knows (the API checks the name again). */
function timeZones(current: string): string[] {
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

/** Weekday names in the UI language, Monday first (2024-01-01 was a Monday). */
export function useWeekdayNames(): Record<Weekday, string> {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const f = new Intl.DateTimeFormat(localeTag(i18n.language), {
      weekday: 'long',
      timeZone: 'UTC',
    });
    return Object.fromEntries(
      WEEKDAYS.map((d, i) => [d, f.format(new Date(Date.UTC(2024, 0, 1 + i)))]),
    ) as Record<Weekday, string>;
  }, [i18n.language]);
}

function valuesOf(c?: SlaCalendar) {
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const week = Object.fromEntries(
    WEEKDAYS.map((d) => [d, c ? (c.week[d] ?? []) : ['sat', 'sun'].includes(d) ? [] : OFFICE]),
  ) as Record<Weekday, WorkingInterval[]>;
  return {
    name: c?.name ?? '',
    timeZone: c?.timeZone ?? browserZone,
    week,
    holidays: [...(c?.holidays ?? [])].sort(),
    exceptions: [...(c?.exceptions ?? [])].sort((a, b) => a.date.localeCompare(b.date)),
  };
}
type Values = ReturnType<typeof valuesOf>;

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};
const badIntervals = (list: WorkingInterval[]) =>
  list.some((x) => !x.start || !x.end || minutes(x.end) <= minutes(x.start));

export function CalendarForm({
  calendar,
  onDone,
  onCancel,
  onReload,
}: {
  calendar?: SlaCalendar;
  onDone: () => void;
  onCancel: () => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation('slaAdmin');
  const format = useFormat();
  const days = useWeekdayNames();
  const save = useSaveSlaCalendar();
  const { form, field, errors } = useRecordForm({
    initialValues: valuesOf(calendar),
    validate: (v) => {
      const missing: Record<string, string> = {};
      if (!v.name.trim()) missing.name = t('calendars.required');
      const all = [...Object.values(v.week), ...v.exceptions.map((e) => e.intervals)];
      if (all.some(badIntervals)) missing.week = t('calendars.badInterval');
      else if (Object.values(v.week).every((d) => d.length === 0))
        missing.week = t('calendars.noWorkingTime');
      return missing;
    },
    saveError: save.error,
  });
  const { values } = form;
  const [holiday, setHoliday] = useState('');
  const [exceptionDate, setExceptionDate] = useState('');
  const zones = useMemo(() => timeZones(values.timeZone), [values.timeZone]);
  const dateLabel = (d: string) => format.date(`${d}T12:00:00`);

  const submit = (submitted: Values) => {
    const body = { ...submitted, name: submitted.name.trim() };
    if (!calendar) return save.mutate({ body }, { onSuccess: onDone });
    const changed = changes(valuesOf(calendar), body);
    if (Object.keys(changed).length === 0) return onCancel();
    save.mutate(
      { id: calendar.id, body: { ...changed, version: calendar.version } },
      { onSuccess: onDone },
    );
  };

  const addHoliday = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(holiday) || values.holidays.includes(holiday)) return;
    form.setFieldValue('holidays', [...values.holidays, holiday].sort());
    setHoliday('');
  };
  const addException = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(exceptionDate)) return;
    if (values.exceptions.some((e) => e.date === exceptionDate)) return;
    form.setFieldValue(
      'exceptions',
      [...values.exceptions, { date: exceptionDate, intervals: OFFICE }].sort((a, b) =>
        a.date.localeCompare(b.date),
      ),
    );
    setExceptionDate('');
  };

  return (
    <FormShell
      onSubmit={form.onSubmit(submit)}
      onCancel={onCancel}
      onReload={onReload}
      saving={save.isPending}
      error={save.error}
      fields={FIELDS}
    >
      <Group grow align="flex-start">
        <TextInput
          label={t('calendars.name')}
          withAsterisk
          data-autofocus
          maxLength={200}
          {...field('name')}
          data-testid="calendar-name"
        />
        <Select
          label={t('calendars.timeZone')}
          withAsterisk
          data={zones}
          value={values.timeZone}
          onChange={(zone) => zone && form.setFieldValue('timeZone', zone)}
          searchable
          limit={60}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          error={errors.timeZone}
          data-testid="calendar-zone"
        />
      </Group>
      <Divider />
      <Title order={4} size="h6" id="calendar-week">
        {t('calendars.weekHeading')}
      </Title>
      <Table verticalSpacing={4} aria-labelledby="calendar-week">
        <Table.Tbody>
          {WEEKDAYS.map((d) => (
            <Table.Tr key={d} data-testid={`calendar-day-${d}`}>
              <Table.Th
                scope="row"
                w={130}
                style={{ textTransform: 'capitalize', fontWeight: 500 }}
              >
                {days[d]}
              </Table.Th>
              <Table.Td>
                <IntervalsEditor
                  label={days[d]}
                  intervals={values.week[d]}
                  onChange={(next) => form.setFieldValue('week', { ...values.week, [d]: next })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {errors.week && (
        <Text size="sm" c="red.9" role="alert">
          {errors.week}
        </Text>
      )}
      <Divider />
      <Title order={4} size="h6">
        {t('calendars.holidays')}
      </Title>
      <Text size="xs" c="gray.7">
        {t('calendars.holidaysHint')}
      </Text>
      <Group gap={6} wrap="wrap" data-testid="calendar-holidays">
        {values.holidays.length === 0 && (
          <Text size="sm" c="gray.7">
            {t('calendars.noneYet')}
          </Text>
        )}
        {values.holidays.map((d) => (
          <Badge
            key={d}
            variant="light"
            color="gray"
            size="lg"
            tt="none"
            rightSection={
              <ActionIcon
                size="xs"
                variant="transparent"
                color="gray.8"
                onClick={() =>
                  form.setFieldValue(
                    'holidays',
                    values.holidays.filter((x) => x !== d),
                  )
                }
                aria-label={t('calendars.removeHoliday', { date: dateLabel(d) })}
              >
                <IconX size={12} aria-hidden />
              </ActionIcon>
            }
          >
            {dateLabel(d)}
          </Badge>
        ))}
      </Group>
      <Group gap="xs" align="flex-end">
        <TextInput
          type="date"
          label={t('calendars.date')}
          size="xs"
          value={holiday}
          onChange={(e) => setHoliday(e.currentTarget.value)}
          data-testid="calendar-holiday-date"
        />
        <Button size="xs" variant="default" onClick={addHoliday} data-testid="calendar-holiday-add">
          {t('calendars.addHoliday')}
        </Button>
      </Group>
      {errors.holidays && (
        <Text size="sm" c="red.9">
          {errors.holidays}
        </Text>
      )}
      <Divider />
      <Title order={4} size="h6">
        {t('calendars.exceptions')}
      </Title>
      <Text size="xs" c="gray.7">
        {t('calendars.exceptionsHint')}
      </Text>
      <Stack gap={6} data-testid="calendar-exceptions">
        {values.exceptions.map((x) => (
          <Group key={x.date} gap="xs" wrap="nowrap" align="center">
            <Text size="sm" w={130} fw={500}>
              {dateLabel(x.date)}
            </Text>
            <IntervalsEditor
              label={dateLabel(x.date)}
              intervals={x.intervals}
              onChange={(next) =>
                form.setFieldValue(
                  'exceptions',
                  values.exceptions.map((e) => (e.date === x.date ? { ...e, intervals: next } : e)),
                )
              }
            />
            <ActionIcon
              variant="subtle"
              color="red.8"
              onClick={() =>
                form.setFieldValue(
                  'exceptions',
                  values.exceptions.filter((e) => e.date !== x.date),
                )
              }
              aria-label={t('calendars.removeException', { date: dateLabel(x.date) })}
            >
              <IconX size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      <Group gap="xs" align="flex-end">
        <TextInput
          type="date"
          label={t('calendars.date')}
          size="xs"
          value={exceptionDate}
          onChange={(e) => setExceptionDate(e.currentTarget.value)}
          data-testid="calendar-exception-date"
        />
        <Button
          size="xs"
          variant="default"
          onClick={addException}
          data-testid="calendar-exception-add"
        >
          {t('calendars.addException')}
        </Button>
      </Group>
      {errors.exceptions && (
        <Text size="sm" c="red.9">
          {errors.exceptions}
        </Text>
      )}
    </FormShell>
  );
}
