import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge, useFormat, useTranslatedName } from '@relaydesk/web-ui';
import type { TicketSummary } from '../api';
import classes from './ticket-card.module.css';
import { PromisedTimesLine } from './promised-times';

/** One ticket as a card: reads on a phone as well as on a desktop, no wide table. */
export function TicketCard({
  ticket,
  showRequester,
}: {
  ticket: TicketSummary;
  showRequester: boolean;
}) {
  const { t } = useTranslation('tickets');
  const format = useFormat();
  const name = useTranslatedName();
  return (
    <Paper
      component={Link}
      to={`/tickets/${ticket.number}`}
      withBorder
      radius="md"
      p="sm"
      data-testid={`portal-ticket-${ticket.number}`}
      className={classes.card}
    >
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Text size="sm" c="dimmed">
          #{ticket.number}
        </Text>
        <StatusBadge
          status={ticket.status}
          category={ticket.statusCategory}
          name={ticket.statusName}
        />
      </Group>
      <Text fw={600} mt={4} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
        {ticket.subject}
      </Text>
      <Text size="sm" c="dimmed" mt={4} style={{ overflowWrap: 'anywhere' }}>
        {[
          ticket.type ? name(ticket.type.name) : null,
          t('list.updated', { date: format.dateTime(ticket.updatedAt) }),
          showRequester && ticket.requester
            ? t('list.requester', { name: ticket.requester.name })
            : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <PromisedTimesLine promise={ticket.promise} />
    </Paper>
  );
}
