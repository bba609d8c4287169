import { useState } from 'react';
import { Anchor, Table, TextInput } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { OrganizationPicker } from '../tickets/components/pickers';
import { useServiceObjectPages } from './hooks';
import { RegisterListFrame } from './register-list-frame';
import { ServiceObjectForm } from './service-object-form';
import { useMayManageRegisters, useOrganizationNames } from './registers-shared';

/** Service objects (client sites): filter by organization, search name or address. */
export function ServiceObjectsPage() {
  const { t } = useTranslation(['registers', 'common']);
  useDocumentTitle(`${t('objects.title')} · ${t('common:appName')}`);
  const manage = useMayManageRegisters();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const list = useServiceObjectPages({
    limit: 100,
    q: q || undefined,
    organizationId: organizationId ?? undefined,
  });
  const items = list.items;
  const orgName = useOrganizationNames(items.map((o) => o.organizationId));
  return (
    <RegisterListFrame
      pages={list}
      filtered={!!(q || organizationId)}
      filters={
        <>
          <TextInput
            label={t('common.search')}
            placeholder={t('objects.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <OrganizationPicker
            label={t('common.organization')}
            placeholder={t('common.allOrganizations')}
            value={organizationId}
            onChange={(id) => setOrganizationId(id)}
          />
        </>
      }
      create={
        manage
          ? {
              label: t('objects.create'),
              testId: 'object-create',
              form: (close) => (
                <ServiceObjectForm
                  organizationId={organizationId}
                  onDone={(o) => void navigate(`/registers/objects/${o.id}`)}
                  onCancel={close}
                  onReload={async () => undefined}
                />
              ),
            }
          : null
      }
    >
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover data-testid="objects-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('objects.name')}</Table.Th>
              <Table.Th>{t('objects.address')}</Table.Th>
              <Table.Th>{t('common.organization')}</Table.Th>
              <Table.Th>{t('objects.contact')}</Table.Th>
              <Table.Th>{t('objects.calendar')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((o) => (
              <Table.Tr key={o.id} data-testid="object-row">
                <Table.Td>
                  <Anchor component={Link} to={`/registers/objects/${o.id}`}>
                    {o.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{o.address}</Table.Td>
                <Table.Td>{orgName(o.organizationId)}</Table.Td>
                <Table.Td>{o.contactName}</Table.Td>
                <Table.Td>{o.calendarName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </RegisterListFrame>
  );
}
