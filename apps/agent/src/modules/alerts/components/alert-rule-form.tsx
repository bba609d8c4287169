import {
  ActionIcon,
  Button,
  Checkbox,
  Divider,
  Group,
  NativeSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, type TicketPriority } from '@relaydesk/contracts';
import { FormShell } from '../../../shared/forms/form-shell';
import { useClearable } from '../../../shared/forms/clearable';
import { useRecordForm } from '../../../shared/forms/use-record-form';
import { useRoutingLookups, withChosen } from '../../assignment/components/use-lookups';
import type { AlertRule, CreateAlertRule, LabelMatcher } from '../api';
import { useSaveAlertRule } from '../hooks';

export const ALERT_SOURCES = ['alertmanager', 'zabbix', 'generic'] as const;
export const MATCH_OPS = ['equals', 'not_equals', 'glob'] as const;
const MAX_MATCHERS = 20;

const FIELDS = [
  'name',
  'active',
  'source',
  'matchers',
  'typeId',
  'priority',
  'groupId',
  'organizationId',
  'resolveStatus',
  'repeatCommentMinutes',
  'position',
] as const;

function valuesOf(rule?: AlertRule) {
  return {
    name: rule?.name ?? '',
    active: rule?.active ?? true,
    source: rule?.source ?? '',
    matchers: (rule?.matchers ?? []).map((m) => ({ ...m })) as LabelMatcher[],
    typeId: rule?.typeId ?? null,
    priority: (rule?.priority ?? null) as TicketPriority | null,
    groupId: rule?.groupId ?? null,
    organizationId: rule?.organizationId ?? null,
    resolveStatus: rule?.resolveStatus ?? '',
    repeatCommentMinutes: rule?.repeatCommentMinutes ?? ('' as number | ''),
  };
}
type Values = ReturnType<typeof valuesOf>;

function toBody(v: Values): Omit<CreateAlertRule, 'position'> {
  return {
    name: v.name.trim(),
    active: v.active,
    source: (v.source || null) as CreateAlertRule['source'],
    matchers: v.matchers
      .filter((m) => m.label.trim())
      .map((m) => ({ label: m.label.trim(), op: m.op, value: m.value })),
    typeId: v.typeId,
    priority: v.priority,
    groupId: v.groupId,
    organizationId: v.organizationId,
    resolveStatus: v.resolveStatus.trim() || null,
    repeatCommentMinutes: v.repeatCommentMinutes === '' ? null : v.repeatCommentMinutes,
  };
}

export function AlertRuleForm({
  rule,
  onDone,
  onCancel,
  onReload,
}: {
  rule?: AlertRule;
  onDone: () => void;
  onCancel: () => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation(['alertRules', 'common']);
  const save = useSaveAlertRule();
  const { options, nameOf } = useRoutingLookups();
  const clearable = useClearable();
  const { form, field, errors } = useRecordForm({
    initialValues: valuesOf(rule),
    validate: (v) => (v.name.trim() ? {} : { name: t('nameRequired') }),
    saveError: save.error,
  });
  const { values } = form;

  const submit = (submitted: Values) => {
    const body = toBody(submitted);
    if (!rule) return save.mutate({ body }, { onSuccess: onDone });
    save.mutate({ id: rule.id, body: { ...body, version: rule.version } }, { onSuccess: onDone });
  };

  const single = (key: 'typeId' | 'groupId' | 'organizationId') => {
    const list =
      key === 'typeId'
        ? options.typeIds
        : key === 'groupId'
          ? options.groupId
          : options.organizationIds;
    return (
      <Select
        label={t(`f.${key}`)}
        placeholder={t('f.none')}
        data={withChosen(list, values[key] ? [values[key]] : [], nameOf)}
        value={values[key]}
        onChange={(value) => form.setFieldValue(key, value)}
        searchable
        {...clearable(t(`f.${key}`))}
        error={errors[key]}
        comboboxProps={{ withinPortal: true }}
        data-testid={`alert-rule-${key}`}
      />
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
      <TextInput
        label={t('name')}
        withAsterisk
        data-autofocus
        maxLength={200}
        {...field('name')}
        data-testid="alert-rule-name"
      />
      <Checkbox label={t('active')} {...field('active', { type: 'checkbox' })} />
      <Divider />
      <Title order={4} size="h6">
        {t('conditionsHeading')}
      </Title>
      <NativeSelect
        label={t('f.source')}
        data={[
          { value: '', label: t('anySource') },
          ...ALERT_SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) })),
        ]}
        {...field('source')}
        data-testid="alert-rule-source"
      />
      <Stack gap="xs">
        {values.matchers.map((m, i) => (
          <Group
            key={i}
            gap="xs"
            align="flex-end"
            wrap="nowrap"
            role="group"
            aria-label={t('f.matcherLabel', { n: i + 1 })}
          >
            <TextInput
              label={t('f.label')}
              maxLength={100}
              style={{ flex: 1 }}
              {...field(`matchers.${i}.label`)}
              data-testid={`alert-rule-matcher-label-${i}`}
            />
            <NativeSelect
              label={t('f.op')}
              data={MATCH_OPS.map((op) => ({ value: op, label: t(`ops.${op}`) }))}
              {...field(`matchers.${i}.op`)}
              data-testid={`alert-rule-matcher-op-${i}`}
            />
            <TextInput
              label={t('f.value')}
              maxLength={200}
              style={{ flex: 1 }}
              {...field(`matchers.${i}.value`)}
              data-testid={`alert-rule-matcher-value-${i}`}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              c="red.9"
              size="lg"
              onClick={() => form.removeListItem('matchers', i)}
              aria-label={t('f.removeMatcher', { n: i + 1 })}
              title={t('f.removeMatcher', { n: i + 1 })}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        {errors.matchers && (
          <Text size="sm" c="red.9" role="alert">
            {errors.matchers}
          </Text>
        )}
        <Group justify="space-between">
          <Button
            variant="default"
            size="compact-sm"
            disabled={values.matchers.length >= MAX_MATCHERS}
            onClick={() => form.insertListItem('matchers', { label: '', op: 'equals', value: '' })}
            data-testid="alert-rule-add-matcher"
          >
            {t('f.addMatcher')}
          </Button>
          <Text size="xs" c="gray.7">
            {t('f.valueHint')}
          </Text>
        </Group>
      </Stack>
      <Divider />
      <Title order={4} size="h6">
        {t('actionsHeading')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {single('typeId')}
        <NativeSelect
          label={t('f.priority')}
          data={[
            { value: '', label: t('f.prioritySeverity') },
            ...TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`common:priority.${p}`) })),
          ]}
          value={values.priority ?? ''}
          onChange={(e) =>
            form.setFieldValue('priority', (e.currentTarget.value || null) as TicketPriority | null)
          }
          error={errors.priority}
          data-testid="alert-rule-priority"
        />
        {single('groupId')}
        {single('organizationId')}
        <TextInput
          label={t('f.resolveStatus')}
          description={t('f.resolveStatusHint')}
          maxLength={50}
          {...field('resolveStatus')}
          data-testid="alert-rule-resolve-status"
        />
        <NumberInput
          label={t('f.repeatCommentMinutes')}
          description={t('f.repeatCommentMinutesHint')}
          min={0}
          max={10080}
          allowDecimal={false}
          allowNegative={false}
          {...field('repeatCommentMinutes')}
          data-testid="alert-rule-repeat"
        />
      </SimpleGrid>
    </FormShell>
  );
}
