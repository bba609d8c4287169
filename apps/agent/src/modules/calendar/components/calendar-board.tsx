import { useMemo, type ReactNode } from 'react';
import { Button, Popover, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { localeTag } from '@relaydesk/web-ui';
import type { TicketSummary } from '../../tickets/api';
import { deadlineOf } from '../../sla/components/time-left-cell';
import { capitalize, dayKey, weekdayNames, type CalendarMode } from '../calendar-dates';
import { TicketChip } from './ticket-chip';
import classes from './calendar.module.css';

/** How many tickets fit in a month cell before the rest go behind "+N more". */
const MONTH_CELL_LIMIT = 3;

/**
 * Tickets by local day: on the effective due date (manual, else the SLA resolution deadline),
 * or on the creation date when there is neither.
 */
export function ticketsByDay(tickets: TicketSummary[]): Map<string, TicketSummary[]> {
  const byDay = new Map<string, TicketSummary[]>();
  const placed = tickets
    .map((ticket) => ({
      ticket,
      at: new Date(deadlineOf(ticket)?.dueAt ?? ticket.createdAt),
    }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.ticket.number - b.ticket.number);
  for (const { ticket, at } of placed) {
    const key = dayKey(at);
    const list = byDay.get(key);
    if (list) list.push(ticket);
    else byDay.set(key, [ticket]);
  }
  return byDay;
}

interface BoardProps {
  mode: CalendarMode;
  days: Date[];
  /** The month shown (month view): days of other months are dimmed. */
  month: number;
  weekStart: number;
  tickets: TicketSummary[];
  now: number;
}

/** The month grid or the week columns; each day lists its tickets as links. */
export function CalendarBoard({ mode, days, month, weekStart, tickets, now }: BoardProps) {
  const { i18n } = useTranslation();
  const tag = localeTag(i18n.language);
  const byDay = useMemo(() => ticketsByDay(tickets), [tickets]);
  const formats = useMemo(
    () => ({
      full: new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long' }),
      time: new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' }),
      weekdayShort: new Intl.DateTimeFormat(tag, { weekday: 'short' }),
    }),
    [tag],
  );
  const todayKey = dayKey(new Date(now));
  const week = mode === 'week';

  return (
    <div className={classes.scroller}>
      <div className={`${classes.board} ${week ? classes.week : ''}`}>
        {!week && (
          // Each day says its own full date to screen readers; this row is for the eye.
          <div className={classes.weekdays} aria-hidden>
            {weekdayNames(tag, weekStart, 'short').map((name) => (
              <div key={name} className={classes.weekday}>
                {name}
              </div>
            ))}
          </div>
        )}
        <ol className={classes.days}>
          {days.map((day) => {
            const key = dayKey(day);
            return (
              <DayCell
                key={key}
                date={day}
                fullDate={capitalize(formats.full.format(day))}
                weekday={week ? formats.weekdayShort.format(day) : null}
                today={key === todayKey}
                outside={!week && day.getMonth() !== month}
                tickets={byDay.get(key) ?? []}
                limit={week ? Infinity : MONTH_CELL_LIMIT}
                now={now}
                timeFormat={week ? formats.time : undefined}
              />
            );
          })}
        </ol>
      </div>
    </div>
  );
}

interface DayCellProps {
  date: Date;
  fullDate: string;
  weekday: string | null;
  today: boolean;
  outside: boolean;
  tickets: TicketSummary[];
  limit: number;
  now: number;
  timeFormat?: Intl.DateTimeFormat;
}

function DayCell({
  date,
  fullDate,
  weekday,
  today,
  outside,
  tickets,
  limit,
  now,
  timeFormat,
}: DayCellProps) {
  const { t } = useTranslation('calendar');
  const shown = tickets.length > limit ? tickets.slice(0, limit - 1) : tickets;
  const hidden = tickets.length - shown.length;
  const chip = (ticket: TicketSummary) => (
    <li key={ticket.id}>
      <TicketChip ticket={ticket} now={now} withTime={!!timeFormat} timeFormat={timeFormat} />
    </li>
  );

  return (
    <li
      className={classes.day}
      data-today={today || undefined}
      data-outside={outside || undefined}
      aria-current={today ? 'date' : undefined}
      data-testid={`calendar-day-${dayKey(date)}`}
    >
      <div className={classes.dayHead}>
        {weekday && (
          <span className={classes.weekdayInline} aria-hidden>
            {weekday}
          </span>
        )}
        <span className={classes.dayNumber} aria-hidden>
          {date.getDate()}
        </span>
        <VisuallyHidden>
          {today ? t('todayDate', { date: fullDate }) : fullDate}
          {tickets.length === 0 ? `: ${t('noTickets')}` : ''}
        </VisuallyHidden>
      </div>
      {shown.length > 0 && <ul className={classes.chips}>{shown.map(chip)}</ul>}
      {hidden > 0 && <MoreTickets date={fullDate} hidden={hidden} all={tickets} chip={chip} />}
    </li>
  );
}

function MoreTickets({
  date,
  hidden,
  all,
  chip,
}: {
  date: string;
  hidden: number;
  all: TicketSummary[];
  chip: (ticket: TicketSummary) => ReactNode;
}) {
  const { t } = useTranslation('calendar');
  const [opened, { close, toggle }] = useDisclosure(false);
  return (
    <Popover
      opened={opened}
      onChange={(o) => !o && close()}
      position="bottom-start"
      withArrow
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <Button
          variant="subtle"
          size="compact-xs"
          className={classes.more}
          onClick={toggle}
          aria-expanded={opened}
        >
          {t('more', { count: hidden })}
          <VisuallyHidden>{t('moreHint', { count: all.length, date })}</VisuallyHidden>
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" fw={700} mb={6}>
          {date}
        </Text>
        <ul className={`${classes.chips} ${classes.popoverChips}`}>{all.map(chip)}</ul>
      </Popover.Dropdown>
    </Popover>
  );
}
