import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';

export type ContractDocument = Schemas['ContractDocumentDto'];

/** A contract's documents: one function per endpoint. */
export const contractDocumentsApi = {
  list: (api: ApiClient, contractId: string, includeDeleted: boolean) =>
    unwrap(
      api.GET('/api/v1/contracts/{id}/documents', {
        params: { path: { id: contractId }, query: includeDeleted ? { includeDeleted } : {} },
      }),
    ),
  upload: (api: ApiClient, contractId: string, file: File, shared: boolean) => {
    const form = new FormData();
    form.append('shared', String(shared));
    form.append('file', file);
    return unwrap(
      api.POST('/api/v1/contracts/{id}/documents', {
        params: { path: { id: contractId } },
        body: form as never,
        bodySerializer: (b: unknown) => b as FormData,
      }),
    );
  },
  download: (api: ApiClient, contractId: string, documentId: string) =>
    unwrap(
      api.GET('/api/v1/contracts/{id}/documents/{documentId}', {
        params: { path: { id: contractId, documentId } },
        parseAs: 'blob',
      }),
    ) as Promise<Blob>,
  share: (api: ApiClient, doc: ContractDocument, shared: boolean) =>
    unwrap(
      api.PATCH('/api/v1/contracts/{id}/documents/{documentId}', {
        params: { path: { id: doc.contractId, documentId: doc.id } },
        body: { shared, version: doc.version ?? 1 },
      }),
    ),
  remove: (api: ApiClient, doc: ContractDocument) =>
    unwrap(
      api.DELETE('/api/v1/contracts/{id}/documents/{documentId}', {
        params: { path: { id: doc.contractId, documentId: doc.id } },
      }),
    ),
};
