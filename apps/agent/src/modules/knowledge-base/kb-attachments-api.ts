import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type ApiClient } from '@relaydesk/api-client';
import { useApi } from '@relaydesk/web-auth';
import { kbAttachmentKeys, type KbAttachment } from '@relaydesk/web-kb';

/** Uploading and deleting an article's files (reading them is @relaydesk/web-kb's). */
export const kbAttachmentsEditApi = {
  upload: (api: ApiClient, articleId: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return unwrap(
      api.POST('/api/v1/kb/articles/{id}/attachments', {
        params: { path: { id: articleId } },
        body: form as never,
        bodySerializer: (b: unknown) => b as FormData,
      }),
    ) as Promise<KbAttachment>;
  },
  /** Deleted files too: the article's file history (staff). */
  history: (api: ApiClient, articleId: string) =>
    unwrap(
      api.GET('/api/v1/kb/articles/{id}/attachments', {
        params: { path: { id: articleId }, query: { includeDeleted: true } },
      }),
    ),
  remove: (api: ApiClient, articleId: string, attachmentId: string) =>
    unwrap(
      api.DELETE('/api/v1/kb/articles/{id}/attachments/{attachmentId}', {
        params: { path: { id: articleId, attachmentId } },
      }),
    ),
};

const historyKey = (articleId: string) =>
  [...kbAttachmentKeys.list('signed-in', articleId), 'history'] as const;

function useFilesChanged(articleId: string) {
  const client = useQueryClient();
  // The history's key starts with the list's, so both refetch.
  return () =>
    client.invalidateQueries({ queryKey: kbAttachmentKeys.list('signed-in', articleId) });
}

/** The deleted files of the article, newest deletion first, once asked for. */
export function useKbDeletedAttachments(articleId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: historyKey(articleId),
    queryFn: async () =>
      (await kbAttachmentsEditApi.history(api, articleId)).items
        .filter((f) => f.deletedAt !== null)
        .sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? '')),
    enabled,
  });
}

export function useUploadKbAttachment(articleId: string) {
  const api = useApi();
  const changed = useFilesChanged(articleId);
  return useMutation({
    mutationFn: (file: File) => kbAttachmentsEditApi.upload(api, articleId, file),
    onSuccess: () => void changed(),
  });
}

export function useDeleteKbAttachment(articleId: string) {
  const api = useApi();
  const changed = useFilesChanged(articleId);
  return useMutation({
    mutationFn: (attachmentId: string) => kbAttachmentsEditApi.remove(api, articleId, attachmentId),
    onSuccess: () => void changed(),
  });
}

/** Brackets and backslashes would end the alt text or the link text early. */
const escapeText = (s: string) => s.replace(/[\\[\]]/g, (c) => `\\${c}`);

/**
 * What the editor inserts for an uploaded file: an image the browser may show inline becomes
 * `![name](url)`, anything else (SVG included, which is only ever a download) a link.
 */
export function attachmentMarkdown(file: Pick<KbAttachment, 'fileName' | 'url' | 'inline'>) {
  if (file.inline) {
    const alt = escapeText(file.fileName.replace(/\.[^.]+$/, ''));
    return `![${alt}](${file.url})`;
  }
  return `[${escapeText(file.fileName)}](${file.url})`;
}
