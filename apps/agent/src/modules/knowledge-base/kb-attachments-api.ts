import { useMutation, useQueryClient } from '@tanstack/react-query';
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
  remove: (api: ApiClient, articleId: string, attachmentId: string) =>
    unwrap(
      api.DELETE('/api/v1/kb/articles/{id}/attachments/{attachmentId}', {
        params: { path: { id: articleId, attachmentId } },
      }),
    ),
};

function useFilesChanged(articleId: string) {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({ queryKey: kbAttachmentKeys.list('signed-in', articleId) });
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
