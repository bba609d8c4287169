import { useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileButton,
  Group,
  Modal,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFile, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '@relaydesk/web-tickets';
import { ProblemMessage, useErrorText, useFormat, useUploadFiles } from '@relaydesk/web-ui';
import { preloadStrings } from '../../lazy-strings';
import { Section, useMayManageRegisters } from '../registers/registers-shared';
import { useFileSize } from '../tickets/components/detail/file-utils';
import type { ContractDocument } from './api';
import {
  useContractDocuments,
  useDeleteContractDocument,
  useDownloadContractDocument,
  useShareContractDocument,
  useUploadContractDocument,
} from './hooks';

preloadStrings(['recordFiles']);

/**
 * The contract card's documents: everyone on staff downloads them; those who manage the
 * registers upload (staff only, or shared with the client), share or unshare and delete. A
 * deleted document's bytes are gone; its line stays in the file history.
 */
export function ContractDocumentsSection({ contractId }: { contractId: string }) {
  const { t } = useTranslation('recordFiles');
  const fmt = useFormat();
  const size = useFileSize();
  const errorText = useErrorText();
  const manage = useMayManageRegisters();
  const [showDeleted, setShowDeleted] = useState(false);
  const [shareNew, setShareNew] = useState(false);
  const [deleting, setDeleting] = useState<ContractDocument | null>(null);
  const docs = useContractDocuments(contractId, showDeleted);
  const upload = useUploadContractDocument(contractId);
  const share = useShareContractDocument(contractId);
  const remove = useDeleteContractDocument(contractId);
  const download = useDownloadContractDocument();

  const failed = (title: string) => (e: unknown) =>
    notifications.show({ color: 'red', title, message: errorText(e) });
  const get = (d: ContractDocument) =>
    download
      .mutateAsync(d)
      .then(
        (blob) => saveBlob(blob, d.fileName),
        failed(t('downloadFailed', { name: d.fileName })),
      );
  const uploadFiles = useUploadFiles((name) => t('uploadFailed', { name }));
  const send = (picked: File[]) =>
    uploadFiles(picked, (file) => upload.mutateAsync({ file, shared: shareNew }));

  const items = docs.data?.items ?? [];
  const live = items.filter((d) => !d.deletedAt);
  const gone = items.filter((d) => d.deletedAt);
  return (
    <Section
      title={t('documents.title')}
      testId="contract-documents"
      actions={
        manage && (
          <Group gap="sm">
            <Checkbox
              size="xs"
              label={t('documents.shareNew')}
              checked={shareNew}
              onChange={(e) => setShareNew(e.currentTarget.checked)}
              data-testid="contract-documents-share-new"
            />
            <FileButton
              onChange={(picked) => void send(picked)}
              multiple
              inputProps={
                { 'data-testid': 'contract-documents-input' } as React.ComponentProps<'input'>
              }
            >
              {(props) => (
                <Button
                  {...props}
                  variant="light"
                  size="xs"
                  loading={upload.isPending}
                  leftSection={<IconPaperclip size={16} aria-hidden />}
                >
                  {t('documents.attach')}
                </Button>
              )}
            </FileButton>
          </Group>
        )
      }
    >
      {docs.isError && <ProblemMessage error={docs.error} />}
      {docs.isSuccess && live.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('documents.empty')}
        </Text>
      )}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {live.map((d) => (
          <Group key={d.id} component="li" gap="sm" wrap="nowrap" data-testid="contract-document">
            <IconFile size={20} aria-hidden color="var(--mantine-color-dimmed)" />
            <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
              <Anchor
                component="button"
                type="button"
                size="sm"
                ta="left"
                truncate
                onClick={() => void get(d)}
              >
                {d.fileName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {size(d.sizeBytes)} · {fmt.dateTime(d.createdAt)}
                {d.uploadedBy ? ` · ${d.uploadedBy.name}` : ''}
              </Text>
            </Stack>
            {manage ? (
              <Switch
                size="xs"
                label={t('documents.shared')}
                checked={d.shared}
                disabled={share.isPending}
                onChange={(e) =>
                  share.mutate(
                    { doc: d, shared: e.currentTarget.checked },
                    { onError: failed(t('documents.shareFailed')) },
                  )
                }
                data-testid="contract-document-shared"
              />
            ) : (
              <Badge variant="light" color={d.shared ? 'teal' : 'gray'} size="sm">
                {d.shared ? t('documents.shared') : t('documents.staffOnly')}
              </Badge>
            )}
            <ActionIcon
              variant="subtle"
              onClick={() => void get(d)}
              aria-label={t('download', { name: d.fileName })}
            >
              <IconDownload size={18} aria-hidden />
            </ActionIcon>
            {manage && (
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => setDeleting(d)}
                aria-label={t('delete', { name: d.fileName })}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        ))}
      </Stack>
      <Anchor
        component="button"
        type="button"
        size="xs"
        ta="left"
        aria-expanded={showDeleted}
        onClick={() => setShowDeleted((v) => !v)}
      >
        {showDeleted ? t('hideDeleted') : t('showDeleted')}
      </Anchor>
      {showDeleted && docs.isSuccess && (
        <Stack gap={4}>
          {gone.length === 0 && (
            <Text size="xs" c="dimmed">
              {t('noneDeleted')}
            </Text>
          )}
          {gone.map((d) => (
            <Text key={d.id} size="xs" c="dimmed">
              {t('deletedBy', {
                name: d.fileName,
                date: fmt.dateTime(d.deletedAt ?? ''),
                by: d.deletedBy?.name ?? '—',
              })}
            </Text>
          ))}
        </Stack>
      )}
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('deleteTitle')}
        closeButtonProps={{ 'aria-label': t('cancel') }}
      >
        <Text mb="md">{t('deleteText', { name: deleting?.fileName ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setDeleting(null)}>
            {t('cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              deleting &&
              remove.mutate(deleting, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('deleted') });
                  setDeleting(null);
                },
                onError: failed(t('deleteFailed')),
              })
            }
          >
            {t('deleteConfirm')}
          </Button>
        </Group>
      </Modal>
    </Section>
  );
}
