import { useState } from 'react';
import { Select, TextInput } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { OrganizationPicker } from '../tickets/components/pickers';
import type { EquipmentItem } from './api';
import { EquipmentItemForm } from './equipment-item-form';
import { EquipmentTable } from './equipment-table';
import { useEquipmentItemPages, useEquipmentTypes, useServiceObjects } from './hooks';
import { RegisterListFrame } from './register-list-frame';
import { useMayManageRegisters } from './registers-shared';

/** Equipment items: search by the beginning of a serial or inventory number, filters. */
export function EquipmentPage() {
  const { t } = useTranslation(['registers', 'common']);
  useDocumentTitle(`${t('items.title')} · ${t('common:appName')}`);
  const manage = useMayManageRegisters();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [serviceObjectId, setServiceObjectId] = useState<string | null>(null);
  const [typeId, setTypeId] = useState<string | null>(null);
  const [status, setStatus] = useState<EquipmentItem['status'] | null>(null);
  const types = useEquipmentTypes();
  const objects = useServiceObjects(
    { organizationId: organizationId ?? undefined, limit: 200 },
    !!organizationId,
  );
  const list = useEquipmentItemPages({
    limit: 100,
    q: q || undefined,
    organizationId: organizationId ?? undefined,
    serviceObjectId: serviceObjectId ?? undefined,
    typeId: typeId ?? undefined,
    status: status ?? undefined,
  });
  const filtered = !!(q || organizationId || serviceObjectId || typeId || status);
  return (
    <RegisterListFrame
      pages={list}
      filtered={filtered}
      filters={
        <>
          <TextInput
            label={t('common.search')}
            placeholder={t('items.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={280}
            data-testid="equipment-search"
          />
          <OrganizationPicker
            label={t('common.organization')}
            placeholder={t('common.allOrganizations')}
            value={organizationId}
            onChange={(id) => {
              setOrganizationId(id);
              setServiceObjectId(null);
            }}
          />
          <Select
            label={t('items.object')}
            placeholder={t('items.anyObject')}
            clearable
            disabled={!organizationId}
            data={(objects.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            value={serviceObjectId}
            onChange={setServiceObjectId}
          />
          <Select
            label={t('items.type')}
            placeholder={t('items.allTypes')}
            clearable
            data={(types.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={typeId}
            onChange={setTypeId}
          />
          <Select
            label={t('common.status')}
            placeholder={t('common.anyStatus')}
            clearable
            data={(['in_service', 'under_repair', 'retired'] as const).map((s) => ({
              value: s,
              label: t(`itemStatus.${s}`),
            }))}
            value={status}
            onChange={(v) => setStatus(v as EquipmentItem['status'] | null)}
          />
        </>
      }
      create={
        manage
          ? {
              label: t('items.create'),
              testId: 'item-create',
              form: (close) => (
                <EquipmentItemForm
                  preset={{ organizationId, serviceObjectId }}
                  onDone={(i) => void navigate(`/registers/equipment/${i.id}`)}
                  onCancel={close}
                  onReload={async () => undefined}
                />
              ),
            }
          : null
      }
    >
      <EquipmentTable items={list.items} />
    </RegisterListFrame>
  );
}
