import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '@relaydesk/web-ui';
import { Loading } from '../../tickets/components/loading';
import { TicketCard } from '../../tickets/components/ticket-card';
import { useTicketList } from '../../tickets/hooks';
import { CardList } from './card-list';

type Filter = { equipmentId: string } | { serviceObjectId: string };

/**
 * The tickets about a device or a site that the client may see: the ticket list's own
 * visibility (their own requests, or the organization's when they may see those).
 */
export function RelatedTickets({ filter, empty }: { filter: Filter; empty: string }) {
  const { t } = useTranslation('common');
  const list = useTicketList({
    limit: 10,
    sort: 'updatedAt:desc',
    ...filter,
  });
  const tickets = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending) return <Loading size="sm" />;
  if (list.isError) return <ProblemMessage error={list.error} />;
  return (
    <Stack gap="xs" data-testid="related-tickets">
      {tickets.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="related-tickets-empty">
          {empty}
        </Text>
      ) : (
        <CardList
          items={tickets}
          keyOf={(ticket) => ticket.id}
          render={(ticket) => <TicketCard ticket={ticket} showRequester />}
        />
      )}
      {list.hasNextPage && (
        <Button
          variant="default"
          size="xs"
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('loadMore')}
        </Button>
      )}
    </Stack>
  );
}
