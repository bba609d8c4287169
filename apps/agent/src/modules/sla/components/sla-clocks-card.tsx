import { Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@relaydesk/web-ui';
import type { Ticket } from '../../tickets/api';
import {
  MET_COLOR,
  URGENCY_COLOR,
  urgencyOf,
  useDuration,
  useNow,
  type Urgency,
} from '../sla-time';

const ACTIVE_CATEGORIES = new Set(['new', 'open', 'pending']);

type ClockState =
  | { kind: 'notMeasured' }
  | { kind: 'met'; at: string }
  | { kind: 'breached'; at: string | null; late: number | null }
  | { kind: 'paused'; left: number }
  | { kind: 'running'; urgency: Urgency; ms: number; share: number };

const BADGE: Record<string, { color: string; key: string }> = {
  met: { color: MET_COLOR, key: 'card.met' },
  breached: { color: 'red.9', key: 'card.breached' },
  paused: { color: 'gray.8', key: 'paused' },
  overdue: { color: 'red.9', key: 'urgency.overdue' },
  soon: { color: URGENCY_COLOR.soon, key: 'urgency.soon' },
  ok: { color: MET_COLOR, key: 'urgency.ok' },
};

/** Where one clock stands: done (met or breached), paused, or running with time left. */
function clockState(
  dueAt: string | null,
  breachedAt: string | null,
  doneAt: string | null,
  pausedAt: string | null,
  startedAt: string,
  now: number,
): ClockState {
  if (!dueAt) return { kind: 'notMeasured' };
  const due = Date.parse(dueAt);
  if (doneAt) {
    const done = Date.parse(doneAt);
    return !breachedAt && done <= due
      ? { kind: 'met', at: doneAt }
      : { kind: 'breached', at: breachedAt ?? dueAt, late: done - due };
  }
  if (breachedAt) return { kind: 'breached', at: breachedAt, late: null };
  if (pausedAt) return { kind: 'paused', left: Math.max(0, due - Date.parse(pausedAt)) };
  const start = Date.parse(startedAt);
  const share = due > start ? Math.min(1, Math.max(0, (now - start) / (due - start))) : 1;
  return { kind: 'running', urgency: urgencyOf(due, start, now), ms: due - now, share };
}

function Clock({
  id,
  label,
  dueAt,
  state,
}: {
  id: string;
  label: string;
  dueAt: string | null;
  state: ClockState;
}) {
  const { t } = useTranslation('slaClock');
  const format = useFormat();
  const duration = useDuration();
  const badgeKey = state.kind === 'running' ? state.urgency : state.kind;
  const badge = BADGE[badgeKey];
  let line: string;
  let color = 'gray.9';
  switch (state.kind) {
    case 'notMeasured':
      line = t('card.notMeasured');
      color = 'gray.7';
      break;
    case 'met':
      line = t('card.metAt', { time: format.dateTime(state.at) });
      color = MET_COLOR;
      break;
    case 'breached':
      line =
        state.late !== null && state.late > 0
          ? t('overdueBy', { time: duration(state.late) })
          : t('card.breachedAt', { time: format.dateTime(state.at) });
      color = 'red.9';
      break;
    case 'paused':
      line = t('pausedLeft', { time: duration(state.left) });
      color = 'gray.7';
      break;
    case 'running':
      line =
        state.urgency === 'overdue'
          ? t('overdueBy', { time: duration(-state.ms) })
          : t('left', { time: duration(state.ms) });
      color = URGENCY_COLOR[state.urgency];
      break;
  }
  return (
    <Stack gap={4} data-testid={`sla-clock-${id}`} data-state={badgeKey}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        {badge && (
          <Badge color={badge.color} variant="outline" style={{ flexShrink: 0 }}>
            {t(badge.key)}
          </Badge>
        )}
      </Group>
      <Text size="sm" c={color} fw={state.kind === 'running' && state.urgency !== 'ok' ? 700 : 500}>
        {line}
      </Text>
      {state.kind === 'running' && (
        <Progress
          value={state.share * 100}
          color={state.urgency === 'overdue' ? 'red' : state.urgency === 'soon' ? 'orange' : 'teal'}
          size="sm"
          aria-label={`${label}: ${line}`}
        />
      )}
      {dueAt && (
        <Text size="xs" c="gray.7">
          {t('card.due', { time: format.dateTime(dueAt) })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The ticket's SLA clocks, first response and resolution: when each is due, the time left or
 * past, paused or done, colored by urgency and said in words. Moves every minute.
 */
export function SlaClocksCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('slaClock');
  const format = useFormat();
  const now = useNow();
  const sla = ticket.sla;
  // An informational ticket is not done either: its clocks stand still, as in a waiting status.
  const active =
    ACTIVE_CATEGORIES.has(ticket.statusCategory) || ticket.statusCategory === 'informational';
  const resolvedAt = active ? null : (ticket.resolvedAt ?? ticket.closedAt ?? ticket.updatedAt);
  // Resolved tickets stand still too; "paused" is for waiting and informational statuses.
  const pausedAt = active ? sla.pausedAt : null;

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="sla-heading"
      data-testid="sla-card"
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5" id="sla-heading">
            {t('card.heading')}
          </Title>
          {sla.policy && (
            <Text size="xs" c="gray.7" data-testid="sla-policy">
              {t('card.policy', { name: sla.policy.name })}
            </Text>
          )}
        </Group>
        {!sla.policy ? (
          <Text size="sm" c="gray.7">
            {t('card.noPolicy')}
          </Text>
        ) : (
          <>
            <Clock
              id="first-response"
              label={t('card.firstResponse')}
              dueAt={sla.firstResponseDueAt}
              state={clockState(
                sla.firstResponseDueAt,
                sla.firstResponseBreachedAt,
                ticket.firstRespondedAt,
                pausedAt,
                ticket.createdAt,
                now,
              )}
            />
            <Clock
              id="resolution"
              label={t('card.resolution')}
              dueAt={sla.resolutionDueAt}
              state={clockState(
                sla.resolutionDueAt,
                sla.resolutionBreachedAt,
                resolvedAt,
                pausedAt,
                ticket.createdAt,
                now,
              )}
            />
            {pausedAt && (
              <Text size="xs" c="gray.7">
                {t('card.pausedSince', { time: format.dateTime(pausedAt) })}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
