import { useState } from 'react';
import { Anchor, Group, Loader, Stack, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProblemMessage, useErrorText, useFormat } from '@relaydesk/web-ui';
import type { Attachment } from '../api';
import { saveBlob } from '@relaydesk/web-tickets';
import { useDownloadAttachment, useTicketAttachments, useUploadAttachment } from '../hooks';
import { Loading } from './loading';
import { UploadZone } from './upload-zone';
import { useFileSize } from './use-file-size';

/** The ticket's files: download with the session's token, upload by picking or dropping. */
export function TicketFiles({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation(['tickets', 'common']);
  const format = useFormat();
  const size = useFileSize();
  const errorText = useErrorText();
  const attachments = useTicketAttachments(ticketId);
  const download = useDownloadAttachment();
  const upload = useUploadAttachment();
  const [uploading, setUploading] = useState(false);

  const onDownload = (a: Attachment) =>
    download.mutate(a.id, {
      onSuccess: (blob) => saveBlob(blob, a.fileName),
      onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
    });

  const onFiles = async (files: File[]) => {
    setUploading(true);
    for (const file of files) {
      try {
        await upload.mutateAsync({ ticketId, file });
        notifications.show({ color: 'green', message: t('ticket.uploaded', { name: file.name }) });
      } catch (error) {
        notifications.show({
          color: 'red',
          autoClose: false,
          message: t('ticket.uploadFailed', { name: file.name, error: errorText(error) }),
        });
      }
    }
    setUploading(false);
  };

  const items = attachments.data?.items ?? [];
  return (
    <Stack gap="sm">
      {attachments.isPending ? (
        <Loading size="sm" />
      ) : attachments.isError ? (
        <ProblemMessage error={attachments.error} />
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('ticket.noFiles')}
        </Text>
      ) : (
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((a) => (
            <Group key={a.id} component="li" gap="xs" wrap="nowrap" align="flex-start">
              <IconPaperclip size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
              <div style={{ minWidth: 0 }}>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => onDownload(a)}
                  aria-label={t('ticket.download', { name: a.fileName })}
                  style={{ overflowWrap: 'anywhere', textAlign: 'start' }}
                  data-testid={`portal-attachment-${a.id}`}
                >
                  {a.fileName}
                </Anchor>
                {download.isPending && download.variables === a.id && (
                  <Loader size={12} ml={6} role="status" aria-label={t('common:loading')} />
                )}
                <Text size="xs" c="dimmed">
                  {size(a.sizeBytes)} · {format.dateTime(a.createdAt)}
                </Text>
              </div>
            </Group>
          ))}
        </Stack>
      )}
      <UploadZone
        label={t('ticket.upload')}
        onFiles={(files) => void onFiles(files)}
        busy={uploading}
        testId="portal-upload"
      />
    </Stack>
  );
}
