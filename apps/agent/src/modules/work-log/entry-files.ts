import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';

export type WorkEntryFile = Schemas['WorkEntryAttachmentDto'];

/** Files of work entries (staff only): one function per endpoint. */
export const workEntryFilesApi = {
  forTicket: (api: ApiClient, ticketId: string) =>
    unwrap(
      api.GET('/api/v1/tickets/{id}/work-entries/attachments', {
        params: { path: { id: ticketId } },
      }),
    ),
  upload: (api: ApiClient, entryId: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return unwrap(
      api.POST('/api/v1/work-entries/{id}/attachments', {
        params: { path: { id: entryId } },
        body: form as never,
        bodySerializer: (b: unknown) => b as FormData,
      }),
    );
  },
  download: (api: ApiClient, f: WorkEntryFile) =>
    unwrap(
      api.GET('/api/v1/work-entries/{id}/attachments/{attachmentId}', {
        params: { path: { id: f.workEntryId, attachmentId: f.id } },
        parseAs: 'blob',
      }),
    ) as Promise<Blob>,
  remove: (api: ApiClient, f: WorkEntryFile) =>
    unwrap(
      api.DELETE('/api/v1/work-entries/{id}/attachments/{attachmentId}', {
        params: { path: { id: f.workEntryId, attachmentId: f.id } },
      }),
    ),
};

/** Every file of the ticket's entries, by entry (one request for the whole Work card). */
export function useWorkEntryFiles(ticketId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.workLog.files(ticketId),
    queryFn: async () => {
      const byEntry = new Map<string, WorkEntryFile[]>();
      for (const f of (await workEntryFilesApi.forTicket(api, ticketId)).items) {
        byEntry.set(f.workEntryId, [...(byEntry.get(f.workEntryId) ?? []), f]);
      }
      return byEntry;
    },
  });
}

function useChanged(ticketId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.workLog.files(ticketId) });
}

export function useUploadWorkEntryFile(ticketId: string) {
  const api = useApi();
  const changed = useChanged(ticketId);
  return useMutation({
    mutationFn: ({ entryId, file }: { entryId: string; file: File }) =>
      workEntryFilesApi.upload(api, entryId, file),
    onSuccess: () => void changed(),
  });
}

export function useDeleteWorkEntryFile(ticketId: string) {
  const api = useApi();
  const changed = useChanged(ticketId);
  return useMutation({
    mutationFn: (f: WorkEntryFile) => workEntryFilesApi.remove(api, f),
    onSuccess: () => void changed(),
  });
}

export function useDownloadWorkEntryFile() {
  const api = useApi();
  return useMutation({ mutationFn: (f: WorkEntryFile) => workEntryFilesApi.download(api, f) });
}
