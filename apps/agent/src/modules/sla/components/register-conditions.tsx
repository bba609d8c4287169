import { useMemo, useState } from 'react';
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useClearable } from '../../../shared/forms/clearable';
import { type Contract, type ServiceObject } from '../../registers/api';
import {
  useContracts,
  useEquipmentTypes,
  useRegisterRowsByIds,
  useServiceObjects,
} from '../../registers/hooks';
import { withChosen, type Option } from '../../assignment/components/use-lookups';

type Kind = 'contracts' | 'objects';

/**
 * Contracts and service objects run to thousands across the clients, so the picker asks the API
 * as the admin types (first 50 otherwise) and names the chosen ones in one request by their ids
 * (one per hundred: a policy may hold 500).
 */
function useRegisterOptions(kind: Kind, chosen: string[], orgName: (id: string) => string) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const query = { q: q || undefined, limit: 50 };
  const contracts = useContracts(query, kind === 'contracts');
  const objects = useServiceObjects(query, kind === 'objects');
  const chosenRows = useRegisterRowsByIds(kind, chosen);
  const label = (row: Contract | ServiceObject) =>
    'number' in row
      ? `${row.number} · ${row.title} (${orgName(row.organizationId)})`
      : `${row.name} (${orgName(row.organizationId)})`;
  const found: (Contract | ServiceObject)[] =
    kind === 'contracts' ? (contracts.data?.items ?? []) : (objects.data?.items ?? []);
  const names = new Map<string, string>();
  for (const r of chosenRows) {
    for (const row of (r.data?.items ?? []) as (Contract | ServiceObject)[]) {
      names.set(row.id, label(row));
    }
  }
  const options: Option[] = found.map((row) => ({ value: row.id, label: label(row) }));
  for (const o of options) names.set(o.value, o.label);
  return {
    data: withChosen(options, chosen, (id) => names.get(id) ?? `#${id.slice(0, 8)}`),
    search,
    setSearch,
  };
}

function RegisterPicker({
  kind,
  label,
  value,
  onChange,
  orgName,
  error,
  testId,
}: {
  kind: Kind;
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  orgName: (id: string) => string;
  error?: string;
  testId: string;
}) {
  const clearable = useClearable();
  const { data, search, setSearch } = useRegisterOptions(kind, value, orgName);
  return (
    <MultiSelect
      label={label}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The API has filtered by the text already (number, title, name).
      filter={({ options }) => options}
      hidePickedOptions
      {...clearable(label)}
      error={error}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}

/** The conditions on a ticket's links (issue 18): contract, service object, equipment type. */
export function RegisterConditions({
  values,
  onChange,
  orgName,
  errors,
}: {
  values: { contractIds: string[]; serviceObjectIds: string[]; equipmentTypeIds: string[] };
  onChange: (field: 'contractIds' | 'serviceObjectIds' | 'equipmentTypeIds', ids: string[]) => void;
  orgName: (id: string) => string;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation('slaAdmin');
  const clearable = useClearable();
  const types = useEquipmentTypes();
  const typeOptions = useMemo(
    () => (types.data?.items ?? []).map((x) => ({ value: x.id, label: x.name })),
    [types.data],
  );
  const typeName = (id: string) =>
    typeOptions.find((o) => o.value === id)?.label ?? `#${id.slice(0, 8)}`;
  return (
    <>
      <RegisterPicker
        kind="contracts"
        label={t('policies.contracts')}
        value={values.contractIds}
        onChange={(ids) => onChange('contractIds', ids)}
        orgName={orgName}
        error={errors['conditions.contractIds']}
        testId="policy-contracts"
      />
      <RegisterPicker
        kind="objects"
        label={t('policies.serviceObjects')}
        value={values.serviceObjectIds}
        onChange={(ids) => onChange('serviceObjectIds', ids)}
        orgName={orgName}
        error={errors['conditions.serviceObjectIds']}
        testId="policy-service-objects"
      />
      <MultiSelect
        label={t('policies.equipmentTypes')}
        data={withChosen(typeOptions, values.equipmentTypeIds, typeName)}
        value={values.equipmentTypeIds}
        onChange={(ids) => onChange('equipmentTypeIds', ids)}
        searchable
        hidePickedOptions
        {...clearable(t('policies.equipmentTypes'))}
        error={errors['conditions.equipmentTypeIds']}
        comboboxProps={{ withinPortal: true }}
        data-testid="policy-equipment-types"
      />
    </>
  );
}
