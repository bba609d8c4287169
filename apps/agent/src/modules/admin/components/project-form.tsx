import { Checkbox, MultiSelect, Select, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../projects/api';
import { useSaveProject } from '../../projects/hooks';
import type { RecordFormProps } from '../../../shared/forms/admin-section';
import { changes } from '../../../shared/forms/form-problem';
import { FormShell } from '../../../shared/forms/form-shell';
import { useRecordForm } from '../../../shared/forms/use-record-form';
import { useClearable } from '../../../shared/forms/clearable';
import { useStaffOptions } from './staff-options';
import { useProjectMemberOptions } from './project-member-options';
import { ProjectWatchers } from './project-watchers';

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

/**
 * A project (Pythagoras): its manager gets its new tickets; staff members see all of them, and
 * client contacts among the members file tickets against it from the portal.
 */
export function ProjectForm({ record, onDone, onCancel, onReload }: RecordFormProps<Project>) {
  const { t } = useTranslation('admin');
  const save = useSaveProject();
  const chosen = [...(record?.memberIds ?? []), ...(record?.managerId ? [record.managerId] : [])];
  const staffOptions = useStaffOptions(chosen);
  const clearable = useClearable();
  const { form, field } = useRecordForm({
    initialValues: valuesOf(record),
    validate: (v) => ({
      ...(v.name.trim() ? {} : { name: t('validation.required') }),
      ...(v.managerId ? {} : { managerId: t('validation.required') }),
    }),
    saveError: save.error,
  });
  const { values } = form;
  const members = useProjectMemberOptions(values.memberIds);

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
    <>
      <FormShell
        onSubmit={form.onSubmit(submit)}
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
          {...field('name')}
          data-testid="project-name"
        />
        <Textarea
          label={t('fields.description')}
          autosize
          minRows={2}
          maxRows={6}
          {...field('description')}
        />
        <Select
          label={t('fields.manager')}
          description={t('fields.managerHint')}
          withAsterisk
          placeholder={t('fields.managerPlaceholder')}
          data={staffOptions}
          {...field('managerId')}
          searchable
          {...clearable(t('fields.manager'))}
          nothingFoundMessage={t('list.nothingFound')}
          data-testid="project-manager"
        />
        <MultiSelect
          label={t('fields.members')}
          description={t('fields.projectMembersHint')}
          placeholder={values.memberIds.length ? undefined : t('fields.membersPlaceholder')}
          data={members.options}
          {...field('memberIds')}
          searchable
          onSearchChange={members.onSearchChange}
          {...clearable(t('fields.members'))}
          hidePickedOptions
          nothingFoundMessage={t('list.nothingFound')}
          data-testid="project-members"
        />
        <Checkbox
          label={t('status.projects.active')}
          description={t('fields.projectActiveHint')}
          {...field('active', { type: 'checkbox' })}
        />
      </FormShell>
      {record && <ProjectWatchers projectId={record.id} />}
    </>
  );
}
