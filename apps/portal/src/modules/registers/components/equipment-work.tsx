import { Box, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BilledWorkList } from '../../tickets/components/billed-work';
import { useTicketList, useTicketsWork } from '../../tickets/hooks';

/**
 * The equipment card's work history as a client may read it: the billed work on the requests
 * about it that the card lists (the same list and query as its "Requests" section), newest
 * first. Nothing while the installation keeps work to its staff.
 */
export function EquipmentWork({ equipmentId }: { equipmentId: string }) {
  const { t } = useTranslation('registers');
  const list = useTicketList({ limit: 10, sort: 'updatedAt:desc', equipmentId });
  const tickets = list.data?.pages.flatMap((p) => p.items) ?? [];
  const results = useTicketsWork(tickets);
  const entries = results
    .flatMap((r) => r.data ?? [])
    .sort((a, b) => b.workDate.localeCompare(a.workDate));
  if (entries.length === 0) return null;
  const numbers = new Map(tickets.map((ticket) => [ticket.id, ticket.number]));
  return (
    <Box component="section" aria-labelledby="equipment-work" data-testid="equipment-work">
      <Title order={3} size="h4" id="equipment-work" mb="xs">
        {t('work.equipmentTitle')}
      </Title>
      <BilledWorkList entries={entries} tickets={numbers} />
    </Box>
  );
}
