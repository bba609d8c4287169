import { useState } from 'react';
import { Checkbox, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../directory/api';
import { useSaveOrganization } from '../../directory/hooks';
import type { RecordFormProps } from '../../../shared/forms/admin-section';
import { changes, looksLikeEmail, orNull, useFormErrors } from '../../../shared/forms/form-problem';
import { FormShell } from '../../../shared/forms/form-shell';

const FIELDS = ['name', 'taxId', 'address', 'phone', 'email', 'notes', 'active'] as const;

function valuesOf(record?: Organization) {
  return {
    name: record?.name ?? '',
    taxId: record?.taxId ?? '',
    address: record?.address ?? '',
    phone: record?.phone ?? '',
    email: record?.email ?? '',
    notes: record?.notes ?? '',
    active: record?.active ?? true,
  };
}
type Values = ReturnType<typeof valuesOf>;

const toBody = (v: Values) => ({
  name: v.name.trim(),
  taxId: orNull(v.taxId),
  address: orNull(v.address),
  phone: orNull(v.phone),
  email: orNull(v.email),
  notes: orNull(v.notes),
  active: v.active,
});

export function OrganizationForm({
  record,
  onDone,
  onCancel,
  onReload,
}: RecordFormProps<Organization>) {
  const { t } = useTranslation('admin');
  const save = useSaveOrganization();
  const [values, setValues] = useState(() => valuesOf(record));
  const [required, setRequired] = useState<Record<string, string>>({});
  const errors = { ...useFormErrors(save.error), ...required };
  const text = (field: keyof Values) => ({
    value: values[field] as string,
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [field]: value }));
    },
    error: errors[field],
  });

  const submit = () => {
    const missing: Record<string, string> = {};
    if (!values.name.trim()) missing.name = t('validation.required');
    if (values.email.trim() && !looksLikeEmail(values.email)) missing.email = t('validation.email');
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
      <TextInput label={t('fields.name')} withAsterisk data-autofocus {...text('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('fields.taxId')} {...text('taxId')} />
        <TextInput label={t('fields.phone')} type="tel" {...text('phone')} />
      </SimpleGrid>
      <TextInput label={t('fields.email')} type="email" {...text('email')} />
      <Textarea label={t('fields.address')} autosize minRows={2} {...text('address')} />
      <Textarea label={t('fields.notes')} autosize minRows={2} maxRows={8} {...text('notes')} />
      <Checkbox
        label={t('status.organizations.active')}
        description={t('fields.organizationActiveHint')}
        checked={values.active}
        onChange={(e) => {
          const active = e.currentTarget.checked;
          setValues((v) => ({ ...v, active }));
        }}
        error={errors.active}
      />
    </FormShell>
  );
}
