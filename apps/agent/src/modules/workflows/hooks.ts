import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import {
  workflowsApi,
  type InstallPresetBody,
  type WorkflowPreset,
  type ReplaceWorkflowBody,
  type WorkflowDefinitionBody,
} from './api';

/** Every workflow (the same query the ticket screens read statuses from). */
export function useWorkflowList() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.workflows, queryFn: () => workflowsApi.list(api) });
}

export function useWorkflow(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.workflowAdmin.detail(id ?? ''),
    queryFn: () => workflowsApi.get(api, id!),
    enabled: !!id,
    // The editor holds a draft: a background refetch must not look like someone else's change.
    refetchOnWindowFocus: false,
  });
}

export function useWorkflowPresets() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.workflowAdmin.presets,
    queryFn: () => workflowsApi.presets(api),
    staleTime: Infinity,
  });
}

/** Workflows feed ticket screens (statuses, transitions): any change refreshes them all. */
function useWorkflowMutation<A, R>(fn: (a: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.workflows });
      await client.invalidateQueries({ queryKey: queryKeys.tickets.all });
    },
  });
}

export function useInstallPreset() {
  const api = useApi();
  return useWorkflowMutation((a: { key: WorkflowPreset['key']; body: InstallPresetBody }) =>
    workflowsApi.installPreset(api, a.key, a.body),
  );
}

export function useCreateWorkflow() {
  const api = useApi();
  return useWorkflowMutation((body: WorkflowDefinitionBody) => workflowsApi.create(api, body));
}

export function useReplaceWorkflow() {
  const api = useApi();
  return useWorkflowMutation((a: { id: string; body: ReplaceWorkflowBody }) =>
    workflowsApi.replace(api, a.id, a.body),
  );
}

export function useDeleteWorkflow() {
  const api = useApi();
  return useWorkflowMutation((id: string) => workflowsApi.remove(api, id));
}
