import { Group, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconClock, IconPlayerPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@relaydesk/web-ui';
import type { TicketSummary } from '../../tickets/api';
import { URGENCY_COLOR, urgencyOf, useDuration } from '../sla-time';

/** Statuses still being worked on: only their deadlines count down. */
const ACTIVE_CATEGORIES = new Set(['new', 'open', 'pending']);

/**
 * The deadline a list shows for a ticket: its manual due date, else its SLA resolution
 * deadline (as the Overdue queue counts them).
 */
export function deadlineOf(
  ticket: TicketSummary,
): { dueAt: string; source: 'manual' | 'sla' } | null {
  if (ticket.dueAt) return { dueAt: ticket.dueAt, source: 'manual' };
  if (ticket.sla?.resolutionDueAt) return { dueAt: ticket.sla.resolutionDueAt, source: 'sla' };
  return null;
}

/**
 * "Time left" of a list row: how long until the deadline or how long past it, in words, with an
 * icon and a second line saying what kind of deadline it is, so urgency never rests on color
 * alone. Overdue is red, less than a quarter of the time left orange, the rest neutral.
 */
export function TimeLeftCell({ ticket, now }: { ticket: TicketSummary; now: number }) {
  const { t } = useTranslation(['slaClock', 'common']);
  const format = useFormat();
  const duration = useDuration();
  const deadline = deadlineOf(ticket);
  if (!deadline || !ACTIVE_CATEGORIES.has(ticket.statusCategory)) {
    return (
      <Text size="sm" c="gray.7">
        {t('common:none')}
      </Text>
    );
  }
  const due = Date.parse(deadline.dueAt);
  const source = t(`source.${deadline.source}`);
  const title = `${source}: ${format.dateTime(deadline.dueAt)}`;
  const paused = deadline.source === 'sla' ? ticket.sla.pausedAt : null;

  if (paused) {
    return (
      <div data-testid="time-left" data-urgency="paused" title={title}>
        <Group gap={4} wrap="nowrap" c="gray.7">
          <IconPlayerPause size={14} aria-hidden style={{ flexShrink: 0 }} />
          <Text size="sm" c="gray.7">
            {t('pausedLeft', { time: duration(Math.max(0, due - Date.parse(paused))) })}
          </Text>
        </Group>
        <Text size="xs" c="gray.7">
          {source}
        </Text>
      </div>
    );
  }

  const urgency = urgencyOf(due, Date.parse(ticket.createdAt), now);
  const color = URGENCY_COLOR[urgency];
  const Icon = urgency === 'overdue' ? IconAlertTriangle : IconClock;
  return (
    <div data-testid="time-left" data-urgency={urgency} title={title}>
      <Group gap={4} wrap="nowrap" c={color}>
        {urgency !== 'ok' && <Icon size={14} aria-hidden style={{ flexShrink: 0 }} />}
        <Text size="sm" c={color} fw={urgency === 'ok' ? undefined : 700}>
          {urgency === 'overdue'
            ? t('overdueBy', { time: duration(now - due) })
            : t('left', { time: duration(due - now) })}
        </Text>
      </Group>
      <Text size="xs" c={urgency === 'soon' ? color : 'gray.7'}>
        {urgency === 'soon' ? (
          t('urgency.soon')
        ) : (
          <>
            {urgency === 'overdue' && <VisuallyHidden>{t('urgency.overdue')}: </VisuallyHidden>}
            {source}
          </>
        )}
      </Text>
    </div>
  );
}
