import { useState } from 'react';
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
import { changes, looksLikeEmail, orNull, useFormErrors } from '../../../shared/forms/form-problem';
import { FormShell } from '../../../shared/forms/form-shell';
import { DateTimeInput } from '../../tickets/components/detail/date-time-input';
import { OrganizationSelect } from './organization-select';
import { useClearable } from '../../../shared/forms/clearable';

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
  'canViewAll',
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
    canViewAll: record?.canViewAll ?? false,
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
    canViewAll: client ? false : v.canViewAll,
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
  const [values, setValues] = useState(() => valuesOf(record));
  const [password, setPassword] = useState('');
  const [required, setRequired] = useState<Record<string, string>>({});
  const errors = { ...useFormErrors(save.error), ...required };
  const set = <K extends keyof Values>(field: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [field]: value }));
  const client = values.role === 'client';

  const departmentOptions = departments
    .filter((d) => d.active || d.id === values.departmentId)
    .map((d) => ({ value: d.id, label: d.name }));

  const submit = () => {
    const missing: Record<string, string> = {};
    if (!values.email.trim()) missing.email = t('validation.required');
    else if (!looksLikeEmail(values.email)) missing.email = t('validation.email');
    if (!values.name.trim()) missing.name = t('validation.required');
    if (client && !values.organizationId) missing.organizationId = t('validation.required');
    if (password && password.length < 8) missing.password = t('validation.passwordLength');
    if (
      values.outOfOfficeFrom &&
      values.outOfOfficeUntil &&
      Date.parse(values.outOfOfficeUntil) <= Date.parse(values.outOfOfficeFrom)
    )
      missing.outOfOfficeUntil = ta('user.awayOrder');
    setRequired(missing);
    if (Object.keys(missing).length) return;
    const body = toBody(values);
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
      onSubmit={submit}
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
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
          data-testid="admin-user-name"
        />
        <TextInput
          label={t('fields.email')}
          withAsterisk
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          error={errors.email}
          data-testid="admin-user-email"
        />
        <TextInput
          label={t('fields.phone')}
          type="tel"
          value={values.phone}
          onChange={(e) => set('phone', e.currentTarget.value)}
          error={errors.phone}
        />
        <NativeSelect
          label={t('fields.locale')}
          data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          value={values.locale}
          onChange={(e) => set('locale', e.currentTarget.value as Locale)}
          error={errors.locale}
        />
        <NativeSelect
          label={t('fields.role')}
          data={ROLES.map((r) => ({ value: r, label: t(`common:role.${r}`) }))}
          value={values.role}
          onChange={(e) => set('role', e.currentTarget.value as Role)}
          error={errors.role}
          data-testid="admin-user-role"
        />
        {client ? (
          <OrganizationSelect
            value={values.organizationId}
            onChange={(id) => set('organizationId', id)}
            error={errors.organizationId}
          />
        ) : (
          <Select
            label={t('fields.department')}
            placeholder={t('fields.noDepartment')}
            data={departmentOptions}
            value={values.departmentId}
            onChange={(id) => set('departmentId', id)}
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
          checked={values.canViewOrganizationTickets}
          onChange={(e) => set('canViewOrganizationTickets', e.currentTarget.checked)}
          error={errors.canViewOrganizationTickets}
        />
      ) : (
        <Checkbox
          label={t('fields.canViewAll')}
          description={t('fields.canViewAllHint')}
          checked={values.canViewAll}
          onChange={(e) => set('canViewAll', e.currentTarget.checked)}
          error={errors.canViewAll}
        />
      )}
      <Checkbox
        label={t('status.users.active')}
        description={t('fields.userActiveHint')}
        checked={values.active}
        onChange={(e) => set('active', e.currentTarget.checked)}
        error={errors.active}
      />
      {!client && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateTimeInput
            label={ta('user.awayFrom')}
            description={ta('user.awayHint')}
            value={values.outOfOfficeFrom}
            onChange={(iso) => set('outOfOfficeFrom', iso)}
            error={errors.outOfOfficeFrom}
            data-testid="admin-user-away-from"
          />
          <DateTimeInput
            label={ta('user.awayUntil')}
            description={ta('user.awayUntilHint')}
            value={values.outOfOfficeUntil}
            onChange={(iso) => set('outOfOfficeUntil', iso)}
            error={errors.outOfOfficeUntil}
            data-testid="admin-user-away-until"
          />
        </SimpleGrid>
      )}
      <PasswordInput
        label={record ? t('fields.newPassword') : t('fields.password')}
        description={record ? t('fields.newPasswordHint') : t('fields.passwordHint')}
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={errors.password}
        data-testid="admin-user-password"
      />
    </FormShell>
  );
}
