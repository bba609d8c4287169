import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';

export type Workflow = Schemas['WorkflowDto'];
export type WorkflowStatus = Schemas['WorkflowStatusDto'];
export type WorkflowTransition = Schemas['WorkflowTransitionDto'];
export type WorkflowAutoTransition = Schemas['WorkflowAutoTransitionDto'];
export type WorkflowPreset = Schemas['WorkflowPresetSummaryDto'];
export type WorkflowDefinitionBody = Schemas['CreateWorkflowDto'];
export type ReplaceWorkflowBody = Schemas['ReplaceWorkflowDto'];
export type InstallPresetBody = Schemas['InstallWorkflowPresetDto'];

/** One function per workflow endpoint (administration of lifecycles). */
export const workflowsApi = {
  list: (api: ApiClient) => unwrap(api.GET('/api/v1/workflows')),
  get: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/workflows/{id}', { params: { path: { id } } })),
  presets: (api: ApiClient) => unwrap(api.GET('/api/v1/workflows/presets')),
  installPreset: (api: ApiClient, key: WorkflowPreset['key'], body: InstallPresetBody) =>
    unwrap(
      api.POST('/api/v1/workflows/presets/{key}/install', { params: { path: { key } }, body }),
    ),
  create: (api: ApiClient, body: WorkflowDefinitionBody) =>
    unwrap(api.POST('/api/v1/workflows', { body })),
  replace: (api: ApiClient, id: string, body: ReplaceWorkflowBody) =>
    unwrap(api.PUT('/api/v1/workflows/{id}', { params: { path: { id } }, body })),
  remove: (api: ApiClient, id: string) =>
    unwrap(api.DELETE('/api/v1/workflows/{id}', { params: { path: { id } } })),
};
