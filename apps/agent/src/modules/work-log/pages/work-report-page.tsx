import { useState } from 'react';
import {
  Anchor,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  WORK_ENTRY_KINDS,
  WORK_TOTAL_GROUPS,
  type WorkEntryKind,
  type WorkTotalGroup,
} from '@relaydesk/contracts';
import { useApi } from '@relaydesk/web-auth';
import { saveBlob } from '@relaydesk/web-tickets';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import { workLogApi, type WorkReportFilter } from '../api';
import { useWorkReport } from '../hooks';
import { hoursMinutes } from '../work-format';
import { WorkUsageAlert } from '../components/work-usage-alert';

/** /work-report: the work of the tickets the reader sees, filtered, totalled, exported as CSV. */
export default function WorkReportPage() {
  const { t } = useTranslation('workLog');
  useDocumentTitle(`${t('report.title')} · Relaydesk`);
  const api = useApi();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const contractId = params.get('contractId') ?? undefined;
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [kind, setKind] = useState<WorkEntryKind | null>(null);
  const [groupBy, setGroupBy] = useState<WorkTotalGroup>('agent');
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [exportError, setExportError] = useState<unknown>(null);
  const filter: WorkReportFilter = {
    from: from || undefined,
    to: to || undefined,
    kind: kind ?? undefined,
    contractId,
  };
  const report = useWorkReport({ ...filter, groupBy, limit: 100, cursor });
  const data = report.data;
  const money = (n: number) => n.toFixed(2);
  const contractNumber = data?.items.find((i) => i.contractId === contractId)?.contractNumber;

  const exportCsv = async () => {
    setExportError(null);
    try {
      saveBlob(await workLogApi.reportCsv(api, filter), 'work-report.csv');
    } catch (error) {
      setExportError(error);
    }
  };

  return (
    <Stack data-testid="work-report">
      <Group justify="space-between">
        <Title order={2}>{t('report.title')}</Title>
        <Button variant="light" onClick={() => void exportCsv()} data-testid="work-report-export">
          {t('report.export')}
        </Button>
      </Group>
      {exportError ? <ProblemMessage error={exportError} /> : null}
      <Group align="flex-end" wrap="wrap">
        <TextInput
          type="date"
          label={t('report.from')}
          value={from}
          onChange={(e) => {
            setFrom(e.currentTarget.value);
            setCursor(undefined);
          }}
        />
        <TextInput
          type="date"
          label={t('report.to')}
          value={to}
          onChange={(e) => {
            setTo(e.currentTarget.value);
            setCursor(undefined);
          }}
        />
        <Select
          label={t('report.kind')}
          placeholder={t('report.anyKind')}
          clearable
          data={WORK_ENTRY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          value={kind}
          onChange={(v) => {
            setKind(v as WorkEntryKind | null);
            setCursor(undefined);
          }}
        />
        <Select
          label={t('report.groupBy')}
          data={WORK_TOTAL_GROUPS.map((g) => ({ value: g, label: t(`report.group.${g}`) }))}
          value={groupBy}
          onChange={(v) => v && setGroupBy(v as WorkTotalGroup)}
          allowDeselect={false}
          data-testid="work-report-group-by"
        />
        {contractId ? (
          <Button
            variant="subtle"
            onClick={() => {
              params.delete('contractId');
              setParams(params);
            }}
          >
            {t('report.clearContract')}
          </Button>
        ) : null}
      </Group>
      {contractId ? <WorkUsageAlert contractId={contractId} number={contractNumber ?? ''} /> : null}
      {report.error ? <ProblemMessage error={report.error} /> : null}
      {data ? (
        <Card withBorder>
          <Stack gap="xs">
            <Group gap="lg" data-testid="work-report-totals">
              <Text fw={600}>{t('report.totals')}</Text>
              <Text size="sm">
                {t('report.done')}: <b>{hoursMinutes(data.totals.durationSeconds)}</b>
              </Text>
              <Text size="sm">
                {t('report.billed')}: <b>{hoursMinutes(data.totals.billedSeconds)}</b>
              </Text>
              <Text size="sm">
                {t('report.amount')}: <b>{money(data.totals.amount)}</b>
              </Text>
            </Group>
            <Table.ScrollContainer minWidth={480}>
              <Table data-testid="work-report-groups">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t(`report.group.${groupBy}`)}</Table.Th>
                    <Table.Th>{t('report.done')}</Table.Th>
                    <Table.Th>{t('report.billed')}</Table.Th>
                    <Table.Th>{t('report.amount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.groups.map((g) => (
                    <Table.Tr key={g.key ?? 'none'}>
                      <Table.Td>{g.label || t('report.none')}</Table.Td>
                      <Table.Td>{hoursMinutes(g.durationSeconds)}</Table.Td>
                      <Table.Td>{hoursMinutes(g.billedSeconds)}</Table.Td>
                      <Table.Td>{money(g.amount)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        </Card>
      ) : null}
      {data && data.items.length === 0 ? <Text c="dimmed">{t('report.empty')}</Text> : null}
      {data && data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table striped data-testid="work-report-entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.date')}</Table.Th>
                <Table.Th>{t('columns.ticket')}</Table.Th>
                <Table.Th>{t('columns.organization')}</Table.Th>
                <Table.Th>{t('columns.contract')}</Table.Th>
                <Table.Th>{t('columns.who')}</Table.Th>
                <Table.Th>{t('columns.activity')}</Table.Th>
                <Table.Th>{t('columns.done')}</Table.Th>
                <Table.Th>{t('columns.billed')}</Table.Th>
                <Table.Th>{t('columns.kind')}</Table.Th>
                <Table.Th>{t('columns.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((e) => (
                <Table.Tr key={e.id} data-testid="work-report-entry">
                  <Table.Td>{format.date(e.workDate)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/tickets/${e.ticketNumber}`}>
                      #{e.ticketNumber}
                    </Anchor>{' '}
                    {e.ticketSubject}
                  </Table.Td>
                  <Table.Td>{e.organizationName ?? ''}</Table.Td>
                  <Table.Td>{e.contractNumber ?? ''}</Table.Td>
                  <Table.Td>{e.user?.name}</Table.Td>
                  <Table.Td>{e.billingItem?.name ?? ''}</Table.Td>
                  <Table.Td>{hoursMinutes(e.durationSeconds ?? 0)}</Table.Td>
                  <Table.Td>{hoursMinutes(e.billedSeconds)}</Table.Td>
                  <Table.Td>{t(`kind.${e.kind}`)}</Table.Td>
                  <Table.Td>{money(e.amount ?? 0)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {data?.nextCursor ? (
        <Group>
          <Button variant="default" onClick={() => setCursor(data.nextCursor ?? undefined)}>
            {t('report.more')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
