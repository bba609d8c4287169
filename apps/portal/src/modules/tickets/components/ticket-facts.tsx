import type { ReactNode } from 'react';
import { Anchor, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat, useTranslatedName } from '@relaydesk/web-ui';
import { UnbrokenName } from '../../registers/components/unbroken-name';
import type { Ticket } from '../api';

/** Issue 18: the site, device and contract the request is about, as the client may see them. */
function linkFacts(ticket: Ticket, t: (key: string) => string): [string, ReactNode][] {
  const facts: [string, ReactNode][] = [];
  if (ticket.serviceObject) {
    facts.push([
      t('registers:ticket.object'),
      <Anchor component={Link} to={`/sites/${ticket.serviceObject.id}`} size="sm">
        {ticket.serviceObject.name}
      </Anchor>,
    ]);
  }
  if (ticket.equipment) {
    const number = ticket.equipment.serialNumber ?? ticket.equipment.inventoryNumber;
    facts.push([
      t('registers:ticket.equipment'),
      <>
        <Anchor
          component={Link}
          to={`/equipment/${ticket.equipment.id}`}
          size="sm"
          data-testid="portal-ticket-equipment"
        >
          <UnbrokenName name={ticket.equipment.name} />
        </Anchor>
        {number ? (
          <>
            {' · '}
            <UnbrokenName name={number} />
          </>
        ) : (
          ''
        )}
        {ticket.warranty ? ` · ${t('registers:ticket.warranty')}` : ''}
      </>,
    ]);
  }
  if (ticket.contract) facts.push([t('registers:ticket.contract'), ticket.contract.number]);
  return facts;
}

export function TicketFacts({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation(['tickets', 'common', 'registers']);
  const format = useFormat();
  const name = useTranslatedName();
  const { t: tw } = useTranslation('ticketWork');
  const facts: [string, ReactNode][] = [
    [t('ticket.type'), ticket.type ? name(ticket.type.name) : t('common:none')],
    ...(ticket.category
      ? ([[tw('category'), name(ticket.category.name)]] as [string, string][])
      : []),
    [t('ticket.requester'), ticket.requester?.name ?? t('common:none')],
    [t('ticket.created'), format.dateTime(ticket.createdAt)],
    [t('ticket.updated'), format.dateTime(ticket.updatedAt)],
    ...linkFacts(ticket, t),
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
