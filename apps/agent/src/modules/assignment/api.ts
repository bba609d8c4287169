import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';

export type AssignmentRule = Schemas['AssignmentRuleDto'];
export type CreateAssignmentRule = Schemas['CreateAssignmentRuleDto'];
export type UpdateAssignmentRule = Schemas['UpdateAssignmentRuleDto'];

/** Assignment rules administration: one function per endpoint. */
export const assignmentApi = {
  rules: (api: ApiClient) => unwrap(api.GET('/api/v1/assignment-rules')),
  createRule: (api: ApiClient, body: CreateAssignmentRule) =>
    unwrap(api.POST('/api/v1/assignment-rules', { body })),
  updateRule: (api: ApiClient, id: string, body: UpdateAssignmentRule) =>
    unwrap(api.PATCH('/api/v1/assignment-rules/{id}', { params: { path: { id } }, body })),
  deleteRule: (api: ApiClient, id: string) =>
    unwrap(api.DELETE('/api/v1/assignment-rules/{id}', { params: { path: { id } } })),
};
