import { useState } from 'react';
import { Checkbox, MultiSelect, Select, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../projects/api';
import { useSaveProject } from '../../projects/hooks';
import type { RecordFormProps } from '../../../shared/forms/admin-section';
import { changes, useFormErrors } from '../../../shared/forms/form-problem';
import { FormShell } from '../../../shared/forms/form-shell';
import { useClearable } from '../../../shared/forms/clearable';
import { useStaffOptions } from './staff-options';

const FIELDS = ['name', 'description', 'managerId', 'memberIds', 'active'] as const;

function valuesOf(record?: Project) {
  return {
    name: record?.name ?? '',
    description: record?.description ?? '',
    managerId: record?.managerId ?? null,
    memberIds: record?.memberIds ?? [],
    active: record?.active ?? true,
  };
}
type Values = ReturnType<typeof valuesOf>;

const toBody = (v: Values) => ({
  name: v.name.trim(),
  description: v.description.trim(),
  managerId: v.managerId ?? '',
  // Sorted, so picking the same people in another order is no change.
  memberIds: [...v.memberIds].sort(),
  active: v.active,
});

/** A project (Pythagoras): its manager gets its new tickets; members see all of them. */
export function ProjectForm({ record, onDone, onCancel, onReload }: RecordFormProps<Project>) {
  const { t } = useTranslation('admin');
  const save = useSaveProject();
  const [values, setValues] = useState(() => valuesOf(record));
  const chosen = [...(record?.memberIds ?? []), ...(record?.managerId ? [record.managerId] : [])];
  const staffOptions = useStaffOptions(chosen);
  const clearable = useClearable();
  const [required, setRequired] = useState<Record<string, string>>({});
  const errors = { ...useFormErrors(save.error), ...required };
  const set = <K extends keyof Values>(field: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [field]: value }));

  const submit = () => {
    const missing: Record<string, string> = {};
    if (!values.name.trim()) missing.name = t('validation.required');
    if (!values.managerId) missing.managerId = t('validation.required');
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
        data-testid="project-name"
      />
      <Textarea
        label={t('fields.description')}
        autosize
        minRows={2}
        maxRows={6}
        value={values.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        error={errors.description}
      />
      <Select
        label={t('fields.manager')}
        description={t('fields.managerHint')}
        withAsterisk
        placeholder={t('fields.managerPlaceholder')}
        data={staffOptions}
        value={values.managerId}
        onChange={(value) => set('managerId', value)}
        searchable
        {...clearable(t('fields.manager'))}
        nothingFoundMessage={t('list.nothingFound')}
        error={errors.managerId}
        data-testid="project-manager"
      />
      <MultiSelect
        label={t('fields.members')}
        description={t('fields.projectMembersHint')}
        placeholder={values.memberIds.length ? undefined : t('fields.membersPlaceholder')}
        data={staffOptions}
        value={values.memberIds}
        onChange={(value) => set('memberIds', value)}
        searchable
        {...clearable(t('fields.members'))}
        hidePickedOptions
        nothingFoundMessage={t('list.nothingFound')}
        error={errors.memberIds}
        data-testid="project-members"
      />
      <Checkbox
        label={t('status.projects.active')}
        description={t('fields.projectActiveHint')}
        checked={values.active}
        onChange={(e) => set('active', e.currentTarget.checked)}
        error={errors.active}
      />
    </FormShell>
  );
}
