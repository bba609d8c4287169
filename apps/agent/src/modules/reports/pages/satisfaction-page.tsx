import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Center,
  Group,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Permission, roleHasPermission } from '@relaydesk/contracts';
import { useUser } from '@relaydesk/web-auth';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import { preloadStrings } from '../../../lazy-strings';
import type { SatisfactionQuery } from '../api';
import { PeriodFields, usePeriod } from '../components/period-fields';
import { RatingDistribution } from '../components/rating-distribution';
import { useSatisfactionReport } from '../hooks';

preloadStrings(['reports']);

type GroupBy = 'day' | 'week' | 'month';
/** /reports/satisfaction (admins, dispatchers): ratings over a period. */
export default function SatisfactionPage() {
  const { t } = useTranslation(['reports', 'common']);
  useDocumentTitle(`${t('title')} · ${t('common:appName')}`);
  const user = useUser();
  const format = useFormat();
  const period = usePeriod();
  const [groupBy, setGroupBy] = useState<GroupBy>('week');
  const query: SatisfactionQuery = { ...period.query, groupBy };
  const report = useSatisfactionReport(query);
  const allowed = roleHasPermission(user.role, Permission.ReportsView);

  if (!allowed) {
    return (
      <Stack gap="md">
        <Title order={2}>{t('title')}</Title>
        <Alert color="red" variant="light" role="alert">
          {t('forbidden')}
        </Alert>
      </Stack>
    );
  }

  const data = report.data;
  const average = (n: number | null | undefined) =>
    n == null ? '—' : new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(n);

  return (
    <Stack gap="md" data-testid="satisfaction-report">
      <Title order={2}>{t('title')}</Title>
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Group align="flex-end" gap="md">
            <PeriodFields period={period} idPrefix="report" testIdPrefix="report" />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="report-group-label">
                {t('period.groupBy')}
              </Text>
              <SegmentedControl
                aria-labelledby="report-group-label"
                value={groupBy}
                onChange={(value) => setGroupBy(value as GroupBy)}
                data={(['day', 'week', 'month'] as const).map((g) => ({
                  value: g,
                  label: t(`period.${g}`),
                }))}
                data-testid="report-group-by"
              />
            </Stack>
          </Group>
        </Stack>
      </Card>

      {report.isPending ? (
        <Center p="xl">
          <Loader role="status" aria-label={t('common:loading')} />
        </Center>
      ) : !data ? (
        <Stack align="flex-start">
          <ProblemMessage error={report.error} />
          <Button variant="default" onClick={() => void report.refetch()}>
            {t('common:reload')}
          </Button>
        </Stack>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Card withBorder padding="md">
              <Text size="sm" c="dimmed">
                {t('summary.average')}
              </Text>
              <Text fz={36} fw={700} data-testid="report-average">
                {average(data.average)}
                {data.average != null && (
                  <Text span fz="lg" c="dimmed">
                    {' '}
                    / 5
                  </Text>
                )}
              </Text>
              <Text size="sm" data-testid="report-count">
                {t('summary.count', { count: data.count, formatted: format.number(data.count) })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('summary.range', {
                  from: format.date(data.from),
                  // `to` is exclusive: show the last day the range covers.
                  to: format.date(new Date(Date.parse(data.to) - 1).toISOString()),
                })}
              </Text>
            </Card>
            <Card withBorder padding="md" style={{ gridColumn: 'span 2' }}>
              <Title order={3} size="h5" mb="sm">
                {t('distribution.title')}
              </Title>
              <RatingDistribution report={data} />
            </Card>
          </SimpleGrid>

          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder padding="md">
              <Title order={3} size="h5" mb="sm" id="report-by-agent">
                {t('byAgent.title')}
              </Title>
              {data.byAgent.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('empty')}
                </Text>
              ) : (
                <Table aria-labelledby="report-by-agent" data-testid="report-by-agent">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('byAgent.agent')}</Table.Th>
                      <Table.Th ta="right">{t('byAgent.count')}</Table.Th>
                      <Table.Th ta="right">{t('byAgent.average')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.byAgent.map((a) => (
                      <Table.Tr key={a.agentId ?? 'none'}>
                        <Table.Td>{a.name ?? t('byAgent.unassigned')}</Table.Td>
                        <Table.Td ta="right">{format.number(a.count)}</Table.Td>
                        <Table.Td ta="right">{average(a.average)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
            <Card withBorder padding="md">
              <Title order={3} size="h5" mb="sm" id="report-by-period">
                {t('byPeriod.title')}
              </Title>
              {data.byPeriod.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('empty')}
                </Text>
              ) : (
                <Table aria-labelledby="report-by-period" data-testid="report-by-period">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t(`byPeriod.${groupBy}`)}</Table.Th>
                      <Table.Th ta="right">{t('byAgent.count')}</Table.Th>
                      <Table.Th ta="right">{t('byAgent.average')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.byPeriod.map((p) => (
                      <Table.Tr key={p.period}>
                        <Table.Td>{format.date(`${p.period}T00:00:00`)}</Table.Td>
                        <Table.Td ta="right">{format.number(p.count)}</Table.Td>
                        <Table.Td ta="right">{average(p.average)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
