import { Badge, Button, Card, Collapse, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '@relaydesk/web-ui';
import { useTicketDeliveries } from '../hooks';
import { DeliveryTable } from './delivery-table';

/**
 * The e-mails and SMS sent about the ticket (staff): folded by default, with the number that
 * failed next to the heading so a bounce is seen without opening it.
 */
export function TicketDeliveriesCard({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('mail');
  const [opened, { toggle }] = useDisclosure(false);
  const deliveries = useTicketDeliveries(ticketId);
  const items = deliveries.data?.pages.flatMap((p) => p.items) ?? [];
  const failed = items.filter((d) => d.status === 'failed').length;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="deliveries-heading"
      data-testid="ticket-deliveries"
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Title order={3} size="h5" id="deliveries-heading">
              {t('deliveries.heading')}
            </Title>
            <Text size="sm" c="dimmed">
              {items.length}
              {deliveries.hasNextPage ? '+' : ''}
            </Text>
            {failed > 0 && (
              <Badge color="red" variant="filled" size="sm" data-testid="deliveries-failed">
                {t('deliveries.failedCount', { count: failed })}
              </Badge>
            )}
          </Group>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={toggle}
            aria-expanded={opened}
            aria-controls="deliveries-body"
            title={t('deliveries.toggle')}
            data-testid="deliveries-toggle"
          >
            {opened ? t('deliveries.hide') : t('deliveries.show')}
          </Button>
        </Group>
        <Collapse expanded={opened} id="deliveries-body">
          {deliveries.isError ? (
            <ProblemMessage error={deliveries.error} />
          ) : items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('deliveries.empty')}
            </Text>
          ) : (
            <Stack gap="xs">
              <DeliveryTable items={items} testId="ticket-deliveries-table" />
              {deliveries.hasNextPage && (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => void deliveries.fetchNextPage()}
                  loading={deliveries.isFetchingNextPage}
                >
                  {t('deliveries.loadMore')}
                </Button>
              )}
            </Stack>
          )}
        </Collapse>
      </Stack>
    </Card>
  );
}
