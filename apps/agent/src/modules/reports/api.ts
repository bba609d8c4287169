import { unwrap, type ApiClient, type paths, type Schemas } from '@relaydesk/api-client';

export type SatisfactionReport = Schemas['SatisfactionReportDto'];
export type SatisfactionQuery = NonNullable<
  paths['/api/v1/reports/satisfaction']['get']['parameters']['query']
>;

export type SupportLevelReport = Schemas['SupportLevelReportDto'];
export type SupportLevelQuery = NonNullable<
  paths['/api/v1/reports/support-levels']['get']['parameters']['query']
>;

export type KbDeflectionReport = Schemas['KbDeflectionReportDto'];
export type KbDeflectionQuery = NonNullable<
  paths['/api/v1/reports/kb-deflections']['get']['parameters']['query']
>;

/** One function per report endpoint. */
export const reportsApi = {
  satisfaction: (api: ApiClient, query: SatisfactionQuery) =>
    unwrap(api.GET('/api/v1/reports/satisfaction', { params: { query } })),
  supportLevels: (api: ApiClient, query: SupportLevelQuery) =>
    unwrap(api.GET('/api/v1/reports/support-levels', { params: { query } })),
  kbDeflections: (api: ApiClient, query: KbDeflectionQuery) =>
    unwrap(api.GET('/api/v1/reports/kb-deflections', { params: { query } })),
};
