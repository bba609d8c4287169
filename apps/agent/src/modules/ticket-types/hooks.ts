import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import {
  ticketTypesApi,
  type CreateFieldBody,
  type CreateTicketTypeBody,
  type UpdateFieldBody,
  type UpdateTicketTypeBody,
} from './api';

/** Every ticket type, inactive ones and inactive fields included (administration). */
export function useAdminTicketTypes() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.ticketTypeAdmin.list,
    queryFn: () => ticketTypesApi.list(api),
  });
}

export function useAdminTicketType(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.ticketTypeAdmin.detail(id ?? ''),
    queryFn: () => ticketTypesApi.get(api, id!),
    enabled: !!id,
  });
}

/** Types feed every ticket form: a change refreshes the ticket screens' copy as well. */
function useTypeMutation<A, R>(fn: (a: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.ticketTypes }),
  });
}

export function useSaveTicketType() {
  const api = useApi();
  return useTypeMutation((a: { id?: string; body: CreateTicketTypeBody | UpdateTicketTypeBody }) =>
    a.id
      ? ticketTypesApi.update(api, a.id, a.body as UpdateTicketTypeBody)
      : ticketTypesApi.create(api, a.body as CreateTicketTypeBody),
  );
}

export function useSaveField(typeId: string) {
  const api = useApi();
  return useTypeMutation((a: { id?: string; body: CreateFieldBody | UpdateFieldBody }) =>
    a.id
      ? ticketTypesApi.updateField(api, typeId, a.id, a.body as UpdateFieldBody)
      : ticketTypesApi.createField(api, typeId, a.body as CreateFieldBody),
  );
}

export function useDeactivateField(typeId: string) {
  const api = useApi();
  return useTypeMutation((fieldId: string) => ticketTypesApi.deactivateField(api, typeId, fieldId));
}
