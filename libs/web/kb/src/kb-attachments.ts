import { useMutation, useQuery } from '@tanstack/react-query';
import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';
import { useApi } from '@relaydesk/web-auth';
import type { KbReader } from './api';

export type KbAttachment = Schemas['KbAttachmentDto'];

/**
 * Reading an article's files, for both SPAs and the public KB. Bytes are fetched through the
 * API client, so a signed-in reader's token goes in the Authorization header, never in a URL.
 * Uploading and deleting are the agent SPA's (its knowledge-base module).
 */
export const kbAttachmentsApi = {
  list: (api: ApiClient, reader: KbReader, articleId: string) =>
    reader === 'public'
      ? unwrap(
          api.GET('/api/v1/public/kb/articles/{id}/attachments', {
            params: { path: { id: articleId } },
          }),
        )
      : unwrap(
          api.GET('/api/v1/kb/articles/{id}/attachments', { params: { path: { id: articleId } } }),
        ),
  download: (api: ApiClient, reader: KbReader, articleId: string, attachmentId: string) => {
    const path = { id: articleId, attachmentId };
    return (
      reader === 'public'
        ? unwrap(
            api.GET('/api/v1/public/kb/articles/{id}/attachments/{attachmentId}', {
              params: { path },
              parseAs: 'blob',
            }),
          )
        : unwrap(
            api.GET('/api/v1/kb/articles/{id}/attachments/{attachmentId}', {
              params: { path },
              parseAs: 'blob',
            }),
          )
    ) as Promise<Blob>;
  },
};

export const kbAttachmentKeys = {
  list: (reader: KbReader, articleId: string) => ['kb', reader, 'attachments', articleId] as const,
  file: (articleId: string, attachmentId: string) =>
    ['kb', 'signed-in', 'file', articleId, attachmentId] as const,
};

/** The article's files the reader may download, oldest first. */
export function useKbAttachments(articleId: string | undefined, reader: KbReader = 'signed-in') {
  const api = useApi();
  return useQuery({
    queryKey: kbAttachmentKeys.list(reader, articleId ?? ''),
    queryFn: () => kbAttachmentsApi.list(api, reader, articleId ?? ''),
    enabled: !!articleId,
  });
}

/** A file's bytes; the caller saves them (a download) or shows them. */
export function useDownloadKbAttachment(reader: KbReader = 'signed-in') {
  const api = useApi();
  return useMutation({
    mutationFn: (file: Pick<KbAttachment, 'articleId' | 'id'>) =>
      kbAttachmentsApi.download(api, reader, file.articleId, file.id),
  });
}
