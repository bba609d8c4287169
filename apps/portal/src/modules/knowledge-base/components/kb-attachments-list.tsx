import { Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '@relaydesk/web-tickets';
import { useDownloadKbAttachment, useKbAttachments, type KbAttachment } from '@relaydesk/web-kb';
import { FileDownloadList, useErrorText } from '@relaydesk/web-ui';
import { useFileSize } from '../../tickets/components/use-file-size';
import { useKbReader } from '../kb-reader';

/**
 * An article's files as downloads, for signed-in and public readers alike: the bytes come
 * through the API client (with the session's token when there is one, never in a URL) and are
 * saved under the file's name. Nothing shows when the article has no files.
 */
export function KbAttachmentsList({ articleId }: { articleId: string }) {
  const { t } = useTranslation('kbFiles');
  const reader = useKbReader();
  const size = useFileSize();
  const errorText = useErrorText();
  const files = useKbAttachments(articleId, reader);
  const download = useDownloadKbAttachment(reader);
  const items = files.data?.items ?? [];
  if (items.length === 0) return null;

  const get = (f: KbAttachment) =>
    download.mutate(f, {
      onSuccess: (blob) => saveBlob(blob, f.fileName),
      onError: (e) =>
        notifications.show({
          color: 'red',
          title: t('downloadFailed', { name: f.fileName }),
          message: errorText(e),
        }),
    });

  return (
    <Stack gap="xs" component="section" aria-labelledby="kb-files-title" data-testid="kb-files">
      <Title order={3} size="h5" id="kb-files-title">
        {t('title')}
      </Title>
      <FileDownloadList
        files={items}
        size={size}
        label={(f) => t('download', { name: f.fileName })}
        busyId={download.isPending ? download.variables?.id : undefined}
        onDownload={get}
        testId={(f) => `kb-file-${f.id}`}
      />
    </Stack>
  );
}
