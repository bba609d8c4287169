import { Alert, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '@relaydesk/web-auth';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import { mailboxesApi } from '../api';
import { useFailedMessages, useRetryFailedMessage } from '../hooks';

/** Hands the .eml to the browser's "save" without putting anything in a URL. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Messages of one mailbox the ingest could not process: the error, and the .eml to look at. */
export function MailboxFailedMessages({ mailboxId }: { mailboxId: string }) {
  const { t } = useTranslation('mailboxesAdmin');
  const format = useFormat();
  const api = useApi();
  const list = useFailedMessages(mailboxId);
  const retry = useRetryFailedMessage(mailboxId);
  if (list.error) return <ProblemMessage error={list.error} />;
  if (!list.data) return <Loader size="sm" role="status" aria-label="Loading" />;
  const outcome = retry.data && (
    <Alert color={retry.data.result === 'failed' ? 'red' : 'green'} variant="light" role="status">
      {t('failed.retried', { result: t(`failed.results.${retry.data.result}`) })}
    </Alert>
  );
  if (list.data.length === 0) {
    return (
      <Stack gap="xs">
        {outcome}
        <Text size="sm">{t('failed.empty')}</Text>
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      {outcome}
      {retry.error && <ProblemMessage error={retry.error} />}
      <Table withTableBorder data-testid="mailbox-failed-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('failed.received')}</Table.Th>
            <Table.Th>{t('failed.from')}</Table.Th>
            <Table.Th>{t('failed.subject')}</Table.Th>
            <Table.Th>{t('failed.error')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data.map((m) => (
            <Table.Tr key={m.id} data-testid="mailbox-failed-row">
              <Table.Td>{format.dateTime(m.receivedAt)}</Table.Td>
              <Table.Td>{m.fromAddress ?? '—'}</Table.Td>
              <Table.Td>{m.subject || t('failed.noSubject')}</Table.Td>
              <Table.Td>
                <Text size="sm" c="red" style={{ wordBreak: 'break-word' }}>
                  {m.error}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    loading={retry.isPending && retry.variables === m.id}
                    onClick={() => retry.mutate(m.id)}
                    data-testid="mailbox-failed-retry"
                  >
                    {t('failed.retry')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() =>
                      void mailboxesApi
                        .raw(api, mailboxId, m.id)
                        .then((b) => saveBlob(b, `message-${m.id}.eml`))
                    }
                  >
                    {t('failed.download')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
