import { Badge, Button, Code, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import type { WebhookDelivery } from '../api';
import { useRedeliverWebhook, useWebhookDeliveries } from '../hooks';

const STATUS_COLOR: Record<WebhookDelivery['status'], string> = {
  pending: 'yellow',
  delivered: 'green',
  failed: 'red',
};

/** An endpoint's delivery log: each message's state, its last answer, and "send again". */
export function WebhookDeliveries({ endpointId }: { endpointId: string }) {
  const { t } = useTranslation('webhooksAdmin');
  const format = useFormat();
  const log = useWebhookDeliveries(endpointId);
  const redeliver = useRedeliverWebhook(endpointId);

  if (log.error) return <ProblemMessage error={log.error} />;
  if (!log.data) return <Loader role="status" aria-label="Loading" size="sm" />;
  const items = log.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Text size="sm">{t('noDeliveries')}</Text>;

  return (
    <Stack gap="xs" data-testid="webhook-deliveries">
      {redeliver.error && <ProblemMessage error={redeliver.error} />}
      <Table striped withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('log.created')}</Table.Th>
            <Table.Th>{t('log.event')}</Table.Th>
            <Table.Th>{t('log.status')}</Table.Th>
            <Table.Th>{t('log.code')}</Table.Th>
            <Table.Th>{t('log.time')}</Table.Th>
            <Table.Th>{t('log.answer')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={d.id} data-testid="webhook-delivery-row">
              <Table.Td>{format.dateTime(d.createdAt)}</Table.Td>
              <Table.Td>
                <Code>{d.eventType}</Code>
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[d.status]} variant="dot" miw="max-content">
                  {t(`status.${d.status}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t('log.attempts', { count: d.attempts })}
                  {d.nextAttemptAt
                    ? ` · ${t('log.next', { date: format.dateTime(d.nextAttemptAt) })}`
                    : ''}
                </Text>
              </Table.Td>
              <Table.Td>{d.lastStatusCode ?? '—'}</Table.Td>
              <Table.Td>{d.lastDurationMs === null ? '—' : `${d.lastDurationMs} ms`}</Table.Td>
              <Table.Td maw={320}>
                {d.lastError && (
                  <Text size="xs" c="red">
                    {d.lastError}
                  </Text>
                )}
                {d.lastResponseExcerpt && (
                  <Text size="xs" ff="monospace" lineClamp={3} style={{ wordBreak: 'break-all' }}>
                    {d.lastResponseExcerpt}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  loading={redeliver.isPending && redeliver.variables === d.id}
                  onClick={() => redeliver.mutate(d.id)}
                  data-testid="webhook-redeliver"
                >
                  {t('redeliver')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {log.hasNextPage && (
        <Group>
          <Button
            variant="subtle"
            loading={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {t('more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
