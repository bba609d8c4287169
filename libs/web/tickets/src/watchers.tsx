import { Fragment, useState, type ReactNode } from 'react';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';
import { useApi, useUser } from '@relaydesk/web-auth';
import { useFieldErrors, ProblemMessage } from '@relaydesk/web-ui';
import { ticketQueryKeys } from './query-keys';

export type TicketWatcher = Schemas['TicketWatcherDto'];

const watchersKey = (ticketId: string) => ['tickets', 'watchers', ticketId] as const;

/** One function per watcher endpoint. */
export const watchersApi = {
  list: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/tickets/{id}/watchers', { params: { path: { id } } })),
  add: (api: ApiClient, id: string, userId: string) =>
    unwrap(
      api.POST('/api/v1/tickets/{id}/watchers', { params: { path: { id } }, body: { userId } }),
    ),
  candidates: (api: ApiClient, id: string, q: string) =>
    unwrap(
      api.GET('/api/v1/tickets/{id}/watchers/candidates', {
        params: { path: { id }, query: q ? { q } : {} },
      }),
    ),
  remove: (api: ApiClient, id: string, userId: string) =>
    unwrap(
      api.DELETE('/api/v1/tickets/{id}/watchers/{userId}', { params: { path: { id, userId } } }),
    ),
};

export function useTicketWatchers(ticketId: string) {
  const api = useApi();
  return useQuery({
    queryKey: watchersKey(ticketId),
    queryFn: () => watchersApi.list(api, ticketId),
  });
}

/** People the signed-in user may add, by name (the API applies the same rules as adding). */
export function useWatcherCandidates(ticketId: string, q: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...watchersKey(ticketId), 'candidates', q] as const,
    queryFn: () => watchersApi.candidates(api, ticketId, q),
    staleTime: 30_000,
  });
}

/**
 * A searchable list of the people the user may add (the portal's colleague picker): everyone it
 * offers is someone the API accepts.
 */
export function WatcherCandidatePicker({
  ticketId,
  onPick,
  error,
  description,
}: {
  ticketId: string;
  onPick: (userId: string) => void;
  error: string | undefined;
  description: string;
}) {
  const { t } = useTranslation('watchers');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const candidates = useWatcherCandidates(ticketId, q);
  return (
    <Select
      label={t('add')}
      description={description}
      searchable
      clearable
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      // The server filters by name; show what it sent.
      filter={({ options }) => options}
      data={(candidates.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
      onChange={(id) => id && onPick(id)}
      error={error}
      nothingFoundMessage={candidates.isFetching ? '…' : t('noCandidates')}
      data-testid="watcher-candidates"
    />
  );
}

export function useAddWatcher(ticketId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => watchersApi.add(api, ticketId, userId),
    onSuccess: (list) => {
      client.setQueryData(watchersKey(ticketId), list);
      // The change is a line of the ticket's history.
      return client.invalidateQueries({ queryKey: ticketQueryKeys.tickets.history(ticketId) });
    },
  });
}

export function useRemoveWatcher(ticketId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => watchersApi.remove(api, ticketId, userId),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: watchersKey(ticketId) }),
        client.invalidateQueries({ queryKey: ticketQueryKeys.tickets.history(ticketId) }),
      ]),
  });
}

export interface TicketWatchersCardProps {
  ticketId: string;
  /** Whether the signed-in user may remove this watcher (themselves always; the API decides the rest). */
  canRemove: (w: TicketWatcher) => boolean;
  /** A picker of people to add (staff app); called with the id to add. None: watch/unwatch only. */
  picker?: (add: (userId: string) => void, error: string | undefined) => ReactNode;
}

/**
 * Who follows the ticket, for both apps: "Watch" / "Stop watching" for oneself, a remove button
 * per watcher the user may remove, and (staff) a picker to add someone. The API keeps to the
 * rules (only people who can see the ticket; clients see client watchers only).
 */
export function TicketWatchersCard({ ticketId, canRemove, picker }: TicketWatchersCardProps) {
  const { t } = useTranslation('watchers');
  const fieldErrorsOf = useFieldErrors();
  const me = useUser();
  const watchers = useTicketWatchers(ticketId);
  const add = useAddWatcher(ticketId);
  const remove = useRemoveWatcher(ticketId);
  const [pending, setPending] = useState<string | null>(null);
  const items = watchers.data ?? [];
  const watching = items.some((w) => w.user.id === me.id);
  const error = add.error ?? remove.error;
  const run = (id: string, action: 'add' | 'remove') => {
    setPending(id);
    const m = action === 'add' ? add : remove;
    m.reset();
    m.mutate(id, { onSettled: () => setPending(null) });
  };

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="watchers-heading"
      data-testid="ticket-watchers"
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5" id="watchers-heading">
            {t('heading')}
          </Title>
          <Button
            size="compact-xs"
            variant={watching ? 'default' : 'light'}
            loading={pending === me.id}
            onClick={() => run(me.id, watching ? 'remove' : 'add')}
            data-testid={watching ? 'unwatch' : 'watch'}
          >
            {watching ? t('unwatch') : t('watch')}
          </Button>
        </Group>
        {watchers.isError && <ProblemMessage error={watchers.error} />}
        {items.length === 0 && !watchers.isLoading ? (
          <Text size="sm" c="dimmed">
            {t('empty')}
          </Text>
        ) : (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((w) => (
              <Group
                key={w.user.id}
                component="li"
                gap="xs"
                wrap="nowrap"
                justify="space-between"
                data-testid={`watcher-${w.user.id}`}
              >
                <Text
                  size="sm"
                  c={w.active ? undefined : 'dimmed'}
                  td={w.active ? undefined : 'line-through'}
                >
                  {w.user.name}
                  {w.kind === 'client' && me.role !== 'client' ? ` · ${t('client')}` : ''}
                </Text>
                {canRemove(w) && (
                  <Tooltip label={t('remove', { name: w.user.name })} withArrow>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      loading={pending === w.user.id}
                      onClick={() => run(w.user.id, 'remove')}
                      aria-label={t('remove', { name: w.user.name })}
                      data-testid="watcher-remove"
                    >
                      <IconX size={14} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {/* Remounted after each change, so the picker starts empty again. */}
        <Fragment key={items.map((w) => w.user.id).join()}>
          {picker?.((id) => run(id, 'add'), fieldErrorsOf(add.error).userId)}
        </Fragment>
        {error != null && !fieldErrorsOf(add.error).userId && <ProblemMessage error={error} />}
      </Stack>
    </Card>
  );
}
