import {
  Checkbox,
  NativeSelect,
  PasswordInput,
  Select,
  SimpleGrid,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@relaydesk/contracts';
import type { User } from '../../directory/api';
import { useSaveUser } from '../../directory/hooks';
import { useAllDepartments } from '../hooks';
import type { RecordFormProps } from '../../../shared/forms/admin-section';
import { changes, looksLikeEmail, orNull } from '../../../shared/forms/form-problem';
import { FormShell } from '../../../shared/forms/form-shell';
import { useRecordForm } from '../../../shared/forms/use-record-form';
import { DateTimeInput } from '../../tickets/components/detail/date-time-input';
import { OrganizationSelect } from './organization-select';
import { useClearable } from '../../../shared/forms/clearable';
import { InvitationButton } from './invitation-button';
import { ObjectAccessSection } from './object-access-section';
import { VisibilityScopeSelect } from '../../visibility/components/visibility-scope-select';

export const ROLES = ['admin', 'dispatcher', 'agent', 'client'] as const;
type Role = (typeof ROLES)[number];

/** Each language by its own name, as language pickers do. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  ru: 'Русский',
  cs: 'Čeština',
};

const FIELDS = [
  'email',
  'name',
  'phone',
  'locale',
  'role',
  'organizationId',
  'departmentId',
  'visibilityScope',
  'canViewOrganizationTickets',
  'active',
  'outOfOfficeFrom',
  'outOfOfficeUntil',
  'password',
] as const;

function valuesOf(record?: User) {
  return {
    email: record?.email ?? '',
    name: record?.name ?? '',
    phone: record?.phone ?? '',
    locale: (record?.locale ?? 'en') as Locale,
    role: (record?.role ?? 'agent') as Role,
    organizationId: record?.organizationId ?? null,
    departmentId: record?.departmentId ?? null,
    visibilityScope: record?.visibilityScope ?? null,
    canViewOrganizationTickets: record?.canViewOrganizationTickets ?? false,
    active: record?.active ?? true,
    outOfOfficeFrom: record?.outOfOfficeFrom ?? null,
    outOfOfficeUntil: record?.outOfOfficeUntil ?? null,
  };
}
type Values = ReturnType<typeof valuesOf>;

/** What the API accepts: organizations are for clients only, departments for staff only. */
function toBody(v: Values) {
  const client = v.role === 'client';
  return {
    email: v.email.trim(),
    name: v.name.trim(),
    phone: orNull(v.phone),
    locale: v.locale,
    role: v.role,
    organizationId: client ? v.organizationId : null,
    departmentId: client ? null : v.departmentId,
    visibilityScope: client ? null : v.visibilityScope,
    canViewOrganizationTickets: client ? v.canViewOrganizationTickets : false,
    active: v.active,
    outOfOfficeFrom: client ? null : v.outOfOfficeFrom,
    outOfOfficeUntil: client ? null : v.outOfOfficeUntil,
  };
}

export function UserForm({ record, onDone, onCancel, onReload }: RecordFormProps<User>) {
  const { t } = useTranslation('admin');
  const { t: ta } = useTranslation('assignmentAdmin');
  const save = useSaveUser();
  const { departments } = useAllDepartments();
  const clearable = useClearable();
  const { form, field, errors } = useRecordForm({
    // The password is no field of the record: only a new one is sent.
    initialValues: { ...valuesOf(record), password: '' },
    validate: (v) => {
      const missing: Record<string, string> = {};
      if (!v.email.trim()) missing.email = t('validation.required');
      else if (!looksLikeEmail(v.email)) missing.email = t('validation.email');
      if (!v.name.trim()) missing.name = t('validation.required');
      if (v.role === 'client' && !v.organizationId) {
        missing.organizationId = t('validation.required');
      }
      if (v.password && v.password.length < 8) missing.password = t('validation.passwordLength');
      if (
        v.outOfOfficeFrom &&
        v.outOfOfficeUntil &&
        Date.parse(v.outOfOfficeUntil) <= Date.parse(v.outOfOfficeFrom)
      )
        missing.outOfOfficeUntil = ta('user.awayOrder');
      return missing;
    },
    saveError: save.error,
  });
  const { values } = form;
  const client = values.role === 'client';

  const departmentOptions = departments
    .filter((d) => d.active || d.id === values.departmentId)
    .map((d) => ({ value: d.id, label: d.name }));

  const submit = ({ password, ...submitted }: Values & { password: string }) => {
    const body = toBody(submitted);
    const withPassword = password ? { password } : {};
    if (!record) return save.mutate({ body: { ...body, ...withPassword } }, { onSuccess: onDone });
    const changed = { ...changes(toBody(valuesOf(record)), body), ...withPassword };
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
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('fields.fullName')}
          withAsterisk
          data-autofocus
          {...field('name')}
          data-testid="admin-user-name"
        />
        <TextInput
          label={t('fields.email')}
          withAsterisk
          type="email"
          autoComplete="off"
          {...field('email')}
          data-testid="admin-user-email"
        />
        <TextInput label={t('fields.phone')} type="tel" {...field('phone')} />
        <NativeSelect
          label={t('fields.locale')}
          data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          value={values.locale}
          onChange={(e) => form.setFieldValue('locale', e.currentTarget.value as Locale)}
          error={errors.locale}
        />
        <NativeSelect
          label={t('fields.role')}
          data={ROLES.map((r) => ({ value: r, label: t(`common:role.${r}`) }))}
          value={values.role}
          onChange={(e) => form.setFieldValue('role', e.currentTarget.value as Role)}
          error={errors.role}
          data-testid="admin-user-role"
        />
        {client ? (
          <OrganizationSelect
            value={values.organizationId}
            onChange={(id) => form.setFieldValue('organizationId', id)}
            error={errors.organizationId}
          />
        ) : (
          <Select
            label={t('fields.department')}
            placeholder={t('fields.noDepartment')}
            data={departmentOptions}
            value={values.departmentId}
            onChange={(id) => form.setFieldValue('departmentId', id)}
            searchable
            {...clearable(t('fields.department'))}
            nothingFoundMessage={t('list.nothingFound')}
            error={errors.departmentId}
          />
        )}
      </SimpleGrid>
      {client ? (
        <Checkbox
          label={t('fields.canViewOrganizationTickets')}
          description={t('fields.canViewOrganizationTicketsHint')}
          {...field('canViewOrganizationTickets', { type: 'checkbox' })}
        />
      ) : (
        <VisibilityScopeSelect
          value={values.visibilityScope}
          onChange={(scope) => form.setFieldValue('visibilityScope', scope)}
          error={errors.visibilityScope}
        />
      )}
      <Checkbox
        label={t('status.users.active')}
        description={t('fields.userActiveHint')}
        {...field('active', { type: 'checkbox' })}
      />
      {!client && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateTimeInput
            label={ta('user.awayFrom')}
            description={ta('user.awayHint')}
            value={values.outOfOfficeFrom}
            onChange={(iso) => form.setFieldValue('outOfOfficeFrom', iso)}
            error={errors.outOfOfficeFrom}
            data-testid="admin-user-away-from"
          />
          <DateTimeInput
            label={ta('user.awayUntil')}
            description={ta('user.awayUntilHint')}
            value={values.outOfOfficeUntil}
            onChange={(iso) => form.setFieldValue('outOfOfficeUntil', iso)}
            error={errors.outOfOfficeUntil}
            data-testid="admin-user-away-until"
          />
        </SimpleGrid>
      )}
      <PasswordInput
        label={record ? t('fields.newPassword') : t('fields.password')}
        description={record ? t('fields.newPasswordHint') : t('fields.passwordHint')}
        autoComplete="new-password"
        {...field('password')}
        data-testid="admin-user-password"
      />
      {record?.role === 'client' && record.organizationId && (
        <ObjectAccessSection userId={record.id} organizationId={record.organizationId} />
      )}
      {record && <InvitationButton userId={record.id} />}
    </FormShell>
  );
}
