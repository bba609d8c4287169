import {
  Checkbox,
  Divider,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, type TicketPriority } from '@relaydesk/contracts';
import { changes } from '../../../shared/forms/form-problem';
import { FormShell } from '../../../shared/forms/form-shell';
import { useRecordForm } from '../../../shared/forms/use-record-form';
import { useClearable } from '../../../shared/forms/clearable';
import { useRoutingLookups, withChosen } from '../../assignment/components/use-lookups';
import type { SlaPolicy } from '../api';
import { RegisterConditions } from './register-conditions';
import { useSaveSlaPolicy, useSlaCalendars } from '../hooks';

const FIELDS = [
  'name',
  'position',
  'active',
  'calendarId',
  'conditions',
  'firstResponseSeconds',
  'resolutionSeconds',
  'reminderPercent',
] as const;

/** A target as hours and minutes in the form; '' for "not measured". */
interface Target {
  hours: number | '';
  minutes: number | '';
}
const toTarget = (seconds: number | null | undefined): Target =>
  seconds == null
    ? { hours: '', minutes: '' }
    : { hours: Math.floor(seconds / 3600), minutes: Math.floor((seconds % 3600) / 60) };
const toSeconds = (t: Target): number | null =>
  t.hours === '' && t.minutes === ''
    ? null
    : (Number(t.hours) || 0) * 3600 + (Number(t.minutes) || 0) * 60;

function valuesOf(p?: SlaPolicy, calendarId?: string) {
  return {
    name: p?.name ?? '',
    position: p?.position ?? 0,
    active: p?.active ?? true,
    calendarId: p?.calendarId ?? calendarId ?? null,
    organizationIds: p?.conditions.organizationIds ?? [],
    priorities: (p?.conditions.priorities ?? []) as TicketPriority[],
    typeIds: p?.conditions.typeIds ?? [],
    contractIds: p?.conditions.contractIds ?? [],
    serviceObjectIds: p?.conditions.serviceObjectIds ?? [],
    equipmentTypeIds: p?.conditions.equipmentTypeIds ?? [],
    firstResponse: toTarget(p ? p.firstResponseSeconds : 4 * 3600),
    resolution: toTarget(p ? p.resolutionSeconds : 24 * 3600),
    reminderPercent: p?.reminderPercent ?? 75,
  };
}
type Values = ReturnType<typeof valuesOf>;

const toBody = (v: Values) => ({
  name: v.name.trim(),
  position: v.position,
  active: v.active,
  calendarId: v.calendarId ?? '',
  conditions: {
    organizationIds: v.organizationIds,
    priorities: v.priorities,
    typeIds: v.typeIds,
    contractIds: v.contractIds,
    serviceObjectIds: v.serviceObjectIds,
    equipmentTypeIds: v.equipmentTypeIds,
  },
  firstResponseSeconds: toSeconds(v.firstResponse),
  resolutionSeconds: toSeconds(v.resolution),
  reminderPercent: v.reminderPercent,
});

function TargetInputs({
  label,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  value: Target;
  onChange: (t: Target) => void;
  error?: string;
  testId: string;
}) {
  const { t } = useTranslation('slaAdmin');
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {label}
      </Text>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <NumberInput
          aria-label={`${label}: ${t('policies.hours')}`}
          placeholder={t('policies.notMeasured')}
          suffix={` ${t('policies.hours').toLocaleLowerCase()}`}
          min={0}
          max={87600}
          allowDecimal={false}
          value={value.hours}
          onChange={(h) => onChange({ ...value, hours: h === '' ? '' : Number(h) })}
          w={130}
          data-testid={`${testId}-hours`}
        />
        <NumberInput
          aria-label={`${label}: ${t('policies.minutes')}`}
          suffix={` ${t('policies.minutes').toLocaleLowerCase()}`}
          min={0}
          max={59}
          allowDecimal={false}
          value={value.minutes}
          onChange={(m) => onChange({ ...value, minutes: m === '' ? '' : Number(m) })}
          w={130}
          data-testid={`${testId}-minutes`}
        />
      </Group>
      {error && (
        <Text size="xs" c="red.9" mt={4}>
          {error}
        </Text>
      )}
    </div>
  );
}

export function PolicyForm({
  policy,
  onDone,
  onCancel,
  onReload,
}: {
  policy?: SlaPolicy;
  onDone: () => void;
  onCancel: () => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation(['slaAdmin', 'common']);
  const save = useSaveSlaPolicy();
  const calendars = useSlaCalendars();
  const { options, nameOf } = useRoutingLookups();
  const clearable = useClearable();
  const { form, field, errors } = useRecordForm({
    initialValues: valuesOf(policy, calendars.data?.[0]?.id),
    validate: (v) => {
      const missing: Record<string, string> = {};
      if (!v.name.trim()) missing.name = t('policies.required');
      if (!v.calendarId) missing.calendarId = t('policies.calendarRequired');
      for (const key of ['firstResponse', 'resolution'] as const) {
        const s = toSeconds(v[key]);
        if (s !== null && s < 60) missing[`${key}Seconds`] = t('policies.targetMin');
      }
      return missing;
    },
    saveError: save.error,
  });
  const { values } = form;
  const overridden = Object.keys(policy?.priorityTargets ?? {});

  const submit = (submitted: Values) => {
    const body = toBody(submitted);
    if (!policy) return save.mutate({ body }, { onSuccess: onDone });
    const changed = changes(toBody(valuesOf(policy)), body);
    if (Object.keys(changed).length === 0) return onCancel();
    save.mutate(
      { id: policy.id, body: { ...changed, version: policy.version } },
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
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('policies.name')}
          withAsterisk
          data-autofocus
          maxLength={200}
          {...field('name')}
          data-testid="policy-name"
        />
        <Select
          label={t('policies.calendar')}
          withAsterisk
          data={(calendars.data ?? []).map((c) => ({
            value: c.id,
            label: `${c.name} (${c.timeZone})`,
          }))}
          value={values.calendarId}
          onChange={(id) => form.setFieldValue('calendarId', id)}
          searchable
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          error={errors.calendarId}
          data-testid="policy-calendar"
        />
        <NumberInput
          label={t('policies.position')}
          description={t('policies.positionHint')}
          min={0}
          max={1_000_000}
          allowDecimal={false}
          value={values.position}
          onChange={(n) => form.setFieldValue('position', Number(n) || 0)}
          error={errors.position}
          data-testid="policy-position"
        />
        <NumberInput
          label={t('policies.reminder')}
          description={t('policies.reminderHint')}
          min={1}
          max={99}
          suffix=" %"
          allowDecimal={false}
          value={values.reminderPercent}
          onChange={(n) =>
            form.setFieldValue('reminderPercent', Math.min(99, Math.max(1, Number(n) || 75)))
          }
          error={errors.reminderPercent}
          data-testid="policy-reminder"
        />
      </SimpleGrid>
      <Checkbox label={t('policies.active')} {...field('active', { type: 'checkbox' })} />
      <Divider />
      <Title order={4} size="h6">
        {t('policies.conditionsHeading')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <MultiSelect
          label={t('policies.organizations')}
          data={withChosen(options.organizationIds, values.organizationIds, nameOf)}
          value={values.organizationIds}
          onChange={(v) => form.setFieldValue('organizationIds', v)}
          searchable
          hidePickedOptions
          {...clearable(t('policies.organizations'))}
          comboboxProps={{ withinPortal: true }}
          data-testid="policy-organizations"
        />
        <MultiSelect
          label={t('policies.priorities')}
          data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))}
          value={values.priorities}
          onChange={(v) => form.setFieldValue('priorities', v as TicketPriority[])}
          {...clearable(t('policies.priorities'))}
          comboboxProps={{ withinPortal: true }}
          data-testid="policy-priorities"
        />
        <MultiSelect
          label={t('policies.types')}
          data={withChosen(options.typeIds, values.typeIds, nameOf)}
          value={values.typeIds}
          onChange={(v) => form.setFieldValue('typeIds', v)}
          searchable
          hidePickedOptions
          {...clearable(t('policies.types'))}
          comboboxProps={{ withinPortal: true }}
          data-testid="policy-types"
        />
        <RegisterConditions
          values={values}
          onChange={(key, ids) => form.setFieldValue(key, ids)}
          orgName={nameOf}
          errors={errors}
        />
      </SimpleGrid>
      <Divider />
      <Title order={4} size="h6">
        {t('policies.targetsHeading')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TargetInputs
          label={t('policies.firstResponse')}
          value={values.firstResponse}
          onChange={(v) => form.setFieldValue('firstResponse', v)}
          error={errors.firstResponseSeconds}
          testId="policy-first-response"
        />
        <TargetInputs
          label={t('policies.resolution')}
          value={values.resolution}
          onChange={(v) => form.setFieldValue('resolution', v)}
          error={errors.resolutionSeconds}
          testId="policy-resolution"
        />
      </SimpleGrid>
      {overridden.length > 0 && (
        <Text size="xs" c="gray.7">
          {t('policies.perPriority', {
            list: overridden.map((p) => t(`common:priority.${p}`)).join(', '),
          })}
        </Text>
      )}
    </FormShell>
  );
}
