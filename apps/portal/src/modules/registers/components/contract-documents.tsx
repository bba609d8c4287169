import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { unwrap, type Schemas } from '@relaydesk/api-client';
import { useApi } from '@relaydesk/web-auth';
import { saveBlob } from '@relaydesk/web-tickets';
import { useErrorText } from '@relaydesk/web-ui';
import { useFileSize } from '../../tickets/components/use-file-size';

type ContractDocument = Schemas['ContractDocumentDto'];

/**
 * The documents staff shared with the client on one contract (the API lists no other to a
 * client), as downloads through the API client: the token never goes in a URL. Nothing shows
 * when none is shared.
 */
export function ContractDocuments({ contractId }: { contractId: string }) {
  const { t } = useTranslation('contractDocuments');
  const api = useApi();
  const size = useFileSize();
  const errorText = useErrorText();
  const docs = useQuery({
    queryKey: ['contract-documents', contractId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/contracts/{id}/documents', { params: { path: { id: contractId } } })),
  });
  const download = useMutation({
    mutationFn: (d: ContractDocument) =>
      unwrap(
        api.GET('/api/v1/contracts/{id}/documents/{documentId}', {
          params: { path: { id: d.contractId, documentId: d.id } },
          parseAs: 'blob',
        }),
      ) as Promise<Blob>,
  });
  const items = docs.data?.items ?? [];
  if (items.length === 0) return null;
  const labelId = `contract-documents-${contractId}`;
  return (
    <Stack
      gap={4}
      mt="xs"
      component="section"
      aria-labelledby={labelId}
      data-testid="contract-documents"
    >
      <Text size="sm" fw={600} id={labelId}>
        {t('title')}
      </Text>
      <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((d) => (
          <li key={d.id}>
            <Button
              variant="subtle"
              justify="flex-start"
              fullWidth
              mih={40}
              h="auto"
              py={6}
              leftSection={<IconDownload size={18} aria-hidden />}
              loading={download.isPending && download.variables?.id === d.id}
              aria-label={t('download', { name: d.fileName })}
              data-testid="contract-document"
              styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
              onClick={() =>
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
            >
              <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
                {d.fileName}
              </Text>
              <Text span size="xs" c="dimmed" ml={8}>
                {size(d.sizeBytes)}
              </Text>
            </Button>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
