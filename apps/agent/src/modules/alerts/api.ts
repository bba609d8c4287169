import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';

export type AlertRule = Schemas['AlertRuleDto'];
export type CreateAlertRule = Schemas['CreateAlertRuleDto'];
export type UpdateAlertRule = Schemas['UpdateAlertRuleDto'];
export type LabelMatcher = Schemas['LabelMatcherDto'];

/** Alert rules administration: one function per endpoint. */
export const alertsApi = {
  rules: (api: ApiClient) => unwrap(api.GET('/api/v1/admin/alert-rules')),
  createRule: (api: ApiClient, body: CreateAlertRule) =>
    unwrap(api.POST('/api/v1/admin/alert-rules', { body })),
  updateRule: (api: ApiClient, id: string, body: UpdateAlertRule) =>
    unwrap(api.PATCH('/api/v1/admin/alert-rules/{id}', { params: { path: { id } }, body })),
  deleteRule: (api: ApiClient, id: string) =>
    unwrap(api.DELETE('/api/v1/admin/alert-rules/{id}', { params: { path: { id } } })),
};
