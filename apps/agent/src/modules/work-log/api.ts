import { unwrap, type ApiClient, type paths, type Schemas } from '@relaydesk/api-client';

export type WorkEntry = Schemas['WorkEntryDto'];
export type TicketWork = Schemas['TicketWorkDto'];
export type WorkTotals = Schemas['WorkTotalsDto'];
export type WorkEntryInput = Schemas['CreateWorkEntryDto'];
export type WorkEntryUpdate = Schemas['UpdateWorkEntryDto'];
export type BillingItem = Schemas['BillingItemDto'];
export type BillingItemInput = Schemas['CreateBillingItemDto'];
export type BillingItemUpdate = Schemas['UpdateBillingItemDto'];
export type WorkTimerState = Schemas['WorkTimerStateDto'];
export type StoppedWorkTimer = Schemas['StoppedWorkTimerDto'];
export type WorkReport = Schemas['WorkReportDto'];
export type WorkUsage = Schemas['WorkUsageDto'];
export type WorkReportQuery = NonNullable<
  paths['/api/v1/work-report']['get']['parameters']['query']
>;
export type WorkReportFilter = NonNullable<
  paths['/api/v1/work-report/export.csv']['get']['parameters']['query']
>;

/** The work log: one function per endpoint. */
export const workLogApi = {
  forTicket: (api: ApiClient, ticketId: string) =>
    unwrap(api.GET('/api/v1/tickets/{id}/work-entries', { params: { path: { id: ticketId } } })),
  create: (api: ApiClient, ticketId: string, body: WorkEntryInput) =>
    unwrap(
      api.POST('/api/v1/tickets/{id}/work-entries', { params: { path: { id: ticketId } }, body }),
    ),
  update: (api: ApiClient, id: string, body: WorkEntryUpdate) =>
    unwrap(api.PATCH('/api/v1/work-entries/{id}', { params: { path: { id } }, body })),
  remove: (api: ApiClient, id: string) =>
    unwrap(api.DELETE('/api/v1/work-entries/{id}', { params: { path: { id } } })),
  billingItems: (api: ApiClient, active?: boolean) =>
    unwrap(api.GET('/api/v1/billing-items', { params: { query: { active, limit: 200 } } })),
  createItem: (api: ApiClient, body: BillingItemInput) =>
    unwrap(api.POST('/api/v1/billing-items', { body })),
  updateItem: (api: ApiClient, id: string, body: BillingItemUpdate) =>
    unwrap(api.PATCH('/api/v1/billing-items/{id}', { params: { path: { id } }, body })),
  timer: (api: ApiClient) => unwrap(api.GET('/api/v1/me/work-timer')),
  startTimer: (api: ApiClient, ticketId: string) =>
    unwrap(api.POST('/api/v1/me/work-timer', { body: { ticketId } })),
  stopTimer: (api: ApiClient) => unwrap(api.DELETE('/api/v1/me/work-timer')),
  report: (api: ApiClient, query: WorkReportQuery) =>
    unwrap(api.GET('/api/v1/work-report', { params: { query } })),
  /** The CSV through the authorized client (the token never goes in a URL). */
  reportCsv: (api: ApiClient, query: WorkReportFilter) =>
    unwrap(
      api.GET('/api/v1/work-report/export.csv', { params: { query }, parseAs: 'blob' }),
    ) as Promise<Blob>,
  usage: (api: ApiClient, contractId: string) =>
    unwrap(api.GET('/api/v1/contracts/{id}/work-usage', { params: { path: { id: contractId } } })),
};
