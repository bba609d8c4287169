import {
  Checkbox,
  MultiSelect,
  NativeSelect,
  Select,
  SimpleGrid,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  GROUP_DISTRIBUTIONS,
  SUPPORT_LEVELS,
  type GroupDistribution,
  type SupportLevel,
} from '@relaydesk/contracts';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../directory/api';
import { useSaveGroup, useUsers } from '../../directory/hooks';
import type { RecordFormProps } from '../../../shared/forms/admin-section';
import { changes, orNull } from '../../../shared/forms/form-problem';
import { FormShell } from '../../../shared/forms/form-shell';
import { useRecordForm } from '../../../shared/forms/use-record-form';
import { useClearable } from '../../../shared/forms/clearable';
import { useStaffOptions } from './staff-options';

const FIELDS = [
  'name',
  'description',
  'leadId',
  'memberIds',
  'distribution',
  'supportLevel',
  'active',
] as const;

function valuesOf(record?: Group) {
  return {
    name: record?.name ?? '',
    description: record?.description ?? '',
    leadId: record?.leadId ?? null,
    memberIds: record?.memberIds ?? [],
    distribution: (record?.distribution ?? 'manual') as GroupDistribution,
    supportLevel: (record?.supportLevel ?? null) as SupportLevel | null,
    active: record?.active ?? true,
  };
}
type Values = ReturnType<typeof valuesOf>;

const toBody = (v: Values) => ({
  name: v.name.trim(),
  description: orNull(v.description),
  leadId: v.leadId,
  // Sorted, so picking the same people in another order is no change.
  memberIds: [...v.memberIds].sort(),
  distribution: v.distribution,
  supportLevel: v.supportLevel,
  active: v.active,
});

export function GroupForm({ record, onDone, onCancel, onReload }: RecordFormProps<Group>) {
  const { t } = useTranslation('admin');
  const { t: ta } = useTranslation('assignmentAdmin');
  const { t: tsa } = useTranslation('serviceAccountsAdmin');
  const save = useSaveGroup();
  const chosen = [...(record?.memberIds ?? []), ...(record?.leadId ? [record.leadId] : [])];
  const staffOptions = useStaffOptions(chosen);
  // Service accounts are members too (an agent account sees its groups' tickets): offered, and
  // kept when the members are saved, though they are no staff to lead a group.
  const serviceAccounts = useUsers({ serviceAccount: true, limit: 200 });
  const memberOptions = [
    ...staffOptions,
    ...(serviceAccounts.data?.items ?? []).map((u) => ({
      value: u.id,
      label: tsa('optionLabel', { name: u.name }),
    })),
  ];
  const clearable = useClearable();
  const { form, field, errors } = useRecordForm({
    initialValues: valuesOf(record),
    validate: (v) => (v.name.trim() ? {} : { name: t('validation.required') }),
    saveError: save.error,
  });
  const { values } = form;

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
      <Textarea
        label={t('fields.description')}
        autosize
        minRows={2}
        maxRows={6}
        {...field('description')}
      />
      <Select
        label={t('fields.lead')}
        placeholder={t('fields.nobody')}
        data={staffOptions}
        {...field('leadId')}
        searchable
        {...clearable(t('fields.lead'))}
        nothingFoundMessage={t('list.nothingFound')}
      />
      <MultiSelect
        label={t('fields.members')}
        description={t('fields.membersHint')}
        placeholder={values.memberIds.length ? undefined : t('fields.membersPlaceholder')}
        data={memberOptions}
        {...field('memberIds')}
        searchable
        {...clearable(t('fields.members'))}
        hidePickedOptions
        nothingFoundMessage={t('list.nothingFound')}
        data-testid="admin-group-members"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={ta('group.distribution')}
          description={ta(`group.distributionHint.${values.distribution}`)}
          data={GROUP_DISTRIBUTIONS.map((d) => ({
            value: d,
            label: ta(`group.distributions.${d}`),
          }))}
          value={values.distribution}
          onChange={(e) =>
            form.setFieldValue('distribution', e.currentTarget.value as GroupDistribution)
          }
          error={errors.distribution}
          data-testid="admin-group-distribution"
        />
        <NativeSelect
          label={ta('group.supportLevel')}
          description={ta('group.supportLevelHint')}
          data={[
            { value: '', label: ta('group.noLevel') },
            ...SUPPORT_LEVELS.map((l) => ({
              value: String(l),
              label: ta('levelValue', { level: l }),
            })),
          ]}
          value={values.supportLevel === null ? '' : String(values.supportLevel)}
          onChange={(e) =>
            form.setFieldValue(
              'supportLevel',
              e.currentTarget.value ? (Number(e.currentTarget.value) as SupportLevel) : null,
            )
          }
          error={errors.supportLevel}
          data-testid="admin-group-level"
        />
      </SimpleGrid>
      <Checkbox label={t('status.groups.active')} {...field('active', { type: 'checkbox' })} />
    </FormShell>
  );
}
