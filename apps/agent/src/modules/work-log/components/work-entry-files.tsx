import { ActionIcon, Anchor, FileButton, Group, Stack, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '@relaydesk/web-tickets';
import { useErrorText, useUploadFiles } from '@relaydesk/web-ui';
import { preloadStrings } from '../../../lazy-strings';
import {
  useDeleteWorkEntryFile,
  useDownloadWorkEntryFile,
  useUploadWorkEntryFile,
  type WorkEntryFile,
} from '../entry-files';

preloadStrings(['recordFiles']);

/** An entry's files under its description: download, delete (staff only, like the entry). */
export function WorkEntryFiles({ ticketId, files }: { ticketId: string; files: WorkEntryFile[] }) {
  const { t } = useTranslation('recordFiles');
  const errorText = useErrorText();
  const download = useDownloadWorkEntryFile();
  const remove = useDeleteWorkEntryFile(ticketId);
  if (files.length === 0) return null;
  const failed = (title: string) => (e: unknown) =>
    notifications.show({ color: 'red', title, message: errorText(e) });
  return (
    <Stack
      gap={2}
      mt={4}
      component="ul"
      aria-label={t('work.files')}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {files.map((f) => (
        <Group key={f.id} component="li" gap={4} wrap="nowrap" data-testid="work-entry-file">
          <IconPaperclip size={14} aria-hidden />
          <Anchor
            component="button"
            type="button"
            size="xs"
            truncate
            aria-label={t('download', { name: f.fileName })}
            onClick={() =>
              void download
                .mutateAsync(f)
                .then(
                  (blob) => saveBlob(blob, f.fileName),
                  failed(t('downloadFailed', { name: f.fileName })),
                )
            }
          >
            {f.fileName}
          </Anchor>
          <ActionIcon
            size="xs"
            variant="subtle"
            color="red"
            aria-label={t('delete', { name: f.fileName })}
            loading={remove.isPending && remove.variables?.id === f.id}
            onClick={() => remove.mutate(f, { onError: failed(t('deleteFailed')) })}
          >
            <IconX size={12} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
    </Stack>
  );
}

/** The paperclip in an entry's row: one or more files onto that entry. */
export function WorkEntryAttachButton({
  ticketId,
  entryId,
}: {
  ticketId: string;
  entryId: string;
}) {
  const { t } = useTranslation('recordFiles');
  const upload = useUploadWorkEntryFile(ticketId);
  const uploadFiles = useUploadFiles((name) => t('uploadFailed', { name }));
  const send = (picked: File[]) =>
    uploadFiles(picked, (file) => upload.mutateAsync({ entryId, file }));
  return (
    <FileButton
      onChange={(picked) => void send(picked)}
      multiple
      inputProps={{ 'data-testid': 'work-entry-file-input' } as React.ComponentProps<'input'>}
    >
      {(props) => (
        <Tooltip label={t('work.attach')}>
          <ActionIcon
            {...props}
            variant="subtle"
            aria-label={t('work.attach')}
            loading={upload.isPending}
          >
            <IconPaperclip size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </FileButton>
  );
}
