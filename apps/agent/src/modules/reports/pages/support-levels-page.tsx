import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Center,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Permission, roleHasPermission } from '@relaydesk/contracts';
import { useUser } from '@relaydesk/web-auth';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import { registerLazyStrings } from '../../../lazy-strings';
import { useDuration } from '../../sla/sla-time';
import type { SupportLevelQuery } from '../api';
import { useSupportLevelReport } from '../hooks';
import { reportsStrings } from '../i18n';

registerLazyStrings({ reports: reportsStrings });

const QUICK = ['7', '30', '90', '365'] as const;

const ymd = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function lastDays(days: number) {
  const to = new Date();
  const from = new Date(to);
  from.setDate(from.getDate() - (days - 1));
  return { from: ymd(from), to: ymd(to) };
}

const startOf = (day: string, plusDays = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).toISOString();
};

/** /reports/support-levels (admins, dispatchers): tickets and time per support level. */
export default function SupportLevelsPage() {
  const { t } = useTranslation(['reports', 'common']);
  useDocumentTitle(`${t('supportLevels.title')} · ${t('common:appName')}`);
  const user = useUser();
  const format = useFormat();
  const duration = useDuration();
  const [range, setRange] = useState(() => lastDays(30));
  const [quick, setQuick] = useState<string>('30');
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(range.from) && /^\d{4}-\d{2}-\d{2}$/.test(range.to);
  const ordered = valid && range.from <= range.to;
  const query: SupportLevelQuery = ordered
    ? { from: startOf(range.from), to: startOf(range.to, 1) }
    : {};
  const report = useSupportLevelReport(query);

  if (!roleHasPermission(user.role, Permission.ReportsView)) {
    return (
      <Stack gap="md">
        <Title order={2}>{t('supportLevels.title')}</Title>
        <Alert color="red" variant="light" role="alert">
          {t('forbidden')}
        </Alert>
      </Stack>
    );
  }

  const data = report.data;
  const seconds = (s: number | null) => (s == null ? '—' : duration(s * 1000));

  return (
    <Stack gap="md" data-testid="support-levels-report">
      <Title order={2}>{t('supportLevels.title')}</Title>
      <Text size="sm" c="gray.7" maw={720}>
        {t('supportLevels.hint')}
      </Text>
      <Card withBorder padding="md">
        <Group align="flex-end" gap="md">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="levels-quick-label">
              {t('period.quick')}
            </Text>
            <SegmentedControl
              aria-labelledby="levels-quick-label"
              value={quick}
              onChange={(value) => {
                setQuick(value);
                setRange(lastDays(Number(value)));
              }}
              data={QUICK.map((d) => ({
                value: d,
                label: t('period.lastDays', { count: Number(d) }),
              }))}
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
          />
        </Group>
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
        <Card withBorder padding="md">
          <Text size="xs" c="gray.7" mb="xs">
            {t('summary.range', {
              from: format.date(data.from),
              to: format.date(new Date(Date.parse(data.to) - 1).toISOString()),
            })}
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table data-testid="support-levels-table">
              <VisuallyHidden component="caption">{t('supportLevels.table')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('supportLevels.level')}</Table.Th>
                  <Table.Th ta="right">{t('supportLevels.tickets')}</Table.Th>
                  <Table.Th ta="right">{t('supportLevels.average')}</Table.Th>
                  <Table.Th ta="right">{t('supportLevels.median')}</Table.Th>
                  <Table.Th ta="right">{t('supportLevels.escalated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.levels.map((l) => (
                  <Table.Tr key={l.level} data-testid={`support-level-${l.level}`}>
                    <Table.Th scope="row">
                      {t('supportLevels.levelValue', { level: l.level })}
                    </Table.Th>
                    <Table.Td ta="right">{format.number(l.tickets)}</Table.Td>
                    <Table.Td ta="right">{seconds(l.averageSeconds)}</Table.Td>
                    <Table.Td ta="right">{seconds(l.medianSeconds)}</Table.Td>
                    <Table.Td ta="right">
                      {l.tickets > 0
                        ? t('supportLevels.escalatedShare', {
                            count: format.number(l.escalatedOnwards),
                            share: format.number(
                              Math.round((l.escalatedOnwards / l.tickets) * 100),
                            ),
                          })
                        : format.number(l.escalatedOnwards)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
