import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';

export type Category = Schemas['CategoryDto'];
export type CreateCategoryBody = Schemas['CreateCategoryDto'];
export type UpdateCategoryBody = Schemas['UpdateCategoryDto'];

/** One function per category endpoint. */
export const categoriesApi = {
  /** Flat: each top-level category followed by its subcategories; inactive ones included. */
  list: (api: ApiClient) =>
    unwrap(api.GET('/api/v1/categories', { params: { query: { includeInactive: true } } })),
  create: (api: ApiClient, body: CreateCategoryBody) =>
    unwrap(api.POST('/api/v1/categories', { body })),
  update: (api: ApiClient, id: string, body: UpdateCategoryBody) =>
    unwrap(api.PATCH('/api/v1/categories/{id}', { params: { path: { id } }, body })),
};
