import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import {
  MAX_IDS_PER_REQUEST,
  registersApi,
  type AuthorizedRequestersUpdate,
  type ContractInput,
  type ContractsQuery,
  type ContractUpdate,
  type EquipmentItemInput,
  type EquipmentItemsQuery,
  type EquipmentItemUpdate,
  type EquipmentTypeInput,
  type EquipmentTypesQuery,
  type EquipmentTypeUpdate,
  type ServiceObjectInput,
  type ServiceObjectsQuery,
  type ServiceObjectUpdate,
} from './api';

/** Every query of the registers under one prefix: a save refreshes lists, cards and pickers. */
export const registerKeys = {
  all: ['registers'] as const,
  contracts: (q: ContractsQuery) => ['registers', 'contracts', q] as const,
  contract: (id: string) => ['registers', 'contract', id] as const,
  objects: (q: ServiceObjectsQuery) => ['registers', 'objects', q] as const,
  /** Chosen contracts or service objects named by id (a form's picked values). */
  byIds: (kind: 'contracts' | 'objects', ids: string[]) =>
    ['registers', kind, 'by-ids', ids] as const,
  object: (id: string) => ['registers', 'object', id] as const,
  types: ['registers', 'types'] as const,
  items: (q: EquipmentItemsQuery) => ['registers', 'items', q] as const,
  /** A register list read page by page (Load more), by its filters. */
  pages: (register: string, q: object) => ['registers', 'pages', register, q] as const,
  item: (id: string) => ['registers', 'item', id] as const,
  requesters: (organizationId: string) => ['registers', 'requesters', organizationId] as const,
};

export function useContracts(query: ContractsQuery, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: registerKeys.contracts(query),
    queryFn: () => registersApi.contracts(api, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * The chosen contracts or service objects of a form, to name them: one request per hundred ids
 * (the API's bound), not one per id. Ids the reader may not see, or deleted ones, are absent.
 */
export function useRegisterRowsByIds(kind: 'contracts' | 'objects', ids: string[]) {
  const api = useApi();
  const sorted = [...ids].sort();
  const chunks: string[][] = [];
  for (let i = 0; i < sorted.length; i += MAX_IDS_PER_REQUEST) {
    chunks.push(sorted.slice(i, i + MAX_IDS_PER_REQUEST));
  }
  return useQueries({
    queries: chunks.map((chunk) => ({
      queryKey: registerKeys.byIds(kind, chunk),
      queryFn: () =>
        kind === 'contracts'
          ? registersApi.contractsByIds(api, chunk)
          : registersApi.serviceObjectsByIds(api, chunk),
      placeholderData: keepPreviousData,
    })),
  });
}

/**
 * A register read by its keyset pages: the filters stay, each Load more asks the next page
 * after the last one's cursor (the API's `nextCursor`).
 */
function useRegisterPages<Q extends { cursor?: string }, T>(
  register: string,
  query: Omit<Q, 'cursor'>,
  fetch: (query: Q) => Promise<{ items: T[]; nextCursor?: string | null }>,
  enabled = true,
) {
  const pages = useInfiniteQuery({
    queryKey: registerKeys.pages(register, query),
    queryFn: ({ pageParam }) => fetch({ ...query, cursor: pageParam } as Q),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
  return { ...pages, items: pages.data?.pages.flatMap((p) => p.items) ?? [] };
}

export function useContractPages(query: Omit<ContractsQuery, 'cursor'>) {
  const api = useApi();
  return useRegisterPages('contracts', query, (q: ContractsQuery) =>
    registersApi.contracts(api, q),
  );
}

export function useServiceObjectPages(query: Omit<ServiceObjectsQuery, 'cursor'>) {
  const api = useApi();
  return useRegisterPages('objects', query, (q: ServiceObjectsQuery) =>
    registersApi.serviceObjects(api, q),
  );
}

export function useEquipmentItemPages(query: Omit<EquipmentItemsQuery, 'cursor'>, enabled = true) {
  const api = useApi();
  return useRegisterPages(
    'items',
    query,
    (q: EquipmentItemsQuery) => registersApi.equipmentItems(api, q),
    enabled,
  );
}

export function useEquipmentTypePages() {
  const api = useApi();
  return useRegisterPages('types', { limit: 100 }, (q: EquipmentTypesQuery) =>
    registersApi.equipmentTypes(api, q),
  );
}

export function useContract(id: string | null | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: registerKeys.contract(id ?? ''),
    queryFn: () => registersApi.contract(api, id!),
    enabled: !!id,
  });
}

export function useServiceObjects(query: ServiceObjectsQuery, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: registerKeys.objects(query),
    queryFn: () => registersApi.serviceObjects(api, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useServiceObject(id: string | null | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: registerKeys.object(id ?? ''),
    queryFn: () => registersApi.serviceObject(api, id!),
    enabled: !!id,
  });
}

export function useEquipmentTypes() {
  const api = useApi();
  return useQuery({
    queryKey: registerKeys.types,
    queryFn: () => registersApi.equipmentTypes(api),
  });
}

export function useEquipmentItems(query: EquipmentItemsQuery, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: registerKeys.items(query),
    queryFn: () => registersApi.equipmentItems(api, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEquipmentItem(id: string | null | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: registerKeys.item(id ?? ''),
    queryFn: () => registersApi.equipmentItem(api, id!),
    enabled: !!id,
  });
}

export function useAuthorizedRequesters(organizationId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: registerKeys.requesters(organizationId ?? ''),
    queryFn: () => registersApi.requesters(api, organizationId!),
    enabled: !!organizationId,
  });
}

function useRegisterMutation<A, R>(fn: (a: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: registerKeys.all }),
  });
}

export function useSaveContract() {
  const api = useApi();
  return useRegisterMutation((a: { id?: string; body: ContractInput | ContractUpdate }) =>
    a.id
      ? registersApi.updateContract(api, a.id, a.body as ContractUpdate)
      : registersApi.createContract(api, a.body as ContractInput),
  );
}

export function useSaveServiceObject() {
  const api = useApi();
  return useRegisterMutation(
    (a: { id?: string; body: ServiceObjectInput | ServiceObjectUpdate }) =>
      a.id
        ? registersApi.updateServiceObject(api, a.id, a.body as ServiceObjectUpdate)
        : registersApi.createServiceObject(api, a.body as ServiceObjectInput),
  );
}

export function useSaveEquipmentType() {
  const api = useApi();
  return useRegisterMutation(
    (a: { id?: string; body: EquipmentTypeInput | EquipmentTypeUpdate }) =>
      a.id
        ? registersApi.updateEquipmentType(api, a.id, a.body as EquipmentTypeUpdate)
        : registersApi.createEquipmentType(api, a.body as EquipmentTypeInput),
  );
}

export function useSaveEquipmentItem() {
  const api = useApi();
  return useRegisterMutation(
    (a: { id?: string; body: EquipmentItemInput | EquipmentItemUpdate }) =>
      a.id
        ? registersApi.updateEquipmentItem(api, a.id, a.body as EquipmentItemUpdate)
        : registersApi.createEquipmentItem(api, a.body as EquipmentItemInput),
  );
}

export function useSaveAuthorizedRequesters(organizationId: string) {
  const api = useApi();
  return useRegisterMutation((body: AuthorizedRequestersUpdate) =>
    registersApi.saveRequesters(api, organizationId, body),
  );
}
