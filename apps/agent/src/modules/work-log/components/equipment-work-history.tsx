import { Anchor, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import { useWorkReportPages } from '../hooks';
import { hoursMinutes } from '../work-format';

/**
 * The work done on an equipment item: the entries of the tickets about it (the work report
 * filtered by the ticket's equipment), newest first, with the totals over all of them. The same
 * tickets as the card's ticket list: a component's work is on the component's own card.
 */
export function EquipmentWorkHistory({
  equipmentId,
  hasComponents = false,
}: {
  equipmentId: string;
  hasComponents?: boolean;
}) {
  const { t } = useTranslation(['workLog', 'common']);
  const format = useFormat();
  const report = useWorkReportPages({ equipmentId, groupBy: 'ticket', limit: 50 });
  const { items, totals } = report;
  if (report.isLoading) return <Loader size="sm" role="status" aria-label={t('equipment.title')} />;
  if (report.error && !report.isFetchNextPageError) return <ProblemMessage error={report.error} />;
  return (
    <Stack gap="xs">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('equipment.empty')}
        </Text>
      ) : (
        <>
          {totals && (
            <Group gap="lg" data-testid="equipment-work-totals">
              <Text size="sm">
                {t('report.done')}: <b>{hoursMinutes(totals.durationSeconds)}</b>
              </Text>
              <Text size="sm">
                {t('report.billed')}: <b>{hoursMinutes(totals.billedSeconds)}</b>
              </Text>
              <Text size="sm">
                {t('report.amount')}: <b>{totals.amount.toFixed(2)}</b>
              </Text>
              <Text size="sm" c="dimmed">
                {t('equipment.tickets', { count: report.groups.length })}
              </Text>
            </Group>
          )}
          <Table.ScrollContainer minWidth={720}>
            <Table striped data-testid="equipment-work-entries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.date')}</Table.Th>
                  <Table.Th>{t('columns.ticket')}</Table.Th>
                  <Table.Th>{t('columns.who')}</Table.Th>
                  <Table.Th>{t('columns.activity')}</Table.Th>
                  <Table.Th>{t('columns.done')}</Table.Th>
                  <Table.Th>{t('columns.billed')}</Table.Th>
                  <Table.Th>{t('columns.kind')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((e) => (
                  <Table.Tr key={e.id} data-testid="equipment-work-entry">
                    <Table.Td>{format.date(e.workDate)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/tickets/${e.ticketNumber}`}>
                        #{e.ticketNumber}
                      </Anchor>{' '}
                      {e.ticketSubject}
                      {e.description ? (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {e.description}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{e.user?.name}</Table.Td>
                    <Table.Td>{e.billingItem?.name ?? ''}</Table.Td>
                    <Table.Td>{hoursMinutes(e.durationSeconds ?? 0)}</Table.Td>
                    <Table.Td>{hoursMinutes(e.billedSeconds)}</Table.Td>
                    <Table.Td>{t(`kind.${e.kind}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {report.isFetchNextPageError && <ProblemMessage error={report.error} />}
      {report.hasNextPage && (
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => void report.fetchNextPage()}
            loading={report.isFetchingNextPage}
            data-testid="equipment-work-more"
          >
            {t('common:loadMore')}
          </Button>
        </Group>
      )}
      {hasComponents && (
        <Text size="xs" c="dimmed">
          {t('equipment.componentsHint')}
        </Text>
      )}
    </Stack>
  );
}
