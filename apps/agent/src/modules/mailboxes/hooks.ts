import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import { mailboxesApi, type CreateMailbox, type UpdateMailbox } from './api';

export function useMailboxes() {
  const api = useApi();
  // The status column (last poll, last error) changes on its own: look again now and then.
  return useQuery({
    queryKey: queryKeys.mailboxes.list,
    queryFn: () => mailboxesApi.list(api),
    refetchInterval: 30_000,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.mailboxes.all });
}

export function useSaveMailbox() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (a: { id?: string; create?: CreateMailbox; update?: UpdateMailbox }) =>
      a.id ? mailboxesApi.update(api, a.id, a.update!) : mailboxesApi.create(api, a.create!),
    onSuccess: invalidate,
  });
}

export function useDeleteMailbox() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => mailboxesApi.remove(api, id),
    onSuccess: invalidate,
  });
}

export function useTestMailbox() {
  const api = useApi();
  return useMutation({ mutationFn: (id: string) => mailboxesApi.test(api, id) });
}

export function useFailedMessages(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.mailboxes.failed(id),
    queryFn: () => mailboxesApi.failed(api, id),
  });
}

export function useRetryFailedMessage(mailboxId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => mailboxesApi.retry(api, mailboxId, messageId),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.mailboxes.all }),
  });
}
