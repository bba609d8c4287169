import { Button, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '@relaydesk/web-tickets';
import { FileDownloadList, useErrorText } from '@relaydesk/web-ui';
import { useFileSize } from '../../tickets/components/use-file-size';
import { useContractDocuments, useDownloadContractDocument } from '../hooks';

/**
 * The documents staff shared with the client on one contract (the API lists no other to a
 * client), as downloads through the API client: the token never goes in a URL. Closed at first
 * and asked for when opened: the contracts page lists every contract, and one request per card
 * would grow with them.
 */
export function ContractDocuments({ contractId }: { contractId: string }) {
  const { t } = useTranslation('contractDocuments');
  const [open, setOpen] = useState(false);
  const size = useFileSize();
  const errorText = useErrorText();
  const docs = useContractDocuments(contractId, open);
  const download = useDownloadContractDocument();
  const items = docs.data?.items ?? [];
  const listId = `contract-documents-${contractId}`;
  return (
    <Stack gap={4} mt="xs" component="section" data-testid="contract-documents">
      <Button
        variant="subtle"
        size="compact-sm"
        justify="flex-start"
        mih={40}
        px={4}
        w="fit-content"
        aria-expanded={open}
        aria-controls={listId}
        leftSection={
          open ? (
            <IconChevronDown size={16} aria-hidden />
          ) : (
            <IconChevronRight size={16} aria-hidden />
          )
        }
        onClick={() => setOpen((o) => !o)}
        data-testid="contract-documents-toggle"
      >
        {docs.data ? t('titleCount', { n: items.length }) : t('title')}
      </Button>
      <div id={listId} hidden={!open}>
        {!open ? null : docs.isPending ? (
          <Loader size="xs" aria-label={t('loading')} />
        ) : docs.isError ? (
          <Text size="sm" c="red" role="alert">
            {errorText(docs.error)}
          </Text>
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="contract-documents-empty">
            {t('empty')}
          </Text>
        ) : (
          <FileDownloadList
            files={items}
            size={size}
            label={(d) => t('download', { name: d.fileName })}
            busyId={download.isPending ? download.variables?.id : undefined}
            onDownload={(d) =>
              download.mutate(d, {
                onSuccess: (blob) => saveBlob(blob, d.fileName),
                onError: (e) =>
                  notifications.show({
                    color: 'red',
                    title: t('downloadFailed', { name: d.fileName }),
                    message: errorText(e),
                  }),
              })
            }
            testId={() => 'contract-document'}
            gap={2}
          />
        )}
      </div>
    </Stack>
  );
}
