import { Alert, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@relaydesk/web-ui';
import { useWorkUsage } from '../hooks';

/**
 * A contract's prepaid hours against the billable work of this period, with the 80 % and 100 %
 * warnings: shown where the work totals are (the ticket's Work card, the report on a contract).
 */
export function WorkUsageAlert({ contractId, number }: { contractId: string; number: string }) {
  const { t } = useTranslation('workLog');
  const format = useFormat();
  const usage = useWorkUsage(contractId);
  const u = usage.data;
  if (!u || u.allowanceSeconds === null) return null;
  const hours = (s: number) => format.number(Math.round((s / 3600) * 10) / 10);
  const percent = u.percent ?? 0;
  const color = u.warning === 100 ? 'red' : u.warning === 80 ? 'yellow' : 'blue';
  return (
    <Alert color={color} title={t('usage.title', { number })} data-testid="work-usage">
      <Stack gap={4}>
        <Text size="sm">
          {t('usage.used', {
            used: hours(u.usedSeconds),
            allowance: hours(u.allowanceSeconds),
            percent: format.number(percent),
          })}
        </Text>
        <Progress value={Math.min(percent, 100)} color={color} aria-hidden />
        {u.periodStart ? (
          <Text size="xs" c="dimmed">
            {t('usage.period', { from: format.date(u.periodStart), to: format.date(u.periodEnd) })}
          </Text>
        ) : null}
        {u.warning ? (
          <Text size="sm" fw={500} data-testid="work-usage-warning">
            {u.warning === 100 ? t('usage.warn100') : t('usage.warn80')}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}
