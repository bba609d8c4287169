import { useState } from 'react';
import {
  Alert,
  Anchor,
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
import { Link } from 'react-router';
import { KB_DEFLECTION_WINDOW_HOURS, Permission, roleHasPermission } from '@relaydesk/contracts';
import { useUser } from '@relaydesk/web-auth';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import { preloadStrings } from '../../../lazy-strings';
import type { KbDeflectionQuery } from '../api';
import { DeflectionBars } from '../components/deflection-bars';
import { PeriodFields, usePeriod } from '../components/period-fields';
import { useKbDeflectionReport } from '../hooks';

preloadStrings(['reports', 'kbDeflections']);

type GroupBy = 'day' | 'week' | 'month';

/**
 * /reports/kb-deflections (admins, dispatchers): how many new requests the portal's suggested
 * articles answered before they were sent, per period and per article.
 */
export default function KbDeflectionsPage() {
  const { t } = useTranslation(['kbDeflections', 'reports', 'common']);
  useDocumentTitle(`${t('title')} · ${t('common:appName')}`);
  const user = useUser();
  const format = useFormat();
  const period = usePeriod();
  const [groupBy, setGroupBy] = useState<GroupBy>('day');
  const query: KbDeflectionQuery = { ...period.query, groupBy };
  const report = useKbDeflectionReport(query);
  const allowed = roleHasPermission(user.role, Permission.ReportsView);
  const hours = KB_DEFLECTION_WINDOW_HOURS;

  if (!allowed) {
    return (
      <Stack gap="md">
        <Title order={2}>{t('title')}</Title>
        <Alert color="red" variant="light" role="alert">
          {t('reports:forbidden')}
        </Alert>
      </Stack>
    );
  }

  const data = report.data;
  const percent = (rate: number | null) =>
    rate === null
      ? '—'
      : new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(
          rate,
        );
  const periodLabel = (p: string) => format.date(`${p}T00:00:00`);

  return (
    <Stack gap="md" data-testid="kb-deflections-report">
      <div>
        <Title order={2}>{t('title')}</Title>
        <Text size="sm" c="dimmed" mt={4} maw={760}>
          {t('hint', { hours })}
        </Text>
      </div>
      <Card withBorder padding="md">
        <Group align="flex-end" gap="md">
          <PeriodFields period={period} idPrefix="deflections" testIdPrefix="report" />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="deflections-group-label">
              {t('reports:period.groupBy')}
            </Text>
            <SegmentedControl
              aria-labelledby="deflections-group-label"
              value={groupBy}
              onChange={(value) => setGroupBy(value as GroupBy)}
              data={(['day', 'week', 'month'] as const).map((g) => ({
                value: g,
                label: t(`reports:period.${g}`),
              }))}
              data-testid="report-group-by"
            />
          </Stack>
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
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure
              label={t('summary.deflections')}
              value={format.number(data.deflections)}
              testId="deflections-total"
            />
            <Figure
              label={t('summary.filed')}
              value={format.number(data.filed)}
              testId="deflections-filed"
            />
            <Figure
              label={t('summary.pending')}
              value={format.number(data.pending)}
              hint={t('summary.pendingHint', { hours })}
              testId="deflections-pending"
            />
            <Figure
              label={t('summary.rate')}
              value={percent(data.rate)}
              hint={t('summary.rateHint')}
              testId="deflections-rate"
            />
          </SimpleGrid>

          <Card withBorder padding="md">
            <Title order={3} size="h5" mb="sm" id="deflections-by-period">
              {t('byPeriod.title')}
            </Title>
            {data.byPeriod.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('empty')}
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
                <Table.ScrollContainer minWidth={360}>
                  <Table
                    aria-labelledby="deflections-by-period"
                    data-testid="deflections-by-period"
                  >
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t(`byPeriod.${groupBy}`)}</Table.Th>
                        <Table.Th ta="right">{t('column.deflections')}</Table.Th>
                        <Table.Th ta="right">{t('column.filed')}</Table.Th>
                        <Table.Th ta="right">{t('column.pending')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.byPeriod.map((p) => (
                        <Table.Tr key={p.period} data-period={p.period}>
                          <Table.Td>{periodLabel(p.period)}</Table.Td>
                          <Table.Td ta="right" data-testid="period-deflections">
                            {format.number(p.deflections)}
                          </Table.Td>
                          <Table.Td ta="right">{format.number(p.filed)}</Table.Td>
                          <Table.Td ta="right">{format.number(p.pending)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <DeflectionBars periods={data.byPeriod} label={periodLabel} />
              </SimpleGrid>
            )}
          </Card>

          <Card withBorder padding="md">
            <Title order={3} size="h5" mb="sm" id="deflections-by-article">
              {t('byArticle.title')}
            </Title>
            {data.byArticle.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('empty')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table
                  aria-labelledby="deflections-by-article"
                  data-testid="deflections-by-article"
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('byArticle.article')}</Table.Th>
                      <Table.Th ta="right">{t('byArticle.opens')}</Table.Th>
                      <Table.Th ta="right">{t('byArticle.deflections')}</Table.Th>
                      <Table.Th ta="right">{t('byArticle.filed')}</Table.Th>
                      <Table.Th ta="right">{t('byArticle.rate')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.byArticle.map((a) => (
                      <Table.Tr key={a.articleId} data-article-id={a.articleId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/kb/articles/${a.articleId}`} size="sm">
                            {a.title}
                          </Anchor>{' '}
                          <Text span size="xs" c="dimmed">
                            {a.language}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">{format.number(a.opens)}</Table.Td>
                        <Table.Td ta="right" data-testid="article-deflections">
                          {format.number(a.deflections)}
                        </Table.Td>
                        <Table.Td ta="right">{format.number(a.filed)}</Table.Td>
                        <Table.Td ta="right">{percent(a.rate)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>
        </>
      )}
    </Stack>
  );
}

function Figure({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId: string;
}) {
  return (
    <Card withBorder padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={700} data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}
