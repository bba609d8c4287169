import { Checkbox, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../directory/api';
import { useSaveOrganization } from '../../directory/hooks';
import type { RecordFormProps } from '../../../shared/forms/admin-section';
import { changes, looksLikeEmail, orNull } from '../../../shared/forms/form-problem';
import { FormShell } from '../../../shared/forms/form-shell';
import { useRecordForm } from '../../../shared/forms/use-record-form';

const FIELDS = [
  'name',
  'taxId',
  'address',
  'phone',
  'email',
  'notes',
  'active',
  'mailDomains',
] as const;

/** "customer.example, Branch.Example" → ['customer.example', 'branch.example']. */
const domainList = (text: string) =>
  [...new Set(text.split(/[\s,;]+/).map((d) => d.trim().toLowerCase()))].filter(Boolean);

function valuesOf(record?: Organization) {
  return {
    name: record?.name ?? '',
    taxId: record?.taxId ?? '',
    address: record?.address ?? '',
    phone: record?.phone ?? '',
    email: record?.email ?? '',
    notes: record?.notes ?? '',
    active: record?.active ?? true,
    mailDomains: (record?.mailDomains ?? []).join(', '),
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
  mailDomains: domainList(v.mailDomains),
});

export function OrganizationForm({
  record,
  onDone,
  onCancel,
  onReload,
}: RecordFormProps<Organization>) {
  const { t } = useTranslation(['admin', 'mailQuarantine']);
  const save = useSaveOrganization();
  const { form, field } = useRecordForm({
    initialValues: valuesOf(record),
    validate: (v) => ({
      ...(v.name.trim() ? {} : { name: t('validation.required') }),
      ...(v.email.trim() && !looksLikeEmail(v.email) ? { email: t('validation.email') } : {}),
    }),
    saveError: save.error,
  });

  const submit = (values: Values) => {
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
      onSubmit={form.onSubmit(submit)}
      onCancel={onCancel}
      onReload={onReload}
      saving={save.isPending}
      error={save.error}
      fields={FIELDS}
    >
      <TextInput label={t('fields.name')} withAsterisk data-autofocus {...field('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('fields.taxId')} {...field('taxId')} />
        <TextInput label={t('fields.phone')} type="tel" {...field('phone')} />
      </SimpleGrid>
      <TextInput label={t('fields.email')} type="email" {...field('email')} />
      <Textarea label={t('fields.address')} autosize minRows={2} {...field('address')} />
      <Textarea label={t('fields.notes')} autosize minRows={2} maxRows={8} {...field('notes')} />
      <TextInput
        label={t('mailQuarantine:orgFields.mailDomains')}
        description={t('mailQuarantine:orgFields.mailDomainsHint')}
        placeholder="customer.example"
        {...field('mailDomains')}
      />
      <Checkbox
        label={t('status.organizations.active')}
        description={t('fields.organizationActiveHint')}
        {...field('active', { type: 'checkbox' })}
      />
    </FormShell>
  );
}
