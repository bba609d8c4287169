import { NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Permission, roleHasPermission } from '@relaydesk/contracts';
import { useUser } from '@relaydesk/web-auth';
import { changes } from '../../shared/forms/form-problem';
import { FormShell } from '../../shared/forms/form-shell';
import { useRecordForm } from '../../shared/forms/use-record-form';
import { OrganizationPicker } from '../tickets/components/pickers';
import { useSlaPolicies } from '../sla/hooks';
import type { Contract } from './api';
import { useSaveContract } from './hooks';
import { useRegisterMessages } from './register-messages';

const FIELDS = [
  'organizationId',
  'number',
  'title',
  'status',
  'validFrom',
  'validTo',
  'slaPolicyId',
  'allowanceSeconds',
  'allowancePeriod',
  'billingNotes',
] as const;

function valuesOf(c?: Contract) {
  return {
    organizationId: c?.organizationId ?? '',
    number: c?.number ?? '',
    title: c?.title ?? '',
    status: c?.storedStatus ?? 'active',
    validFrom: c?.validFrom ?? '',
    validTo: c?.validTo ?? '',
    slaPolicyId: c?.slaPolicyId ?? '',
    allowanceHours: c?.allowanceSeconds != null ? String(c.allowanceSeconds / 3600) : '',
    allowancePeriod: c?.allowancePeriod ?? '',
    billingNotes: c?.billingNotes ?? '',
  };
}
type Values = ReturnType<typeof valuesOf>;

const toBody = (v: Values) => ({
  number: v.number.trim(),
  title: v.title.trim(),
  status: v.status as NonNullable<Contract['storedStatus']>,
  validFrom: v.validFrom || null,
  validTo: v.validTo || null,
  slaPolicyId: v.slaPolicyId || null,
  allowanceSeconds: v.allowanceHours === '' ? null : Math.round(Number(v.allowanceHours) * 3600),
  allowancePeriod: (v.allowancePeriod || null) as Contract['allowancePeriod'],
  billingNotes: v.billingNotes,
});

export interface RegisterFormProps<T> {
  record?: T;
  onDone: (saved: T) => void;
  onCancel: () => void;
  onReload: () => Promise<void>;
}

/** Create or edit a contract; the organization is chosen once (a move is a new contract). */
export function ContractForm({ record, onDone, onCancel, onReload }: RegisterFormProps<Contract>) {
  const { t } = useTranslation(['registers', 'admin']);
  const user = useUser();
  const save = useSaveContract();
  const policies = useSlaPolicies();
  const mayReadPolicies = roleHasPermission(user.role, Permission.SlaManage);
  const messages = useRegisterMessages();
  const { form, field, errors } = useRecordForm({
    initialValues: valuesOf(record),
    validate: (v) => ({
      ...(v.organizationId ? {} : { organizationId: t('admin:validation.required') }),
      ...(v.number.trim() ? {} : { number: t('admin:validation.required') }),
      ...(v.title.trim() ? {} : { title: t('admin:validation.required') }),
    }),
    saveError: save.error,
    messages,
    followRecord: true,
  });
  // The API names the allowance `allowanceSeconds`; the form asks for hours.
  const hoursError = errors.allowanceSeconds;

  const submit = (values: Values) => {
    const body = toBody(values);
    if (!record) {
      return save.mutate(
        { body: { ...body, organizationId: values.organizationId } },
        { onSuccess: (c) => onDone(c as Contract) },
      );
    }
    const changed = changes(toBody(valuesOf(record)), body);
    if (Object.keys(changed).length === 0) return onCancel();
    save.mutate(
      { id: record.id, body: { ...changed, version: record.version ?? 0 } },
      { onSuccess: (c) => onDone(c as Contract) },
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
      messages={messages}
      conflictText={t('registers:conflictKeepsInput')}
    >
      {!record && (
        <OrganizationPicker
          label={t('common.organization')}
          withAsterisk
          value={form.values.organizationId || null}
          onChange={(id) => form.setFieldValue('organizationId', id ?? '')}
          error={errors.organizationId}
          data-testid="contract-organization"
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('contracts.number')}
          withAsterisk
          maxLength={100}
          data-autofocus
          data-testid="contract-number"
          {...field('number')}
        />
        <Select
          label={t('common.status')}
          data={(['draft', 'active', 'suspended'] as const).map((s) => ({
            value: s,
            label: t(`contractStatus.${s}`),
          }))}
          allowDeselect={false}
          {...field('status')}
        />
      </SimpleGrid>
      <TextInput
        label={t('contracts.name')}
        withAsterisk
        maxLength={200}
        data-testid="contract-title"
        {...field('title')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label={t('contracts.validFrom')}
          data-testid="contract-valid-from"
          {...field('validFrom')}
        />
        <TextInput
          type="date"
          label={t('contracts.validTo')}
          data-testid="contract-valid-to"
          {...field('validTo')}
        />
      </SimpleGrid>
      <Select
        label={t('contracts.slaPolicy')}
        description={t('contracts.slaPolicyHint')}
        placeholder={t('contracts.noPolicy')}
        clearable
        disabled={!mayReadPolicies}
        data={(mayReadPolicies ? (policies.data ?? []) : []).map((p) => ({
          value: p.id,
          label: p.name,
        }))}
        {...field('slaPolicyId')}
        value={form.values.slaPolicyId || null}
        onChange={(v) => form.setFieldValue('slaPolicyId', v ?? '')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t('contracts.allowanceHours')}
          min={0}
          decimalScale={2}
          value={form.values.allowanceHours}
          onChange={(v) => form.setFieldValue('allowanceHours', v === '' ? '' : String(v))}
          error={hoursError}
          data-testid="contract-allowance"
        />
        <Select
          label={t('contracts.allowancePeriod')}
          clearable
          data={(['month', 'contract'] as const).map((p) => ({
            value: p,
            label: t(`contracts.period_${p}`),
          }))}
          {...field('allowancePeriod')}
          value={form.values.allowancePeriod || null}
          onChange={(v) => form.setFieldValue('allowancePeriod', v ?? '')}
        />
      </SimpleGrid>
      <Textarea
        label={t('contracts.billingNotes')}
        autosize
        minRows={2}
        maxRows={8}
        data-testid="contract-billing-notes"
        {...field('billingNotes')}
      />
    </FormShell>
  );
}
