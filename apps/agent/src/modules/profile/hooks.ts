import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import type { Schemas } from '@relaydesk/api-client';
import { queryKeys } from '../../query-keys';
import { profileApi } from './api';

/** My deputies (`principal`) or whom I stand in for (`deputy`), newest end first. */
export function useMyDeputies(as: 'principal' | 'deputy') {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.deputies.mine(as),
    queryFn: () => profileApi.deputies(api, as),
  });
}

export function useAddDeputy() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateDeputyshipDto']) => profileApi.addDeputy(api, body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.deputies.all }),
  });
}

export function useEndDeputy() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => profileApi.endDeputy(api, id),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.deputies.all }),
        // Ending one notifies both people: the bell should not wait for its next poll.
        client.invalidateQueries({ queryKey: queryKeys.notifications.all }),
      ]),
  });
}

export function useCalendarFeed() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.calendarFeed,
    queryFn: () => profileApi.calendarFeed(api),
  });
}

/** Creates or rotates the feed; the answer holds the address, which is never shown again. */
export function useRotateCalendarFeed() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => profileApi.rotateCalendarFeed(api),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.calendarFeed }),
  });
}

export function useRevokeCalendarFeed() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => profileApi.revokeCalendarFeed(api),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.calendarFeed }),
  });
}
