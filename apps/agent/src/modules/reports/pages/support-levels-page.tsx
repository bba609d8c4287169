import {
  Alert,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Permission, roleHasPermission } from '@relaydesk/contracts';
import { useUser } from '@relaydesk/web-auth';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import { preloadStrings } from '../../../lazy-strings';
import { useDuration } from '../../sla/sla-time';
import type { SupportLevelQuery } from '../api';
import { PeriodFields, usePeriod } from '../components/period-fields';
import { useSupportLevelReport } from '../hooks';

preloadStrings(['reports']);

/** /reports/support-levels (admins, dispatchers): tickets and time per support level. */
export default function SupportLevelsPage() {
  const { t } = useTranslation(['reports', 'common']);
  useDocumentTitle(`${t('supportLevels.title')} · ${t('common:appName')}`);
  const user = useUser();
  const format = useFormat();
  const duration = useDuration();
  const period = usePeriod();
  const query: SupportLevelQuery = period.query;
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
          <PeriodFields period={period} idPrefix="levels" />
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
