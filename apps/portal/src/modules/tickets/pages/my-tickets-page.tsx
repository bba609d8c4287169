import { useEffect, useState } from 'react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useUser } from '@relaydesk/web-auth';
import { ProblemMessage } from '@relaydesk/web-ui';
import { Loading } from '../components/loading';
import { TicketCard } from '../components/ticket-card';
import { TicketFilters, type TicketFilterValues } from '../components/ticket-filters';
import { useMyProjects, useTicketCounts, useTicketList } from '../hooks';
import { isStatusFilter, STATUS_FILTERS } from '../status-filters';

const PAGE_SIZE = 25;

/** Filters live in the URL, so "back" from a ticket returns to the same list. */
export default function MyTicketsPage() {
  const { t } = useTranslation(['tickets', 'common']);
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const canViewOrganization = user.canViewOrganizationTickets;
  const scope =
    canViewOrganization && params.get('scope') === 'organization' ? 'organization' : 'mine';
  const statusParam = params.get('status');
  const status = isStatusFilter(statusParam) ? statusParam : '';
  const projects = useMyProjects().data?.items ?? [];
  const informationalCount = useTicketCounts().data?.informational;
  // A project id the client no longer belongs to would list nothing; treat it as no filter.
  const projectParam = params.get('project') ?? '';
  const project = projects.some((p) => p.id === projectParam) ? projectParam : '';
  const urlSearch = params.get('q') ?? '';
  const [search, setSearch] = useState(urlSearch);
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  // The URL can change under the mounted page (the header's link to /tickets clears it):
  // follow it, unless it is only catching up with what was typed.
  const [seenUrlSearch, setSeenUrlSearch] = useState(urlSearch);
  if (urlSearch !== seenUrlSearch) {
    setSeenUrlSearch(urlSearch);
    if (urlSearch !== debouncedSearch) setSearch(urlSearch);
  }

  useEffect(() => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (debouncedSearch) next.set('q', debouncedSearch);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [debouncedSearch, setParams]);

  const onChange = (patch: Partial<TicketFilterValues>) => {
    if (patch.search !== undefined) setSearch(patch.search);
    if (patch.scope === undefined && patch.status === undefined && patch.project === undefined) {
      return;
    }
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (patch.scope !== undefined) {
          if (patch.scope === 'organization') next.set('scope', 'organization');
          else next.delete('scope');
        }
        if (patch.status !== undefined) {
          if (patch.status) next.set('status', patch.status);
          else next.delete('status');
        }
        if (patch.project !== undefined) {
          if (patch.project) next.set('project', patch.project);
          else next.delete('project');
        }
        return next;
      },
      { replace: true },
    );
  };

  const list = useTicketList({
    limit: PAGE_SIZE,
    sort: 'updatedAt:desc',
    ...(canViewOrganization && scope === 'mine' ? { requesterId: user.id } : {}),
    // By category, so the filter means the same for every workflow (HappyDesk, Pythagoras...).
    ...(status ? { statusCategory: [...STATUS_FILTERS[status]] } : {}),
    ...(project ? { projectId: project } : {}),
    ...(debouncedSearch ? { q: debouncedSearch } : {}),
  });
  const tickets = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = !!status || !!project || !!debouncedSearch;

  return (
    <Stack gap="md">
      <Title order={2}>
        {scope === 'organization' ? t('list.organizationTitle') : t('list.title')}
      </Title>
      <TicketFilters
        values={{ scope, status, project, search }}
        canViewOrganization={canViewOrganization}
        projects={projects}
        informationalCount={informationalCount}
        onChange={onChange}
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ProblemMessage error={list.error} />
      ) : (
        <div
          data-testid="portal-ticket-list"
          aria-busy={list.isPlaceholderData}
          data-loading={list.isPlaceholderData || undefined}
          style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}
        >
          {tickets.length === 0 ? (
            <Stack align="flex-start" gap="sm" py="md">
              <Text c="dimmed">{filtered ? t('list.emptyFiltered') : t('list.empty')}</Text>
              {!filtered && (
                <Button component={Link} to="/tickets/new" variant="light">
                  {t('list.create')}
                </Button>
              )}
            </Stack>
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {tickets.map((ticket) => (
                <li key={ticket.id}>
                  <TicketCard ticket={ticket} showRequester={scope === 'organization'} />
                </li>
              ))}
            </Stack>
          )}
        </div>
      )}
      {list.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
          data-testid="portal-load-more"
        >
          {t('common:loadMore')}
        </Button>
      )}
    </Stack>
  );
}
