import { useState } from 'react';
import { Anchor, Button, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemMessage } from '@relaydesk/web-ui';
import { ContractDocumentsSection } from '../contract-documents/contract-documents-section';
import { WorkUsageAlert } from '../work-log/components/work-usage-alert';
import { ContractForm } from './contract-form';
import { EditRecordModal } from './edit-record-modal';
import { useContract } from './hooks';
import {
  ContractStatusBadge,
  DetailRows,
  LinkedTickets,
  Section,
  useMayManageRegisters,
  useOrganizationNames,
} from './registers-shared';

/** A contract: its details, its tickets and the hours used against its allowance. */
export function ContractCardPage() {
  const { t } = useTranslation(['registers', 'common']);
  const { id = '' } = useParams();
  const contract = useContract(id);
  const manage = useMayManageRegisters();
  const [editing, setEditing] = useState(false);
  const c = contract.data;
  const orgName = useOrganizationNames([c?.organizationId]);
  useDocumentTitle(`${c?.number ?? t('contracts.title')} · ${t('common:appName')}`);
  if (contract.isLoading) return <Loader role="status" aria-label={t('contracts.title')} />;
  if (!c) {
    return (
      <Stack>
        <ProblemMessage error={contract.error} />
        <Anchor component={Link} to="/registers/contracts">
          {t('common.back')}
        </Anchor>
      </Stack>
    );
  }
  const allowance =
    c.allowanceSeconds != null && c.allowancePeriod
      ? t('contracts.allowanceValue', {
          hours: c.allowanceSeconds / 3600,
          period: t(`contracts.period_${c.allowancePeriod}`),
        })
      : t('contracts.noAllowance');
  return (
    <Stack gap="md" data-testid="contract-card">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={3}>
            {c.number} · {c.title}
          </Title>
          <ContractStatusBadge status={c.status} />
        </Group>
        <Group gap="xs">
          <Button variant="default" component={Link} to="/registers/contracts">
            {t('common.back')}
          </Button>
          {manage && (
            <Button onClick={() => setEditing(true)} data-testid="contract-edit">
              {t('common.edit')}
            </Button>
          )}
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={t('common.details')}>
            <DetailRows
              rows={[
                [t('common.organization'), orgName(c.organizationId)],
                [t('contracts.validFrom'), c.validFrom],
                [t('contracts.validTo'), c.validTo],
                [t('contracts.allowance'), allowance],
                [t('contracts.billingNotes'), c.billingNotes],
              ]}
            />
            {c.status === 'expired' && (
              <Text size="sm" c="dimmed">
                {t('contracts.expiredHint')}
              </Text>
            )}
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={t('contracts.hours')} testId="contract-hours">
            <Text size="sm">{allowance}</Text>
            <WorkUsageAlert contractId={c.id} number={c.number} />
            <Anchor
              component={Link}
              to={`/work-report?contractId=${c.id}`}
              size="sm"
              data-testid="contract-work-report"
            >
              {t('contracts.workReport')}
            </Anchor>
          </Section>
        </Grid.Col>
      </Grid>
      <LinkedTickets filter={{ contractId: c.id }} />
      <ContractDocumentsSection contractId={c.id} />
      <EditRecordModal
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('contracts.edit')}
        record={c}
        form={ContractForm}
        onReload={() => contract.refetch()}
      />
    </Stack>
  );
}
