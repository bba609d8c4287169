import { useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Modal,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFile, IconPaperclip, IconPhoto, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '@relaydesk/web-tickets';
import { useDownloadKbAttachment, useKbAttachments, type KbAttachment } from '@relaydesk/web-kb';
import { ProblemMessage, useErrorText, useFormat, useUploadFiles } from '@relaydesk/web-ui';
import { preloadStrings } from '../../lazy-strings';
import { useFileSize } from '../tickets/components/detail/file-utils';
import {
  useDeleteKbAttachment,
  useKbDeletedAttachments,
  useUploadKbAttachment,
} from './kb-attachments-api';
import { useKbPermissions } from './hooks';

preloadStrings(['kbFiles']);

/**
 * The article page's files: download each (through the API client, with the session's token),
 * and for editors upload and delete. A deleted file's bytes are gone; its record stays in the
 * API's file history.
 */
export function KbAttachmentsPanel({ articleId }: { articleId: string }) {
  const { t } = useTranslation('kbFiles');
  const fmt = useFormat();
  const size = useFileSize();
  const errorText = useErrorText();
  const { edit } = useKbPermissions();
  const files = useKbAttachments(articleId);
  const download = useDownloadKbAttachment();
  const upload = useUploadKbAttachment(articleId);
  const remove = useDeleteKbAttachment(articleId);
  const [deleting, setDeleting] = useState<KbAttachment | null>(null);
  const [showDeleted, setShowDeleted] = useState(false);
  const deleted = useKbDeletedAttachments(articleId, showDeleted);

  const get = (f: KbAttachment) =>
    download.mutateAsync(f).then(
      (blob) => saveBlob(blob, f.fileName),
      (e: unknown) =>
        notifications.show({
          color: 'red',
          title: t('downloadFailed', { name: f.fileName }),
          message: errorText(e),
        }),
    );
  const uploadFiles = useUploadFiles((name) => t('uploadFailed', { name }));
  const send = (picked: File[]) => uploadFiles(picked, (file) => upload.mutateAsync(file));

  const items = files.data?.items ?? [];
  return (
    <Card withBorder padding="md" mt="md" data-testid="kb-files">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5">
            {t('title')}
          </Title>
          {edit && (
            <FileButton
              onChange={(picked) => void send(picked)}
              multiple
              inputProps={
                { 'data-testid': 'kb-files-panel-input' } as React.ComponentProps<'input'>
              }
            >
              {(props) => (
                <Button
                  {...props}
                  variant="subtle"
                  size="xs"
                  loading={upload.isPending}
                  leftSection={<IconPaperclip size={16} aria-hidden />}
                >
                  {t('attach')}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {files.isError && <ProblemMessage error={files.error} />}
        {files.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('empty')}
          </Text>
        )}
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((f) => {
            const Icon = f.inline ? IconPhoto : IconFile;
            return (
              <Group
                key={f.id}
                component="li"
                gap="sm"
                wrap="nowrap"
                data-testid={`kb-file-${f.id}`}
              >
                <Icon size={20} aria-hidden color="var(--mantine-color-dimmed)" />
                <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    ta="left"
                    truncate
                    onClick={() => void get(f)}
                  >
                    {f.fileName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {size(f.sizeBytes)} · {fmt.dateTime(f.createdAt)}
                    {f.uploadedBy ? ` · ${f.uploadedBy.name}` : ''}
                  </Text>
                </Stack>
                {f.inline && (
                  <Badge variant="light" color="gray" size="sm">
                    {t('image')}
                  </Badge>
                )}
                <ActionIcon
                  variant="subtle"
                  loading={download.isPending && download.variables?.id === f.id}
                  onClick={() => void get(f)}
                  aria-label={t('download', { name: f.fileName })}
                  data-testid={`kb-file-download-${f.id}`}
                >
                  <IconDownload size={18} aria-hidden />
                </ActionIcon>
                {edit && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => setDeleting(f)}
                    aria-label={t('delete', { name: f.fileName })}
                    data-testid={`kb-file-delete-${f.id}`}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            );
          })}
        </Stack>
        {edit && (
          <Anchor
            component="button"
            type="button"
            size="xs"
            ta="left"
            aria-expanded={showDeleted}
            onClick={() => setShowDeleted((v) => !v)}
            data-testid="kb-files-deleted-toggle"
          >
            {showDeleted ? t('hideDeleted') : t('showDeleted')}
          </Anchor>
        )}
        {showDeleted && deleted.isSuccess && (
          <Stack gap={4} data-testid="kb-files-deleted">
            {deleted.data.length === 0 && (
              <Text size="xs" c="dimmed">
                {t('noneDeleted')}
              </Text>
            )}
            {deleted.data.map((f) => (
              <Text key={f.id} size="xs" c="dimmed" data-testid={`kb-file-deleted-${f.id}`}>
                {t('deletedBy', {
                  name: f.fileName,
                  date: fmt.dateTime(f.deletedAt ?? ''),
                  by: f.deletedBy?.name ?? '—',
                })}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t('deleteTitle')}>
        <Text mb="md">{t('deleteText', { name: deleting?.fileName ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setDeleting(null)}>
            {t('cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            data-testid="kb-file-delete-confirm"
            onClick={() => {
              if (!deleting) return;
              remove.mutate(deleting.id, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('deleted') });
                  setDeleting(null);
                },
                onError: (e) =>
                  notifications.show({
                    color: 'red',
                    title: t('deleteFailed'),
                    message: errorText(e),
                  }),
              });
            }}
          >
            {t('deleteConfirm')}
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}
