import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import {
  reportsApi,
  type KbDeflectionQuery,
  type SatisfactionQuery,
  type SupportLevelQuery,
} from './api';

export function useSatisfactionReport(query: SatisfactionQuery) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.reports.satisfaction(query),
    queryFn: () => reportsApi.satisfaction(api, query),
    placeholderData: keepPreviousData,
  });
}

export function useSupportLevelReport(query: SupportLevelQuery) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.reports.supportLevels(query),
    queryFn: () => reportsApi.supportLevels(api, query),
    placeholderData: keepPreviousData,
  });
}

export function useKbDeflectionReport(query: KbDeflectionQuery) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.reports.kbDeflections(query),
    queryFn: () => reportsApi.kbDeflections(api, query),
    placeholderData: keepPreviousData,
  });
}
