import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import { webhooksApi, type CreateWebhookEndpoint, type UpdateWebhookEndpoint } from './api';

export function useWebhooks() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.webhooks.list, queryFn: () => webhooksApi.list(api) });
}

/** Refreshes the list (its "last status" column) after any change. */
function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.webhooks.all });
}

export function useCreateWebhook() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateWebhookEndpoint) => webhooksApi.create(api, body),
    onSuccess: invalidate,
  });
}

export function useUpdateWebhook() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateWebhookEndpoint }) =>
      webhooksApi.update(api, id, body),
    onSuccess: invalidate,
  });
}

export function useDeleteWebhook() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => webhooksApi.remove(api, id),
    onSuccess: invalidate,
  });
}

export function useRotateWebhookSecret() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => webhooksApi.rotateSecret(api, id),
    onSuccess: invalidate,
  });
}

/** An endpoint's delivery log, newest first, with "load more". */
export function useWebhookDeliveries(id: string) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.webhooks.deliveries(id),
    queryFn: ({ pageParam }) => webhooksApi.deliveries(api, id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useRedeliverWebhook(id: string) {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (deliveryId: string) => webhooksApi.redeliver(api, id, deliveryId),
    onSuccess: invalidate,
  });
}
