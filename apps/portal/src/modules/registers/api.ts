import { unwrap, type ApiClient, type paths, type Schemas } from '@relaydesk/api-client';

export type EquipmentItem = Schemas['EquipmentItemDto'];
export type EquipmentType = Schemas['EquipmentTypeDto'];
export type ServiceObject = Schemas['ServiceObjectDto'];
export type Contract = Schemas['ContractDto'];
export type ContractDocument = Schemas['ContractDocumentDto'];
export type EquipmentQuery = NonNullable<
  paths['/api/v1/equipment-items']['get']['parameters']['query']
>;

/**
 * The registers a client contact reads (issue 18): their organization's equipment, service
 * objects and contracts. Read only; the API's visibility rule decides what comes back (another
 * organization's row, or an object the contact is not given, is a 404 or absent from a list).
 */
export const registersApi = {
  equipment: (api: ApiClient, query: EquipmentQuery) =>
    unwrap(api.GET('/api/v1/equipment-items', { params: { query } })),
  equipmentItem: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/equipment-items/{id}', { params: { path: { id } } })),
  equipmentTypes: (api: ApiClient, cursor?: string) =>
    unwrap(api.GET('/api/v1/equipment-types', { params: { query: { limit: 200, cursor } } })),
  serviceObjects: (api: ApiClient, cursor?: string) =>
    unwrap(api.GET('/api/v1/service-objects', { params: { query: { limit: 200, cursor } } })),
  serviceObject: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/service-objects/{id}', { params: { path: { id } } })),
  contracts: (api: ApiClient, cursor?: string) =>
    unwrap(api.GET('/api/v1/contracts', { params: { query: { limit: 200, cursor } } })),
  /** The documents staff shared with the client on one contract (a client is listed no other). */
  contractDocuments: (api: ApiClient, contractId: string) =>
    unwrap(api.GET('/api/v1/contracts/{id}/documents', { params: { path: { id: contractId } } })),
  contractDocument: (api: ApiClient, doc: { contractId: string; id: string }) =>
    unwrap(
      api.GET('/api/v1/contracts/{id}/documents/{documentId}', {
        params: { path: { id: doc.contractId, documentId: doc.id } },
        parseAs: 'blob',
      }),
    ) as Promise<Blob>,
};
