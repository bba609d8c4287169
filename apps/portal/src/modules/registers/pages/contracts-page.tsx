import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '@relaydesk/web-ui';
import { Loading } from '../../tickets/components/loading';
import type { Contract } from '../api';
import { CardList } from '../components/card-list';
import { ContractDocuments } from '../components/contract-documents';
import { RegistersNav } from '../components/registers-nav';
import { useDateOnly } from '../dates';
import { useContracts } from '../hooks';

const STATUS_COLOR: Record<Contract['status'], string> = {
  draft: 'gray',
  // Light badges' text on their pale background needs 4.5:1 (axe): teal's is darkened in theme.ts,
  // green's and orange's are not (3.8:1 and 3.6:1), so teal and a dark orange (5.2:1 on its own pale).
  active: 'teal',
  suspended: '#ae3e0b',
  expired: 'gray',
};

function ContractCard({ contract }: { contract: Contract }) {
  const { t } = useTranslation('registers');
  const date = useDateOnly();
  const period = [
    contract.validFrom ? t('contracts.from', { date: date(contract.validFrom) }) : null,
    contract.validTo
      ? t('contracts.to', { date: date(contract.validTo) })
      : t('contracts.openEnded'),
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <Paper withBorder radius="md" p="sm" data-testid="contract-card">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {contract.number}
        </Text>
        <Badge variant="light" color={STATUS_COLOR[contract.status]} data-testid="contract-status">
          {t(`contractStatus.${contract.status}`)}
        </Badge>
      </Group>
      <Text fw={600} mt={2} style={{ overflowWrap: 'anywhere' }}>
        {contract.title}
      </Text>
      <Text size="sm" c="dimmed" mt={2}>
        {period}
      </Text>
      <ContractDocuments contractId={contract.id} />
    </Paper>
  );
}

/** The organization's contracts as the API summarizes them for a client (no staff fields). */
export default function ContractsPage() {
  const { t } = useTranslation('registers');
  const contracts = useContracts();
  const items = contracts.data ?? [];
  return (
    <Stack gap="md">
      <RegistersNav current="contracts" />
      <div>
        <Title order={2}>{t('contracts.title')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('contracts.intro')}
        </Text>
      </div>
      {contracts.isPending ? (
        <Loading />
      ) : contracts.isError ? (
        <ProblemMessage error={contracts.error} />
      ) : items.length === 0 ? (
        <Text c="dimmed" py="md" data-testid="contracts-empty">
          {t('contracts.empty')}
        </Text>
      ) : (
        <CardList
          items={items}
          keyOf={(c) => c.id}
          render={(c) => <ContractCard contract={c} />}
          testId="contracts-list"
        />
      )}
    </Stack>
  );
}
