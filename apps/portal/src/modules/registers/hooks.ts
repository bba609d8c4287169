import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { ApiError } from '@relaydesk/api-client';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import { registersApi, type ContractDocument, type EquipmentQuery } from './api';

/** Registers change rarely (staff edit them); a minute is fresh enough for a client's view. */
const STALE_MS = 60_000;
/** A picker or filter reads the whole register; an organization with more is not a client's UI. */
const MAX_PAGES = 10;

/** A 404 will not turn into a record by asking again: say "not found" at once. */
const retry = (failures: number, error: Error) =>
  !(error instanceof ApiError && error.status < 500) && failures < 1;

async function allPages<T>(
  page: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const result = await page(cursor);
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}

export function useEquipmentList(query: Omit<EquipmentQuery, 'cursor'>, enabled = true) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.registers.equipmentList(query),
    queryFn: ({ pageParam }) => registersApi.equipment(api, { ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // While a new filter or search loads, keep showing the last list instead of a spinner.
    placeholderData: (previous) => previous,
    staleTime: STALE_MS,
    enabled,
  });
}

export function useEquipmentItem(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.registers.equipmentItem(id ?? ''),
    queryFn: () => registersApi.equipmentItem(api, id!),
    enabled: !!id,
    staleTime: STALE_MS,
    retry,
  });
}

/** Every equipment type with the fields a client may see (for names and the type filter). */
export function useEquipmentTypes() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.registers.equipmentTypes,
    queryFn: () => allPages((cursor) => registersApi.equipmentTypes(api, cursor)),
    staleTime: 5 * 60_000,
  });
}

export function useServiceObjects() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.registers.serviceObjects,
    queryFn: () => allPages((cursor) => registersApi.serviceObjects(api, cursor)),
    staleTime: STALE_MS,
  });
}

export function useServiceObject(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.registers.serviceObject(id ?? ''),
    queryFn: () => registersApi.serviceObject(api, id!),
    enabled: !!id,
    staleTime: STALE_MS,
    retry,
  });
}

export function useContracts() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.registers.contracts,
    queryFn: () => allPages((cursor) => registersApi.contracts(api, cursor)),
    staleTime: STALE_MS,
  });
}

/**
 * A contract's shared documents, asked for only when the reader opens them on its card (a page
 * of every contract must not send one request per card).
 */
export function useContractDocuments(contractId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.registers.contractDocuments(contractId),
    queryFn: () => registersApi.contractDocuments(api, contractId),
    enabled,
    staleTime: STALE_MS,
    retry,
  });
}

export function useDownloadContractDocument() {
  const api = useApi();
  return useMutation({
    mutationFn: (doc: ContractDocument) => registersApi.contractDocument(api, doc),
  });
}

/** A picker's equipment: every item the client may see, at one site when one is chosen. */
export function useEquipmentOptions(serviceObjectId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.registers.equipmentOptions(serviceObjectId),
    queryFn: () =>
      allPages((cursor) =>
        registersApi.equipment(api, {
          limit: 200,
          cursor,
          ...(serviceObjectId ? { serviceObjectId } : {}),
        }),
      ),
    enabled,
    staleTime: STALE_MS,
    placeholderData: (previous) => previous,
  });
}
