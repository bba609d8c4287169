import { Checkbox, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../directory/api';
import { useSaveDepartment } from '../../directory/hooks';
import { useAllDepartments } from '../hooks';
import type { RecordFormProps } from '../../../shared/forms/admin-section';
import { changes } from '../../../shared/forms/form-problem';
import { FormShell } from '../../../shared/forms/form-shell';
import { useRecordForm } from '../../../shared/forms/use-record-form';
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
  const { form, field } = useRecordForm({
    initialValues: valuesOf(record),
    validate: (v) => (v.name.trim() ? {} : { name: t('validation.required') }),
    saveError: save.error,
  });
  const { values } = form;

  const parentOptions = departments
    .filter((d) => d.id !== record?.id && (d.active || d.id === values.parentId))
    .map((d) => ({ value: d.id, label: d.name }));

  const submit = (submitted: Values) => {
    const body = toBody(submitted);
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
      onSubmit={form.onSubmit(submit)}
      onCancel={onCancel}
      onReload={onReload}
      saving={save.isPending}
      error={save.error}
      fields={FIELDS}
    >
      <TextInput label={t('fields.name')} withAsterisk data-autofocus {...field('name')} />
      <Select
        label={t('fields.parent')}
        placeholder={t('fields.noParent')}
        data={parentOptions}
        {...field('parentId')}
        searchable
        {...clearable(t('fields.parent'))}
        nothingFoundMessage={t('list.nothingFound')}
      />
      <Select
        label={t('fields.head')}
        description={t('fields.headHint')}
        placeholder={t('fields.nobody')}
        data={headOptions}
        {...field('headId')}
        searchable
        {...clearable(t('fields.head'))}
        nothingFoundMessage={t('list.nothingFound')}
      />
      <Checkbox label={t('status.departments.active')} {...field('active', { type: 'checkbox' })} />
    </FormShell>
  );
}
