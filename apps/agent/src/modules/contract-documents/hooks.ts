import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import { contractDocumentsApi, type ContractDocument } from './api';

/** The contract's documents; with the deleted ones (the file history) when asked. */
export function useContractDocuments(contractId: string, withDeleted = false) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.contractDocuments.list(contractId, withDeleted),
    queryFn: () => contractDocumentsApi.list(api, contractId, withDeleted),
  });
}

function useChanged(contractId: string) {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({ queryKey: queryKeys.contractDocuments.contract(contractId) });
}

export function useUploadContractDocument(contractId: string) {
  const api = useApi();
  const changed = useChanged(contractId);
  return useMutation({
    mutationFn: ({ file, shared }: { file: File; shared: boolean }) =>
      contractDocumentsApi.upload(api, contractId, file, shared),
    onSuccess: () => void changed(),
  });
}

export function useShareContractDocument(contractId: string) {
  const api = useApi();
  const changed = useChanged(contractId);
  return useMutation({
    mutationFn: ({ doc, shared }: { doc: ContractDocument; shared: boolean }) =>
      contractDocumentsApi.share(api, doc, shared),
    // A 409 too: the list is reloaded with the colleague's change and the current version.
    onSettled: () => void changed(),
  });
}

export function useDeleteContractDocument(contractId: string) {
  const api = useApi();
  const changed = useChanged(contractId);
  return useMutation({
    mutationFn: (doc: ContractDocument) => contractDocumentsApi.remove(api, doc),
    onSuccess: () => void changed(),
  });
}

export function useDownloadContractDocument() {
  const api = useApi();
  return useMutation({
    mutationFn: (doc: ContractDocument) =>
      contractDocumentsApi.download(api, doc.contractId, doc.id),
  });
}
