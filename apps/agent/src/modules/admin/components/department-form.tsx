import { useState } from 'react';
import { Checkbox, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../directory/api';
import { useSaveDepartment } from '../../directory/hooks';
import { useAllDepartments } from '../hooks';
import type { RecordFormProps } from '../../../shared/forms/admin-section';
import { changes, useFormErrors } from '../../../shared/forms/form-problem';
import { FormShell } from '../../../shared/forms/form-shell';
import { useClearable } from '../../../shared/forms/clearable';
import { useStaffOptions } from './staff-options';

const FIELDS = ['name', 'parentId', 'headId', 'active'] as const;

function valuesOf(record?: Department) {
  return {
    name: record?.name ?? '',
    parentId: record?.parentId ?? null,
    headId: record?.headId ?? null,
    active: record?.active ?? true,
  };
}
type Values = ReturnType<typeof valuesOf>;

const toBody = (v: Values) => ({ ...v, name: v.name.trim() });

export function DepartmentForm({
  record,
  onDone,
  onCancel,
  onReload,
}: RecordFormProps<Department>) {
  const { t } = useTranslation('admin');
  const save = useSaveDepartment();
  const { departments } = useAllDepartments();
  const headOptions = useStaffOptions(record?.headId ? [record.headId] : []);
  const clearable = useClearable();
  const [values, setValues] = useState(() => valuesOf(record));
  const [required, setRequired] = useState<Record<string, string>>({});
  const errors = { ...useFormErrors(save.error), ...required };
  const set = <K extends keyof Values>(field: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [field]: value }));

  const parentOptions = departments
    .filter((d) => d.id !== record?.id && (d.active || d.id === values.parentId))
    .map((d) => ({ value: d.id, label: d.name }));

  const submit = () => {
    const missing: Record<string, string> = values.name.trim()
      ? {}
      : { name: t('validation.required') };
    setRequired(missing);
    if (Object.keys(missing).length) return;
    const body = toBody(values);
    if (!record) return save.mutate({ body }, { onSuccess: onDone });
    const changed = changes(toBody(valuesOf(record)), body);
    if (Object.keys(changed).length === 0) return onCancel();
    save.mutate(
      { id: record.id, body: { ...changed, version: record.version } },
      { onSuccess: onDone },
    );
  };

  return (
    <FormShell
      onSubmit={submit}
      onCancel={onCancel}
      onReload={onReload}
      saving={save.isPending}
      error={save.error}
      fields={FIELDS}
    >
      <TextInput
        label={t('fields.name')}
        withAsterisk
        data-autofocus
        value={values.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={errors.name}
      />
      <Select
        label={t('fields.parent')}
        placeholder={t('fields.noParent')}
        data={parentOptions}
        value={values.parentId}
        onChange={(value) => set('parentId', value)}
        searchable
        {...clearable(t('fields.parent'))}
        nothingFoundMessage={t('list.nothingFound')}
        error={errors.parentId}
      />
      <Select
        label={t('fields.head')}
        description={t('fields.headHint')}
        placeholder={t('fields.nobody')}
        data={headOptions}
        value={values.headId}
        onChange={(value) => set('headId', value)}
        searchable
        {...clearable(t('fields.head'))}
        nothingFoundMessage={t('list.nothingFound')}
        error={errors.headId}
      />
      <Checkbox
        label={t('status.departments.active')}
        checked={values.active}
        onChange={(e) => set('active', e.currentTarget.checked)}
        error={errors.active}
      />
    </FormShell>
  );
}
