import { VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat, useStatusLabel } from '@relaydesk/web-ui';
import { deadlineOf } from '../../sla/components/time-left-cell';
import type { TicketSummary } from '../../tickets/api';
import classes from './calendar.module.css';

/** No work owed on these: never marked overdue. */
const DONE = new Set(['resolved', 'closed', 'canceled', 'informational']);

export interface TicketChipProps {
  ticket: TicketSummary;
  /** Moment of "now" for the overdue mark (one value for the whole grid). */
  now: number;
  /** The week view has room for the due time and a longer subject. */
  withTime?: boolean;
  timeFormat?: Intl.DateTimeFormat;
}

/**
 * One ticket on the calendar: a link to it, tinted by priority, which is also said in words.
 * The `{' '}` keep the parts apart in the link's accessible name; flex layout ignores them.
 */
export function TicketChip({ ticket, now, withTime, timeFormat }: TicketChipProps) {
  const { t } = useTranslation(['calendar', 'common']);
  const format = useFormat();
  const statusLabel = useStatusLabel();
  const done = DONE.has(ticket.statusCategory);
  // Placed and coloured by the effective due, as the Overdue queue and the iCal feed count it.
  const deadline = deadlineOf(ticket);
  const overdue = !done && !!deadline && Date.parse(deadline.dueAt) < now;
  const priority = t(`common:priority.${ticket.priority}`);
  const when = deadline
    ? t(deadline.source === 'sla' ? 'calendar:chip.slaDue' : 'calendar:chip.due', {
        date: format.dateTime(deadline.dueAt),
      })
    : t('calendar:chip.created', { date: format.dateTime(ticket.createdAt) });
  const details = [
    t('calendar:chip.priority', { priority }),
    statusLabel(ticket.status, ticket.statusName),
    overdue ? t('calendar:chip.overdue') : null,
    when,
  ].filter(Boolean);
  const hint = details.join(', ');

  return (
    <Link
      to={`/tickets/${ticket.number}`}
      className={`${classes.tone} ${classes.chip}`}
      data-priority={ticket.priority}
      data-done={done || undefined}
      data-overdue={overdue || undefined}
      data-testid={`calendar-chip-${ticket.number}`}
      title={`#${ticket.number} ${ticket.subject} (${hint})`}
    >
      {overdue && <IconAlertTriangle size={12} className={classes.overdue} aria-hidden />}
      {withTime && timeFormat && (
        <span className={classes.time}>
          {timeFormat.format(new Date(deadline?.dueAt ?? ticket.createdAt))}
        </span>
      )}{' '}
      <span className={classes.number}>#{ticket.number}</span>{' '}
      <span className={classes.subject}>{ticket.subject}</span>
      {/* The color and the marks, in words: the link's name is its text plus this. */}
      <VisuallyHidden>{` (${hint})`}</VisuallyHidden>
    </Link>
  );
}
