import { useState } from 'react';
import { CloseButton, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '@relaydesk/web-ui';
import { useUploadAttachment } from '../../hooks';
import { useFileSize } from './file-utils';

interface Upload {
  key: number;
  name: string;
  size: number;
  state: 'waiting' | 'uploading' | 'done' | 'failed';
  error?: string;
}

let nextKey = 1;

/**
 * Uploads files one after another and remembers how each went, for <UploadList/>. Finished
 * ones disappear shortly after (they show up in the attachment list); failures stay until
 * dismissed.
 */
export function useUploadQueue() {
  const upload = useUploadAttachment();
  const errorText = useErrorText();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const patch = (key: number, p: Partial<Upload>) =>
    setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...p } : u)));

  /** Resolves with how many files failed. */
  const add = async (ticketId: string, files: File[], commentId?: string): Promise<number> => {
    const batch = files.map((f) => ({
      key: nextKey++,
      name: f.name,
      size: f.size,
      state: 'waiting' as const,
    }));
    setUploads((all) => [...all, ...batch]);
    let failed = 0;
    for (const [i, file] of files.entries()) {
      const { key } = batch[i];
      patch(key, { state: 'uploading' });
      try {
        await upload.mutateAsync({ ticketId, file, commentId });
        patch(key, { state: 'done' });
        setTimeout(() => setUploads((all) => all.filter((u) => u.key !== key)), 2500);
      } catch (e) {
        failed += 1;
        patch(key, { state: 'failed', error: errorText(e) });
      }
    }
    return failed;
  };

  const dismiss = (key: number) => setUploads((all) => all.filter((u) => u.key !== key));
  const busy = uploads.some((u) => u.state === 'waiting' || u.state === 'uploading');
  return { uploads, add, dismiss, busy };
}

export function UploadList({ queue }: { queue: ReturnType<typeof useUploadQueue> }) {
  const { t } = useTranslation('ticketDetail');
  const size = useFileSize();
  if (queue.uploads.length === 0) return null;
  return (
    <Stack gap="xs" aria-live="polite" data-testid="upload-list">
      {queue.uploads.map((u) => (
        <Stack key={u.key} gap={4} data-testid="upload-item" data-state={u.state}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              {u.state === 'done' && (
                <IconCheck size={16} color="var(--mantine-color-green-7)" aria-hidden />
              )}
              {u.state === 'failed' && (
                <IconAlertCircle size={16} color="var(--mantine-color-red-7)" aria-hidden />
              )}
              <Text size="sm" truncate>
                {u.name}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {size(u.size)}
              </Text>
            </Group>
            <Text size="xs" c={u.state === 'failed' ? 'red.8' : 'dimmed'}>
              {t(`attachments.state.${u.state}`)}
            </Text>
            {u.state === 'failed' && (
              <CloseButton
                size="sm"
                aria-label={t('attachments.dismiss', { name: u.name })}
                onClick={() => queue.dismiss(u.key)}
              />
            )}
          </Group>
          {u.state === 'uploading' && (
            <Progress value={100} animated striped size="sm" aria-label={u.name} />
          )}
          {u.state === 'failed' && (
            <Text size="xs" c="red.8" role="alert">
              {u.error}
            </Text>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
