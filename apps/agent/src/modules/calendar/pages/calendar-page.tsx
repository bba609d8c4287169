import { useMemo } from 'react';
import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useUser } from '@relaydesk/web-auth';
import { localeTag, ProblemMessage } from '@relaydesk/web-ui';
import {
  addDays,
  capitalize,
  dayKey,
  firstWeekday,
  parseDayKey,
  shiftAnchor,
  startOfDay,
  visibleRange,
  type CalendarMode,
} from '../calendar-dates';
import { useCalendarTickets } from '../hooks';
import { CalendarBoard } from '../components/calendar-board';
import { CalendarToolbar } from '../components/calendar-toolbar';
import classes from '../components/calendar.module.css';

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/**
 * The user's tickets on their due dates (or creation dates when there is none), by month or by
 * week. What is shown (view, date, all tickets) lives in the URL so a link reproduces it.
 */
export default function CalendarPage() {
  const { t, i18n } = useTranslation(['calendar', 'common']);
  useDocumentTitle(`${t('title')} · ${t('common:appName')}`);
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const tag = localeTag(i18n.language);
  const weekStart = useMemo(() => firstWeekday(tag), [tag]);

  const mode: CalendarMode = params.get('mode') === 'week' ? 'week' : 'month';
  const dateParam = params.get('date');
  const anchor = useMemo(() => parseDayKey(dateParam) ?? startOfDay(new Date()), [dateParam]);
  const canShowAll = user.role === 'admin' || user.canViewAll;
  const showAll = canShowAll && params.get('all') === '1';

  const range = useMemo(() => visibleRange(mode, anchor, weekStart), [mode, anchor, weekStart]);
  const calendar = useCalendarTickets({
    scope: showAll ? 'all' : 'mine',
    from: range.start.toISOString(),
    to: range.end.toISOString(),
  });

  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const rangeLabel =
    mode === 'month'
      ? capitalize(new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric' }).format(anchor))
      : new Intl.DateTimeFormat(tag, {
          day: 'numeric',
          month: 'long',
          year: 'numeric',
        }).formatRange(range.start, addDays(range.end, -1));

  const tickets = calendar.data?.tickets ?? [];
  const now = calendar.dataUpdatedAt || Date.now();

  return (
    <Stack gap="md" data-testid="calendar">
      <Group justify="space-between" align="center">
        <Title order={2}>{t('title')}</Title>
        {calendar.isFetching && <Loader size="sm" role="status" aria-label={t('common:loading')} />}
      </Group>
      <CalendarToolbar
        mode={mode}
        rangeLabel={rangeLabel}
        showAll={showAll}
        canShowAll={canShowAll}
        onMode={(next) => update({ mode: next === 'week' ? 'week' : null })}
        onShift={(direction) => update({ date: dayKey(shiftAnchor(mode, anchor, direction)) })}
        onToday={() => update({ date: null })}
        onShowAll={(all) => update({ all: all ? '1' : null })}
      />
      {calendar.isError && (
        <Group>
          <ProblemMessage error={calendar.error} />
          <Button variant="default" onClick={() => void calendar.refetch()}>
            {t('common:reload')}
          </Button>
        </Group>
      )}
      {calendar.data?.truncated && (
        <Alert color="yellow" variant="light" data-testid="calendar-truncated">
          {t('truncated', { count: tickets.length })}
        </Alert>
      )}
      <CalendarBoard
        mode={mode}
        days={range.days}
        month={anchor.getMonth()}
        weekStart={weekStart}
        tickets={tickets}
        now={now}
      />
      <Group gap="lg" justify="space-between">
        <Group gap="md" aria-label={t('legend')} role="group">
          <Text size="xs" c="dimmed">
            {t('legend')}:
          </Text>
          {PRIORITIES.map((priority) => (
            <Group key={priority} gap={4}>
              <span
                className={`${classes.tone} ${classes.legendSwatch}`}
                data-priority={priority}
                aria-hidden
              />
              <Text size="xs">{t(`common:priority.${priority}`)}</Text>
            </Group>
          ))}
        </Group>
        {calendar.isSuccess && (
          <Text size="xs" c="dimmed" aria-live="polite" data-testid="calendar-count">
            {tickets.length === 0 ? t('empty') : t('count', { count: tickets.length })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
