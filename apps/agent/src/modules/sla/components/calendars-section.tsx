import { Button, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from '@relaydesk/contracts';
import { ProblemMessage } from '@relaydesk/web-ui';
import { RecordModal } from '../../../shared/forms/record-modal';
import { useListEditor } from '../../../shared/forms/use-list-editor';
import type { SlaCalendar } from '../api';
import { useSlaCalendars } from '../hooks';
import { CalendarForm, useWeekdayNames } from './calendar-form';

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** Working hours a week, for the list ("45 h a week"). */
function weeklyHours(c: SlaCalendar): number {
  let total = 0;
  for (const d of WEEKDAYS)
    for (const x of c.week[d] ?? []) total += Math.max(0, minutes(x.end) - minutes(x.start));
  return Math.round((total / 60) * 10) / 10;
}

/** Business-hours calendars: a list and a form per calendar. */
export function CalendarsSection() {
  const { t } = useTranslation(['slaAdmin', 'common', 'admin']);
  const calendars = useSlaCalendars();
  const days = useWeekdayNames();
  const editor = useListEditor<SlaCalendar>(() => calendars.refetch());
  const list = calendars.data ?? [];

  const workdays = (c: SlaCalendar) =>
    WEEKDAYS.filter((d) => (c.week[d] ?? []).length > 0)
      .map(
        (d) =>
          `${days[d].slice(0, 2)} ${(c.week[d] ?? []).map((x) => `${x.start}–${x.end}`).join(', ')}`,
      )
      .join(' · ');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={3} id="calendars-heading">
          {t('calendars.title')}
        </Title>
        <Button onClick={() => editor.open()} data-testid="calendar-create">
          {t('calendars.create')}
        </Button>
      </Group>
      <Text size="sm" c="gray.7" maw={820}>
        {t('calendars.hint')}
      </Text>
      {calendars.isPending ? (
        <Center p="xl">
          <Loader role="status" aria-label={t('common:loading')} />
        </Center>
      ) : calendars.isError ? (
        <ProblemMessage error={calendars.error} />
      ) : list.length === 0 ? (
        <Text py="lg">{t('calendars.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table
            verticalSpacing="xs"
            aria-labelledby="calendars-heading"
            data-testid="calendars-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('calendars.name')}</Table.Th>
                <Table.Th>{t('calendars.timeZone')}</Table.Th>
                <Table.Th>{t('calendars.week')}</Table.Th>
                <Table.Th>{t('calendars.holidays')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((c) => (
                <Table.Tr key={c.id} data-testid={`calendar-row-${c.id}`} data-name={c.name}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {c.name}
                    </Text>
                    <Text size="xs" c="gray.7">
                      {t('calendars.hoursPerWeek', { hours: weeklyHours(c) })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{c.timeZone}</Table.Td>
                  <Table.Td maw={360}>
                    <Text size="sm">{workdays(c)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {c.holidays.length}
                    {c.exceptions.length > 0 &&
                      ` + ${c.exceptions.length} ${t('calendars.exceptions').toLocaleLowerCase()}`}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => editor.open(c)}
                      aria-label={t('admin:list.editLabel', { name: c.name })}
                      data-testid="calendar-edit"
                    >
                      {t('admin:list.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RecordModal
        opened={editor.editing !== null}
        onClose={editor.close}
        title={editor.editing?.record ? t('calendars.edit') : t('calendars.create')}
        size="xl"
      >
        {editor.editing && (
          <CalendarForm
            key={editor.formKey}
            calendar={editor.editing.record}
            onDone={() => {
              editor.close();
              notifications.show({
                color: 'green',
                message: t('calendars.saved'),
              });
            }}
            onCancel={editor.close}
            onReload={editor.reload}
          />
        )}
      </RecordModal>
    </Stack>
  );
}
