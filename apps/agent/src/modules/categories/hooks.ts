import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import { categoriesApi, type CreateCategoryBody, type UpdateCategoryBody } from './api';

/** Every category, inactive ones too (administration). */
export function useAdminCategories() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.categoryAdmin.list,
    queryFn: () => categoriesApi.list(api),
  });
}

export function useSaveCategory() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: { id?: string; body: CreateCategoryBody | UpdateCategoryBody }) =>
      a.id
        ? categoriesApi.update(api, a.id, a.body as UpdateCategoryBody)
        : categoriesApi.create(api, a.body as CreateCategoryBody),
    // Ticket forms and filters read categories under the same prefix.
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.categories }),
  });
}
