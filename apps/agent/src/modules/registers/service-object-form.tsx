import { Select, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Permission, roleHasPermission } from '@relaydesk/contracts';
import { useUser } from '@relaydesk/web-auth';
import { changes } from '../../shared/forms/form-problem';
import { FormShell } from '../../shared/forms/form-shell';
import { useRecordForm } from '../../shared/forms/use-record-form';
import { OrganizationPicker, UserPicker } from '../tickets/components/pickers';
import { useSlaCalendars } from '../sla/hooks';
import type { ServiceObject } from './api';
import type { RegisterFormProps } from './contract-form';
import { useSaveServiceObject } from './hooks';
import { useRegisterMessages } from './register-messages';

const FIELDS = ['organizationId', 'name', 'address', 'contactId', 'calendarId', 'notes'] as const;

function valuesOf(o?: ServiceObject) {
  return {
    organizationId: o?.organizationId ?? '',
    name: o?.name ?? '',
    address: o?.address ?? '',
    contactId: o?.contactId ?? '',
    calendarId: o?.calendarId ?? '',
    notes: o?.notes ?? '',
  };
}
type Values = ReturnType<typeof valuesOf>;

const toBody = (v: Values) => ({
  name: v.name.trim(),
  address: v.address.trim(),
  contactId: v.contactId || null,
  calendarId: v.calendarId || null,
  notes: v.notes,
});

/** Create or edit a client's site: address, contact person, working hours. */
export function ServiceObjectForm({
  record,
  onDone,
  onCancel,
  onReload,
  organizationId,
}: RegisterFormProps<ServiceObject> & { organizationId?: string | null }) {
  const { t } = useTranslation(['registers', 'admin']);
  const user = useUser();
  const save = useSaveServiceObject();
  // Calendars are SLA settings (administrators); others keep what is set.
  const mayReadCalendars = roleHasPermission(user.role, Permission.SlaManage);
  const calendars = useSlaCalendars();
  const messages = useRegisterMessages();
  const { form, field, errors } = useRecordForm({
    initialValues: {
      ...valuesOf(record),
      organizationId: record?.organizationId ?? organizationId ?? '',
    },
    validate: (v) => ({
      ...(v.organizationId ? {} : { organizationId: t('admin:validation.required') }),
      ...(v.name.trim() ? {} : { name: t('admin:validation.required') }),
    }),
    saveError: save.error,
    messages,
    followRecord: true,
  });
  const submit = (values: Values) => {
    const body = toBody(values);
    if (!record) {
      return save.mutate(
        { body: { ...body, organizationId: values.organizationId } },
        { onSuccess: (o) => onDone(o as ServiceObject) },
      );
    }
    const changed = changes(toBody(valuesOf(record)), body);
    if (Object.keys(changed).length === 0) return onCancel();
    save.mutate(
      { id: record.id, body: { ...changed, version: record.version ?? 0 } },
      { onSuccess: (o) => onDone(o as ServiceObject) },
    );
  };
  const calendarOptions = mayReadCalendars
    ? (calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))
    : record?.calendarId
      ? [{ value: record.calendarId, label: record.calendarName ?? '' }]
      : [];
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
          onChange={(id) => {
            form.setFieldValue('organizationId', id ?? '');
            form.setFieldValue('contactId', '');
          }}
          error={errors.organizationId}
          data-testid="object-organization"
        />
      )}
      <TextInput
        label={t('objects.name')}
        withAsterisk
        maxLength={200}
        data-autofocus
        data-testid="object-name"
        {...field('name')}
      />
      <Textarea label={t('objects.address')} autosize minRows={2} {...field('address')} />
      <UserPicker
        label={t('objects.contact')}
        scope="contacts"
        organizationId={form.values.organizationId || null}
        disabled={!form.values.organizationId}
        value={form.values.contactId || null}
        selectedName={record?.contactName}
        onChange={(id) => form.setFieldValue('contactId', id ?? '')}
        error={errors.contactId}
      />
      <Select
        label={t('objects.calendar')}
        description={t('objects.calendarHint')}
        placeholder={t('objects.noCalendar')}
        clearable
        disabled={!mayReadCalendars}
        data={calendarOptions}
        value={form.values.calendarId || null}
        onChange={(v) => form.setFieldValue('calendarId', v ?? '')}
        error={errors.calendarId}
      />
      <Textarea label={t('common.notes')} autosize minRows={2} maxRows={8} {...field('notes')} />
    </FormShell>
  );
}
