import { ActionIcon, Anchor, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFile, IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorText, useFormat } from '@relaydesk/web-ui';
import type { Attachment } from '../../api';
import { useDownloadAttachment } from '../../hooks';
import { saveBlob } from '@relaydesk/web-tickets';
import { useFileSize } from './file-utils';
import { InternalBadge } from './internal-badge';

/** Files with a download action each (fetched with the session's token, never via URL). */
export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  const { t } = useTranslation('ticketDetail');
  const fmt = useFormat();
  const size = useFileSize();
  const errorText = useErrorText();
  const download = useDownloadAttachment();

  // mutateAsync: each click's own promise settles, even when several downloads overlap.
  const get = (a: Attachment) =>
    download.mutateAsync(a.id).then(
      (blob) => saveBlob(blob, a.fileName),
      (e: unknown) =>
        notifications.show({
          color: 'red',
          title: t('attachments.downloadFailed', { name: a.fileName }),
          message: errorText(e),
        }),
    );

  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {attachments.map((a) => {
        const loading = download.isPending && download.variables === a.id;
        const Icon = a.contentType.startsWith('image/') ? IconPhoto : IconFile;
        return (
          <Group
            key={a.id}
            component="li"
            gap="sm"
            wrap="nowrap"
            data-testid={`attachment-${a.id}`}
            data-internal={a.internal}
          >
            <Icon size={20} aria-hidden color="var(--mantine-color-dimmed)" />
            <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
              <Anchor
                component="button"
                type="button"
                size="sm"
                ta="left"
                truncate
                onClick={() => void get(a)}
              >
                {a.fileName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {size(a.sizeBytes)} · {fmt.dateTime(a.createdAt)}
              </Text>
            </Stack>
            {a.internal && <InternalBadge>{t('attachments.internal')}</InternalBadge>}
            <ActionIcon
              variant="subtle"
              loading={loading}
              onClick={() => void get(a)}
              aria-label={t('attachments.download', { name: a.fileName })}
              data-testid={`attachment-download-${a.id}`}
            >
              <IconDownload size={18} aria-hidden />
            </ActionIcon>
          </Group>
        );
      })}
    </Stack>
  );
}
