import { useState } from 'react';
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemMessage } from '@relaydesk/web-ui';
import { RecordModal } from '../../shared/forms/record-modal';
import { OrganizationPicker } from '../tickets/components/pickers';
import type { EquipmentItem } from './api';
import { EquipmentItemForm } from './equipment-item-form';
import { EquipmentTable } from './equipment-table';
import { useEquipmentItems, useEquipmentTypes, useServiceObjects } from './hooks';
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
  const [creating, setCreating] = useState(false);
  const types = useEquipmentTypes();
  const objects = useServiceObjects(
    { organizationId: organizationId ?? undefined, limit: 200 },
    !!organizationId,
  );
  const list = useEquipmentItems({
    limit: 100,
    q: q || undefined,
    organizationId: organizationId ?? undefined,
    serviceObjectId: serviceObjectId ?? undefined,
    typeId: typeId ?? undefined,
    status: status ?? undefined,
  });
  const items = list.data?.items ?? [];
  const filtered = q || organizationId || serviceObjectId || typeId || status;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end">
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
        </Group>
        {manage && (
          <Button onClick={() => setCreating(true)} data-testid="item-create">
            {t('items.create')}
          </Button>
        )}
      </Group>
      <ProblemMessage error={list.error} />
      {items.length === 0 && !list.isLoading ? (
        <Text c="dimmed">{filtered ? t('common.nothingFound') : t('common.empty')}</Text>
      ) : (
        <EquipmentTable items={items} />
      )}
      <RecordModal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('items.create')}
        size="lg"
      >
        {creating && (
          <EquipmentItemForm
            preset={{ organizationId, serviceObjectId }}
            onDone={(i) => void navigate(`/registers/equipment/${i.id}`)}
            onCancel={() => setCreating(false)}
            onReload={async () => undefined}
          />
        )}
      </RecordModal>
    </Stack>
  );
}
