import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import {
  slaApi,
  type CreateSlaCalendar,
  type CreateSlaPolicy,
  type UpdateSlaCalendar,
  type UpdateSlaPolicy,
} from './api';

export function useSlaCalendars() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.sla.calendars, queryFn: () => slaApi.calendars(api) });
}

export function useSlaPolicies() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.sla.policies, queryFn: () => slaApi.policies(api) });
}

export function useSaveSlaCalendar() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: { id?: string; body: CreateSlaCalendar | UpdateSlaCalendar }) =>
      a.id
        ? slaApi.updateCalendar(api, a.id, a.body as UpdateSlaCalendar)
        : slaApi.createCalendar(api, a.body as CreateSlaCalendar),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.sla.calendars }),
  });
}

export function useSaveSlaPolicy() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: { id?: string; body: CreateSlaPolicy | UpdateSlaPolicy }) =>
      a.id
        ? slaApi.updatePolicy(api, a.id, a.body as UpdateSlaPolicy)
        : slaApi.createPolicy(api, a.body as CreateSlaPolicy),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.sla.policies }),
  });
}
