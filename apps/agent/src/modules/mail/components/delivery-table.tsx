import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '@relaydesk/web-ui';
import type { Delivery, DeliveryStatus } from '../api';

const STATUS_COLOR: Record<DeliveryStatus, string> = {
  pending: 'yellow',
  sent: 'green',
  failed: 'red',
  suppressed: 'gray',
};

/** Deliveries as rows; a failed one stands out (red row and badge) with the server's reply under it. */
export function DeliveryTable({
  items,
  showTicket = false,
  testId,
}: {
  items: Delivery[];
  showTicket?: boolean;
  testId: string;
}) {
  const { t } = useTranslation('mail');
  const fmt = useFormat();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped={false} verticalSpacing={4} fz="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {showTicket && <Table.Th>{t('columns.ticket')}</Table.Th>}
            <Table.Th>{t('columns.recipient')}</Table.Th>
            <Table.Th>{t('columns.kind')}</Table.Th>
            <Table.Th>{t('columns.status')}</Table.Th>
            <Table.Th>{t('columns.attempts')}</Table.Th>
            <Table.Th>{t('columns.sentAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr
              key={d.id}
              data-testid={`delivery-${d.id}`}
              data-status={d.status}
              bg={d.status === 'failed' ? 'var(--mantine-color-red-light)' : undefined}
            >
              {showTicket && (
                <Table.Td>
                  {d.ticket ? (
                    <Link to={`/tickets/${d.ticket.number}`}>#{d.ticket.number}</Link>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm">{d.recipientName ?? d.recipient}</Text>
                <Text size="xs" c="dimmed">
                  {t(`channel.${d.channel}`)}
                  {d.recipientName ? ` · ${d.recipient}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>{t(`kind.${d.kind}`, { defaultValue: d.kind })}</Table.Td>
              <Table.Td>
                <Badge
                  color={STATUS_COLOR[d.status]}
                  variant="light"
                  size="sm"
                  style={{ minWidth: 'max-content' }}
                >
                  {t(`status.${d.status}`)}
                </Badge>
                {d.lastError && (
                  <Text
                    size="xs"
                    c={d.status === 'failed' ? 'red.8' : 'dimmed'}
                    miw={140}
                    maw={320}
                    title={t('columns.lastError')}
                  >
                    {d.lastError}
                  </Text>
                )}
                {d.bounce && (
                  // A bounce (DSN) that came back after the message was sent: 5.x.x means the
                  // address does not take mail, 4.x.x a delay the remote server still retries.
                  <Text
                    size="xs"
                    c={d.bounce.permanent ? 'red.8' : 'dimmed'}
                    maw={320}
                    data-testid={`delivery-bounce-${d.id}`}
                  >
                    <Badge color={d.bounce.permanent ? 'red' : 'yellow'} variant="light" size="xs">
                      {t(d.bounce.permanent ? 'bounce.permanent' : 'bounce.delay')}
                    </Badge>{' '}
                    {[d.bounce.status, d.bounce.diagnostic].filter(Boolean).join(' · ')}
                  </Text>
                )}
                {d.status === 'pending' && d.nextAttemptAt && d.attempts > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('nextAttempt', { at: fmt.dateTime(d.nextAttemptAt) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{d.attempts}</Table.Td>
              <Table.Td>{d.sentAt ? fmt.dateTime(d.sentAt) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
