import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import { reportsApi, type SatisfactionQuery } from './api';

export function useSatisfactionReport(query: SatisfactionQuery) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.reports.satisfaction(query),
    queryFn: () => reportsApi.satisfaction(api, query),
    placeholderData: keepPreviousData,
  });
}
