import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat, useTranslatedName } from '@relaydesk/web-ui';
import type { Ticket } from '../api';

export function TicketFacts({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation(['tickets', 'common']);
  const format = useFormat();
  const name = useTranslatedName();
  const { t: tw } = useTranslation('ticketWork');
  const facts: [string, string][] = [
    [t('ticket.type'), ticket.type ? name(ticket.type.name) : t('common:none')],
    ...(ticket.category
      ? ([[tw('category'), name(ticket.category.name)]] as [string, string][])
      : []),
    [t('ticket.requester'), ticket.requester?.name ?? t('common:none')],
    [t('ticket.created'), format.dateTime(ticket.createdAt)],
    [t('ticket.updated'), format.dateTime(ticket.updatedAt)],
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing="xs" m={0}>
      {facts.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="xs" c="dimmed">
            {label}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
