import { useEffect, useRef, useState } from 'react';
import { Alert, Checkbox, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useClearable } from '../../shared/forms/clearable';
import { useContracts, useEquipmentItems, useServiceObjects } from './hooks';
import { itemPickerLabel, todayUtc } from './registers-shared';
import type { EquipmentItem } from './api';

/** A ticket's links to the registers, as the pickers hold them (ids and the names shown). */
export interface TicketLinks {
  serviceObjectId: string | null;
  serviceObjectName?: string | null;
  equipmentId: string | null;
  equipmentName?: string | null;
  /** The chosen item's object and warranty end, to narrow and to mark warranty work. */
  equipmentObjectId?: string | null;
  equipmentWarrantyUntil?: string | null;
  contractId: string | null;
  contractName?: string | null;
  /** null: not set by hand, the API marks it from the equipment's warranty. */
  warranty: boolean | null;
}

export const NO_LINKS: TicketLinks = {
  serviceObjectId: null,
  equipmentId: null,
  contractId: null,
  warranty: null,
};

/** The body fields of a create or update: only what is chosen (a create) or all (an update). */
export function linksBody(links: TicketLinks, update = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['serviceObjectId', 'equipmentId', 'contractId'] as const) {
    if (update || links[key]) out[key] = links[key];
  }
  if (links.warranty !== null) out.warranty = links.warranty;
  return out;
}

/** Whether the item is under warranty today (the API decides by the ticket's creation date). */
const underWarranty = (until: string | null | undefined) => !!until && until >= todayUtc();

interface TicketLinksFieldsProps {
  /** The client: the ticket's organization (or its requester's). */
  organizationId: string | null;
  value: TicketLinks;
  onChange: (links: TicketLinks) => void;
  errors: Record<string, string>;
  disabled?: boolean;
}

/**
 * The cascade client → (contact) → service object → equipment → contract: each list is narrowed
 * by the choices before it. A choice that no longer fits after an earlier one changed is cleared
 * and said so under the pickers, never dropped silently.
 */
export function TicketLinksFields({
  organizationId,
  value,
  onChange,
  errors,
  disabled,
}: TicketLinksFieldsProps) {
  const { t } = useTranslation('registers');
  const clearable = useClearable();
  const [cleared, setCleared] = useState<string[]>([]);
  const [itemSearch, setItemSearch] = useState('');
  const [q] = useDebouncedValue(itemSearch.trim(), 250);
  const org = organizationId ?? undefined;
  const objects = useServiceObjects({ organizationId: org, limit: 200 }, !!org);
  const items = useEquipmentItems(
    {
      organizationId: org,
      serviceObjectId: value.serviceObjectId ?? undefined,
      // The picker's own label is not a search.
      q: q && q !== value.equipmentName ? q : undefined,
      limit: 50,
    },
    !!org,
  );
  const contracts = useContracts({ organizationId: org, status: 'active', limit: 100 }, !!org);

  // The organization changed: every link belonged to the one before.
  const lastOrg = useRef(organizationId);
  useEffect(() => {
    if (lastOrg.current === organizationId) return;
    lastOrg.current = organizationId;
    const gone = [
      value.serviceObjectId &&
        t('links.cleared', { field: t('links.object'), name: value.serviceObjectName ?? '' }),
      value.equipmentId &&
        t('links.cleared', { field: t('links.equipment'), name: value.equipmentName ?? '' }),
      value.contractId &&
        t('links.cleared', { field: t('links.contract'), name: value.contractName ?? '' }),
    ].filter((x): x is string => !!x);
    setCleared(gone);
    if (gone.length) onChange({ ...NO_LINKS, warranty: value.warranty });
  }, [organizationId, value, onChange, t]);

  const pickObject = (id: string | null, name: string | null) => {
    const next: TicketLinks = { ...value, serviceObjectId: id, serviceObjectName: name };
    const notes: string[] = [];
    // An item at another object no longer fits the object chosen.
    if (id && value.equipmentId && value.equipmentObjectId !== id) {
      notes.push(
        t('links.cleared', { field: t('links.equipment'), name: value.equipmentName ?? '' }),
      );
      Object.assign(next, {
        equipmentId: null,
        equipmentName: null,
        equipmentObjectId: null,
        equipmentWarrantyUntil: null,
      });
    }
    setCleared(notes);
    onChange(next);
  };

  const pickItem = (item: EquipmentItem | null) => {
    setCleared([]);
    onChange({
      ...value,
      equipmentId: item?.id ?? null,
      equipmentName: item ? itemPickerLabel(item) : null,
      equipmentObjectId: item?.serviceObjectId ?? null,
      equipmentWarrantyUntil: item?.warrantyUntil ?? null,
      // The item's object is the ticket's object too.
      ...(item?.serviceObjectId
        ? { serviceObjectId: item.serviceObjectId, serviceObjectName: item.serviceObjectName }
        : {}),
    });
  };

  const objectOptions = (objects.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  if (value.serviceObjectId && !objectOptions.some((o) => o.value === value.serviceObjectId)) {
    objectOptions.unshift({ value: value.serviceObjectId, label: value.serviceObjectName ?? '…' });
  }
  const itemList = items.data?.items ?? [];
  const itemOptions = itemList.map((i) => ({ value: i.id, label: itemPickerLabel(i) }));
  if (value.equipmentId && !itemOptions.some((o) => o.value === value.equipmentId)) {
    itemOptions.unshift({ value: value.equipmentId, label: value.equipmentName ?? '…' });
  }
  const contractOptions = (contracts.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${c.number} · ${c.title}`,
  }));
  if (value.contractId && !contractOptions.some((o) => o.value === value.contractId)) {
    contractOptions.unshift({ value: value.contractId, label: value.contractName ?? '…' });
  }
  const autoWarranty = underWarranty(value.equipmentWarrantyUntil);
  const noOrg = !organizationId;

  return (
    <Stack gap="sm" data-testid="ticket-links">
      <Select
        label={t('links.object')}
        {...clearable(t('links.object'))}
        placeholder={noOrg ? t('links.pickOrganizationFirst') : undefined}
        searchable
        disabled={disabled || noOrg}
        data={objectOptions}
        value={value.serviceObjectId}
        onChange={(id, option) => pickObject(id, option?.label ?? null)}
        nothingFoundMessage={t('links.noObjects')}
        error={errors.serviceObjectId}
        data-testid="links-object"
      />
      <Select
        label={t('links.equipment')}
        {...clearable(t('links.equipment'))}
        placeholder={noOrg ? t('links.pickOrganizationFirst') : t('items.searchPlaceholder')}
        searchable
        disabled={disabled || noOrg}
        data={itemOptions}
        value={value.equipmentId}
        searchValue={itemSearch}
        onSearchChange={setItemSearch}
        filter={({ options }) => options}
        onChange={(id) => pickItem(id ? (itemList.find((i) => i.id === id) ?? null) : null)}
        nothingFoundMessage={t('links.noEquipment')}
        error={errors.equipmentId}
        data-testid="links-equipment"
      />
      <Select
        label={t('links.contract')}
        clearable
        clearButtonProps={{
          ...clearable(t('links.contract')).clearButtonProps,
          // @ts-expect-error a test id on the clear button (Mantine passes it through)
          'data-testid': 'links-contract-clear',
        }}
        placeholder={noOrg ? t('links.pickOrganizationFirst') : undefined}
        searchable
        disabled={disabled || noOrg}
        data={contractOptions}
        value={value.contractId}
        onChange={(id, option) => {
          setCleared([]);
          onChange({ ...value, contractId: id, contractName: option?.label ?? null });
        }}
        nothingFoundMessage={t('links.noContracts')}
        error={errors.contractId}
        data-testid="links-contract"
      />
      <Checkbox
        label={t('links.warranty')}
        description={t('links.warrantyHint')}
        disabled={disabled}
        checked={value.warranty ?? autoWarranty}
        onChange={(e) => onChange({ ...value, warranty: e.currentTarget.checked })}
        error={errors.warranty}
        data-testid="links-warranty"
      />
      {cleared.length > 0 && (
        <Alert color="yellow" variant="light" role="status" data-testid="links-cleared">
          {cleared.map((line) => (
            <Text key={line} size="sm">
              {line}
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  );
}
