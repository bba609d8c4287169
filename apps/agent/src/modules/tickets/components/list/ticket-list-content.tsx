import { useEffect, useRef } from 'react';
import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '@relaydesk/web-ui';
import { useTicketList } from '../../hooks';
import type { TicketSummary } from '../../api';
import {
  activeFilterCount,
  toApiQuery,
  type ListState,
  type ParamPatch,
  type SortField,
} from './list-params';
import { SubjectPicker } from './subject-picker';
import { TicketFilters, type KnownLabels } from './ticket-filters';
import { TicketTable } from './ticket-table';

/** Names of the filtered-by people and organizations, as the listed tickets carry them. */
function labelsFromTickets(state: ListState, tickets: TicketSummary[]) {
  const find = (
    pick: (t: TicketSummary) => { id: string; name: string } | null,
    id: string | null,
  ) => (id ? tickets.map(pick).find((ref) => ref?.id === id)?.name : undefined);
  const known: KnownLabels = {
    organizationId: find((t) => t.organization, state.organizationId),
    assigneeId: find((t) => t.assignee, state.assigneeId),
    groupId: find((t) => t.group, state.groupId),
    requesterId: find((t) => t.requester, state.requesterId),
  };
  const userName = find((t) => t.requester, state.userId) ?? find((t) => t.assignee, state.userId);
  return { known, userName };
}

export interface TicketListContentProps {
  state: ListState;
  update: (patch: ParamPatch) => void;
  clearFilters: () => void;
  caption: string;
}

/**
 * Filters, the table and its pages. The list refreshes by itself (the hook polls), refetching
 * every loaded page, so new tickets appear without losing the scroll position.
 */
export function TicketListContent({
  state,
  update,
  clearFilters,
  caption,
}: TicketListContentProps) {
  const { t } = useTranslation(['ticketList', 'common']);
  const list = useTicketList(toApiQuery(state));
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;

  // A ticket changed between two page loads can appear on both pages; show it once.
  const seen = new Set<string>();
  const tickets = (list.data?.pages ?? [])
    .flatMap((page) => page.items)
    .filter((ticket) => !seen.has(ticket.id) && !!seen.add(ticket.id));
  const { known, userName } = labelsFromTickets(state, tickets);

  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage || isFetchingNextPage || typeof IntersectionObserver === 'undefined')
      return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void fetchNextPage();
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const onSort = (field: SortField) => {
    const direction =
      state.sort.field === field && state.sort.direction === 'desc' ? 'asc' : 'desc';
    update({ sort: `${field}:${direction}` });
  };

  const filtered = activeFilterCount(state) > 0;

  let body;
  if (list.isPending) {
    body = (
      <Center p="xl">
        <Loader role="status" aria-label={t('common:loading')} />
      </Center>
    );
  } else if (list.isError && !list.data) {
    body = (
      <Stack align="flex-start">
        <ProblemMessage error={list.error} />
        <Button variant="default" onClick={() => void list.refetch()}>
          {t('common:reload')}
        </Button>
      </Stack>
    );
  } else if (tickets.length === 0) {
    body = (
      <Stack align="flex-start" gap="xs" py="lg" data-testid="ticket-list-empty">
        <Text>{filtered ? t('emptyFiltered') : t('empty')}</Text>
        {filtered && (
          <Button variant="default" onClick={clearFilters}>
            {t('filters.clear')}
          </Button>
        )}
      </Stack>
    );
  } else {
    body = (
      <>
        <TicketTable
          tickets={tickets}
          sort={state.sort}
          onSort={onSort}
          now={list.dataUpdatedAt}
          caption={caption}
        />
        {list.isFetchNextPageError && <ProblemMessage error={list.error} />}
        <Group justify="space-between" align="center">
          <Text size="sm" c="gray.7" aria-live="polite" data-testid="ticket-count">
            {hasNextPage
              ? t('countMore', { count: tickets.length })
              : t('countAll', { count: tickets.length })}
          </Text>
          {hasNextPage && (
            <Button
              variant="default"
              onClick={() => void fetchNextPage()}
              loading={isFetchingNextPage}
              data-testid="load-more"
            >
              {t('common:loadMore')}
            </Button>
          )}
        </Group>
        <div ref={sentinel} aria-hidden style={{ height: 1 }} />
      </>
    );
  }

  return (
    <Stack gap="md">
      <SubjectPicker state={state} update={update} knownUserName={userName} />
      <TicketFilters
        state={state}
        update={update}
        clearFilters={clearFilters}
        knownLabels={known}
      />
      {list.isRefetchError && list.data && <ProblemMessage error={list.error} />}
      {body}
    </Stack>
  );
}
