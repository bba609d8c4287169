import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import { mailQuarantineApi } from './api';

export function useQuarantine() {
  const api = useApi();
  // Mail arrives on its own: look again now and then.
  return useQuery({
    queryKey: queryKeys.mailQuarantine.list,
    queryFn: () => mailQuarantineApi.list(api),
    refetchInterval: 30_000,
  });
}

export function useQuarantinedMail(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.mailQuarantine.detail(id ?? ''),
    queryFn: () => mailQuarantineApi.get(api, id!),
    enabled: id !== null,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.mailQuarantine.all });
}

export function useAcceptMail() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (a: { id: string; organizationId?: string }) =>
      mailQuarantineApi.accept(api, a.id, a.organizationId),
    onSuccess: invalidate,
  });
}

export function useDiscardMail() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => mailQuarantineApi.discard(api, id),
    onSuccess: invalidate,
  });
}

export function useTicketInboundMail(ticketId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.mailQuarantine.ticket(ticketId),
    queryFn: () => mailQuarantineApi.ticketMail(api, ticketId),
  });
}
