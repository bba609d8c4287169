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
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Permission, roleHasPermission } from '@relaydesk/contracts';
import { useUser } from '@relaydesk/web-auth';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import { registerLazyStrings } from '../../../lazy-strings';
import type { SatisfactionQuery } from '../api';
import { RatingDistribution } from '../components/rating-distribution';
import { useSatisfactionReport } from '../hooks';
import { reportsStrings } from '../i18n';

registerLazyStrings({ reports: reportsStrings });

type GroupBy = 'day' | 'week' | 'month';
const QUICK = ['7', '30', '90', '365'] as const;

/** `YYYY-MM-DD` of a local date. */
const ymd = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function lastDays(days: number) {
  const to = new Date();
  const from = new Date(to);
  from.setDate(from.getDate() - (days - 1));
  return { from: ymd(from), to: ymd(to) };
}

/** Local midnight of a `YYYY-MM-DD`, as an instant for the API. */
const startOf = (day: string, plusDays = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).toISOString();
};

/** /reports/satisfaction (admins, dispatchers): ratings over a period. */
export default function SatisfactionPage() {
  const { t } = useTranslation(['reports', 'common']);
  useDocumentTitle(`${t('title')} · ${t('common:appName')}`);
  const user = useUser();
  const format = useFormat();
  const [range, setRange] = useState(() => lastDays(30));
  const [quick, setQuick] = useState<string>('30');
  const [groupBy, setGroupBy] = useState<GroupBy>('week');
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(range.from) && /^\d{4}-\d{2}-\d{2}$/.test(range.to);
  const ordered = valid && range.from <= range.to;
  const query: SatisfactionQuery = ordered
    ? { from: startOf(range.from), to: startOf(range.to, 1), groupBy }
    : { groupBy };
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
            <Stack gap={4}>
              <Text size="sm" fw={500} id="report-quick-label">
                {t('period.quick')}
              </Text>
              <SegmentedControl
                aria-labelledby="report-quick-label"
                value={quick}
                onChange={(value) => {
                  setQuick(value);
                  setRange(lastDays(Number(value)));
                }}
                data={QUICK.map((d) => ({
                  value: d,
                  label: t('period.lastDays', { count: Number(d) }),
                }))}
                data-testid="report-quick"
              />
            </Stack>
            <TextInput
              type="date"
              label={t('period.from')}
              value={range.from}
              max={range.to}
              onChange={(e) => {
                const from = e.currentTarget.value;
                setQuick('');
                setRange((r) => ({ ...r, from }));
              }}
              data-testid="report-from"
            />
            <TextInput
              type="date"
              label={t('period.to')}
              value={range.to}
              min={range.from}
              onChange={(e) => {
                const to = e.currentTarget.value;
                setQuick('');
                setRange((r) => ({ ...r, to }));
              }}
              error={valid && !ordered ? t('period.order') : undefined}
              data-testid="report-to"
            />
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
