import { unwrap, type ApiClient, type paths, type Schemas } from '@relaydesk/api-client';

export type Contract = Schemas['ContractDto'];
export type ContractInput = Schemas['CreateContractDto'];
export type ContractUpdate = Schemas['UpdateContractDto'];
export type ContractsQuery = NonNullable<paths['/api/v1/contracts']['get']['parameters']['query']>;
export type ServiceObject = Schemas['ServiceObjectDto'];
export type ServiceObjectInput = Schemas['CreateServiceObjectDto'];
export type ServiceObjectUpdate = Schemas['UpdateServiceObjectDto'];
export type ServiceObjectsQuery = NonNullable<
  paths['/api/v1/service-objects']['get']['parameters']['query']
>;
export type EquipmentType = Schemas['EquipmentTypeDto'];
export type EquipmentTypesQuery = NonNullable<
  paths['/api/v1/equipment-types']['get']['parameters']['query']
>;
export type EquipmentField = Schemas['EquipmentFieldReadDto'];
export type EquipmentTypeInput = Schemas['CreateEquipmentTypeDto'];
export type EquipmentTypeUpdate = Schemas['UpdateEquipmentTypeDto'];
export type EquipmentItem = Schemas['EquipmentItemDto'];
export type EquipmentItemInput = Schemas['CreateEquipmentItemDto'];
export type EquipmentItemUpdate = Schemas['UpdateEquipmentItemDto'];
export type EquipmentItemsQuery = NonNullable<
  paths['/api/v1/equipment-items']['get']['parameters']['query']
>;
export type AuthorizedRequesters = Schemas['AuthorizedRequestersDto'];
export type AuthorizedRequestersUpdate = Schemas['UpdateAuthorizedRequestersDto'];

const path = (id: string) => ({ params: { path: { id } } });
/** `ids=a,b,c` rather than the key repeated: a hundred ids stay one short query string. */
const idList = { array: { style: 'form', explode: false } } as const;
/** The API's bound on an `ids` filter (and a page holds that many). */
export const MAX_IDS_PER_REQUEST = 100;

/** The registers of issue 18 (contracts module of the API): one function per endpoint. */
export const registersApi = {
  contracts: (api: ApiClient, query: ContractsQuery) =>
    unwrap(api.GET('/api/v1/contracts', { params: { query } })),
  contract: (api: ApiClient, id: string) => unwrap(api.GET('/api/v1/contracts/{id}', path(id))),
  /** Chosen contracts by id (at most MAX_IDS_PER_REQUEST); an unknown one is simply absent. */
  contractsByIds: (api: ApiClient, ids: string[]) =>
    unwrap(
      api.GET('/api/v1/contracts', {
        params: { query: { ids, limit: MAX_IDS_PER_REQUEST } },
        querySerializer: idList,
      }),
    ),
  createContract: (api: ApiClient, body: ContractInput) =>
    unwrap(api.POST('/api/v1/contracts', { body })),
  updateContract: (api: ApiClient, id: string, body: ContractUpdate) =>
    unwrap(api.PATCH('/api/v1/contracts/{id}', { ...path(id), body })),

  serviceObjects: (api: ApiClient, query: ServiceObjectsQuery) =>
    unwrap(api.GET('/api/v1/service-objects', { params: { query } })),
  serviceObject: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/service-objects/{id}', path(id))),
  /** Chosen service objects by id (at most MAX_IDS_PER_REQUEST); an unknown one is absent. */
  serviceObjectsByIds: (api: ApiClient, ids: string[]) =>
    unwrap(
      api.GET('/api/v1/service-objects', {
        params: { query: { ids, limit: MAX_IDS_PER_REQUEST } },
        querySerializer: idList,
      }),
    ),
  createServiceObject: (api: ApiClient, body: ServiceObjectInput) =>
    unwrap(api.POST('/api/v1/service-objects', { body })),
  updateServiceObject: (api: ApiClient, id: string, body: ServiceObjectUpdate) =>
    unwrap(api.PATCH('/api/v1/service-objects/{id}', { ...path(id), body })),

  equipmentTypes: (api: ApiClient, query: EquipmentTypesQuery = { limit: 200 }) =>
    unwrap(api.GET('/api/v1/equipment-types', { params: { query } })),
  createEquipmentType: (api: ApiClient, body: EquipmentTypeInput) =>
    unwrap(api.POST('/api/v1/equipment-types', { body })),
  updateEquipmentType: (api: ApiClient, id: string, body: EquipmentTypeUpdate) =>
    unwrap(api.PATCH('/api/v1/equipment-types/{id}', { ...path(id), body })),

  equipmentItems: (api: ApiClient, query: EquipmentItemsQuery) =>
    unwrap(api.GET('/api/v1/equipment-items', { params: { query } })),
  equipmentItem: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/equipment-items/{id}', path(id))),
  createEquipmentItem: (api: ApiClient, body: EquipmentItemInput) =>
    unwrap(api.POST('/api/v1/equipment-items', { body })),
  updateEquipmentItem: (api: ApiClient, id: string, body: EquipmentItemUpdate) =>
    unwrap(api.PATCH('/api/v1/equipment-items/{id}', { ...path(id), body })),

  requesters: (api: ApiClient, organizationId: string) =>
    unwrap(
      api.GET('/api/v1/authorized-requesters/{organizationId}', {
        params: { path: { organizationId } },
      }),
    ),
  saveRequesters: (api: ApiClient, organizationId: string, body: AuthorizedRequestersUpdate) =>
    unwrap(
      api.PUT('/api/v1/authorized-requesters/{organizationId}', {
        params: { path: { organizationId } },
        body,
      }),
    ),
};
