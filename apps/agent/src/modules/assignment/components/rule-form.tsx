import {
  Checkbox,
  Divider,
  MultiSelect,
  NativeSelect,
  Select,
  SimpleGrid,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  SUPPORT_LEVELS,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  type SupportLevel,
  type TicketChannel,
  type TicketPriority,
} from '@relaydesk/contracts';
import { FormShell } from '../../../shared/forms/form-shell';
import { useRecordForm } from '../../../shared/forms/use-record-form';
import { useClearable } from '../../../shared/forms/clearable';
import type { AssignmentRule, CreateAssignmentRule } from '../api';
import { useSaveAssignmentRule } from '../hooks';
import { useRoutingLookups, withChosen } from './use-lookups';

const FIELDS = ['name', 'active', 'applyOnUpdate', 'conditions', 'actions', 'position'] as const;
const ID_CONDITIONS = ['typeIds', 'categoryIds', 'organizationIds', 'projectIds'] as const;

function valuesOf(rule?: AssignmentRule) {
  const c = rule?.conditions ?? {};
  const a = rule?.actions;
  return {
    name: rule?.name ?? '',
    active: rule?.active ?? true,
    applyOnUpdate: rule?.applyOnUpdate ?? false,
    typeIds: c.typeIds ?? [],
    categoryIds: c.categoryIds ?? [],
    organizationIds: c.organizationIds ?? [],
    projectIds: c.projectIds ?? [],
    priorities: (c.priorities ?? []) as TicketPriority[],
    channels: (c.channels ?? []) as TicketChannel[],
    customFieldKey: c.customField?.key ?? '',
    customFieldValue: c.customField ? String(c.customField.value) : '',
    subjectWords: c.subjectWords ?? [],
    groupId: a?.groupId ?? null,
    assigneeId: a?.assigneeId ?? null,
    priority: (a?.priority ?? null) as TicketPriority | null,
    supportLevel: (a?.supportLevel ?? null) as SupportLevel | null,
  };
}
type Values = ReturnType<typeof valuesOf>;

/** Only conditions that say something; a custom field value typed as text stays text. */
function toBody(v: Values): Omit<CreateAssignmentRule, 'position'> {
  const conditions: CreateAssignmentRule['conditions'] = {};
  for (const key of ID_CONDITIONS) if (v[key].length) conditions[key] = v[key];
  if (v.priorities.length) conditions.priorities = v.priorities;
  if (v.channels.length) conditions.channels = v.channels;
  if (v.subjectWords.length) conditions.subjectWords = v.subjectWords;
  if (v.customFieldKey.trim())
    conditions.customField = { key: v.customFieldKey.trim(), value: v.customFieldValue.trim() };
  return {
    name: v.name.trim(),
    active: v.active,
    applyOnUpdate: v.applyOnUpdate,
    conditions,
    actions: {
      groupId: v.groupId,
      assigneeId: v.assigneeId,
      priority: v.priority,
      supportLevel: v.supportLevel,
    },
  };
}

export function RuleForm({
  rule,
  onDone,
  onCancel,
  onReload,
}: {
  rule?: AssignmentRule;
  onDone: () => void;
  onCancel: () => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation(['assignmentAdmin', 'common']);
  const save = useSaveAssignmentRule();
  const { options, nameOf } = useRoutingLookups();
  const clearable = useClearable();
  const { form, field, errors } = useRecordForm({
    initialValues: valuesOf(rule),
    validate: (v) => {
      const missing: Record<string, string> = {};
      if (!v.name.trim()) missing.name = t('rules.nameRequired');
      if (!v.groupId && !v.assigneeId && !v.priority && !v.supportLevel)
        missing.actions = t('rules.actionRequired');
      return missing;
    },
    saveError: save.error,
  });
  const { values } = form;

  const submit = (submitted: Values) => {
    const body = toBody(submitted);
    if (!rule) return save.mutate({ body }, { onSuccess: onDone });
    save.mutate({ id: rule.id, body: { ...body, version: rule.version } }, { onSuccess: onDone });
  };

  const ids = (key: (typeof ID_CONDITIONS)[number]) => (
    <MultiSelect
      key={key}
      label={t(`rules.f.${key}`)}
      data={withChosen(options[key], values[key], nameOf)}
      value={values[key]}
      onChange={(value) => form.setFieldValue(key, value)}
      searchable
      {...clearable(t(`rules.f.${key}`))}
      hidePickedOptions
      comboboxProps={{ withinPortal: true }}
      data-testid={`rule-${key}`}
    />
  );
  const single = (key: 'groupId' | 'assigneeId') => (
    <Select
      label={t(`rules.f.${key}`)}
      placeholder={t('rules.f.keep')}
      data={withChosen(options[key], values[key] ? [values[key]] : [], nameOf)}
      value={values[key]}
      onChange={(value) => form.setFieldValue(key, value)}
      searchable
      {...clearable(t(`rules.f.${key}`))}
      comboboxProps={{ withinPortal: true }}
      data-testid={`rule-${key}`}
    />
  );

  return (
    <FormShell
      onSubmit={form.onSubmit(submit)}
      onCancel={onCancel}
      onReload={onReload}
      saving={save.isPending}
      error={save.error}
      fields={FIELDS}
    >
      <TextInput
        label={t('rules.name')}
        withAsterisk
        data-autofocus
        maxLength={200}
        {...field('name')}
        data-testid="rule-name"
      />
      <Checkbox label={t('rules.active')} {...field('active', { type: 'checkbox' })} />
      <Checkbox
        label={t('rules.applyOnUpdate')}
        {...field('applyOnUpdate', { type: 'checkbox' })}
      />
      <Divider />
      <Title order={4} size="h6">
        {t('rules.conditionsHeading')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {ids('typeIds')}
        {ids('categoryIds')}
        <MultiSelect
          label={t('rules.f.priorities')}
          data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))}
          value={values.priorities}
          onChange={(value) => form.setFieldValue('priorities', value as TicketPriority[])}
          {...clearable(t('rules.f.priorities'))}
          comboboxProps={{ withinPortal: true }}
          data-testid="rule-priorities"
        />
        {ids('organizationIds')}
        {ids('projectIds')}
        <MultiSelect
          label={t('rules.f.channels')}
          data={TICKET_CHANNELS.map((c) => ({ value: c, label: t(`rules.channels.${c}`) }))}
          value={values.channels}
          onChange={(value) => form.setFieldValue('channels', value as TicketChannel[])}
          {...clearable(t('rules.f.channels'))}
          comboboxProps={{ withinPortal: true }}
          data-testid="rule-channels"
        />
      </SimpleGrid>
      <TagsInput
        label={t('rules.f.subjectWords')}
        description={t('rules.f.subjectWordsHint')}
        {...field('subjectWords')}
        {...clearable(t('rules.f.subjectWords'))}
        maxTags={100}
        error={errors['conditions.subjectWords']}
        data-testid="rule-subject-words"
      />
      <Text size="sm" fw={500}>
        {t('rules.f.customField')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('rules.f.customFieldKey')}
          maxLength={50}
          {...field('customFieldKey')}
        />
        <TextInput
          label={t('rules.f.customFieldValue')}
          maxLength={500}
          value={values.customFieldValue}
          disabled={!values.customFieldKey.trim()}
          onChange={(e) => form.setFieldValue('customFieldValue', e.currentTarget.value)}
        />
      </SimpleGrid>
      <Divider />
      <Title order={4} size="h6">
        {t('rules.actionsHeading')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {single('groupId')}
        {single('assigneeId')}
        <NativeSelect
          label={t('rules.f.priority')}
          data={[
            { value: '', label: t('rules.f.keep') },
            ...TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`common:priority.${p}`) })),
          ]}
          value={values.priority ?? ''}
          onChange={(e) =>
            form.setFieldValue('priority', (e.currentTarget.value || null) as TicketPriority | null)
          }
          data-testid="rule-priority"
        />
        <NativeSelect
          label={t('rules.f.supportLevel')}
          data={[
            { value: '', label: t('rules.f.keep') },
            ...SUPPORT_LEVELS.map((l) => ({
              value: String(l),
              label: t('levelValue', { level: l }),
            })),
          ]}
          value={values.supportLevel === null ? '' : String(values.supportLevel)}
          onChange={(e) =>
            form.setFieldValue(
              'supportLevel',
              e.currentTarget.value ? (Number(e.currentTarget.value) as SupportLevel) : null,
            )
          }
          data-testid="rule-level"
        />
      </SimpleGrid>
      {errors.actions && (
        <Text size="sm" c="red.9" role="alert">
          {errors.actions}
        </Text>
      )}
    </FormShell>
  );
}
