import { useState } from 'react';
import { Anchor, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { OrganizationPicker } from '../tickets/components/pickers';
import type { Contract } from './api';
import { ContractForm } from './contract-form';
import { useContractPages } from './hooks';
import { RegisterListFrame } from './register-list-frame';
import {
  ContractStatusBadge,
  useMayManageRegisters,
  useOrganizationNames,
} from './registers-shared';

const STATUSES: Contract['status'][] = ['active', 'draft', 'suspended', 'expired'];

/** Contracts of every client organization: filter by organization and status, search. */
export function ContractsPage() {
  const { t } = useTranslation(['registers', 'common']);
  useDocumentTitle(`${t('contracts.title')} · ${t('common:appName')}`);
  const manage = useMayManageRegisters();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [status, setStatus] = useState<Contract['status'] | null>(null);
  const list = useContractPages({
    limit: 100,
    q: q || undefined,
    organizationId: organizationId ?? undefined,
    status: status ?? undefined,
  });
  const items = list.items;
  const orgName = useOrganizationNames(items.map((c) => c.organizationId));

  return (
    <RegisterListFrame
      pages={list}
      filtered={!!(q || organizationId || status)}
      filters={
        <>
          <TextInput
            label={t('common.search')}
            placeholder={t('contracts.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            data-testid="contracts-search"
          />
          <OrganizationPicker
            label={t('common.organization')}
            placeholder={t('common.allOrganizations')}
            value={organizationId}
            onChange={(id) => setOrganizationId(id)}
          />
          <Select
            label={t('common.status')}
            placeholder={t('common.anyStatus')}
            clearable
            data={STATUSES.map((s) => ({ value: s, label: t(`contractStatus.${s}`) }))}
            value={status}
            onChange={(v) => setStatus(v as Contract['status'] | null)}
          />
        </>
      }
      create={
        manage
          ? {
              label: t('contracts.create'),
              testId: 'contract-create',
              form: (close) => (
                <ContractForm
                  onDone={(c) => void navigate(`/registers/contracts/${c.id}`)}
                  onCancel={close}
                  onReload={async () => undefined}
                />
              ),
            }
          : null
      }
    >
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover data-testid="contracts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contracts.number')}</Table.Th>
              <Table.Th>{t('contracts.name')}</Table.Th>
              <Table.Th>{t('common.organization')}</Table.Th>
              <Table.Th>{t('contracts.period')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id} data-testid="contract-row">
                <Table.Td>
                  <Anchor component={Link} to={`/registers/contracts/${c.id}`}>
                    {c.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{c.title}</Table.Td>
                <Table.Td>{orgName(c.organizationId)}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {c.validFrom ?? '…'} – {c.validTo ?? '…'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ContractStatusBadge status={c.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </RegisterListFrame>
  );
}
