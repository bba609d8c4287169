import {
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  PasswordInput,
  Select,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, type TicketPriority } from '@relaydesk/contracts';
import { useClearable } from '../../../shared/forms/clearable';
import { FormShell } from '../../../shared/forms/form-shell';
import { useRecordForm } from '../../../shared/forms/use-record-form';
import { useRoutingLookups, withChosen } from '../../assignment/components/use-lookups';
import type { CreateMailbox, Mailbox } from '../api';
import { useSaveMailbox } from '../hooks';

const TLS_MODES = ['tls', 'starttls', 'none'] as const;
const POLICIES = ['quarantine', 'refuse'] as const;
const FIELDS = [
  'name',
  'address',
  'imapHost',
  'imapPort',
  'imapTls',
  'imapUser',
  'imapPassword',
  'folder',
  'processedFolder',
  'failedFolder',
  'defaultTypeId',
  'defaultGroupId',
  'defaultPriority',
  'unknownSenderPolicy',
  'active',
] as const;

function valuesOf(m?: Mailbox) {
  return {
    name: m?.name ?? '',
    address: m?.address ?? '',
    imapHost: m?.imapHost ?? '',
    imapPort: (m?.imapPort ?? 993) as number | '',
    imapTls: (m?.imapTls ?? 'tls') as (typeof TLS_MODES)[number],
    imapUser: m?.imapUser ?? '',
    // Write-only: never shown, sent only when typed.
    imapPassword: '',
    folder: m?.folder ?? 'INBOX',
    processedFolder: m?.processedFolder ?? 'Processed',
    failedFolder: m?.failedFolder ?? 'Failed',
    defaultTypeId: m?.defaultTypeId ?? null,
    defaultGroupId: m?.defaultGroupId ?? null,
    defaultPriority: (m?.defaultPriority ?? null) as TicketPriority | null,
    unknownSenderPolicy: (m?.unknownSenderPolicy ?? 'quarantine') as (typeof POLICIES)[number],
    active: m?.active ?? true,
  };
}
type Values = ReturnType<typeof valuesOf>;

function toBody(v: Values): Omit<CreateMailbox, 'imapPassword'> {
  return {
    name: v.name.trim(),
    address: v.address.trim(),
    imapHost: v.imapHost.trim(),
    imapPort: v.imapPort === '' ? 0 : v.imapPort,
    imapTls: v.imapTls,
    imapUser: v.imapUser.trim(),
    folder: v.folder.trim(),
    processedFolder: v.processedFolder.trim(),
    failedFolder: v.failedFolder.trim(),
    defaultTypeId: v.defaultTypeId,
    defaultGroupId: v.defaultGroupId,
    defaultPriority: v.defaultPriority,
    unknownSenderPolicy: v.unknownSenderPolicy,
    active: v.active,
  };
}

/** Create or edit a support mailbox; the password is write-only (blank keeps the stored one). */
export function MailboxForm({
  mailbox,
  onDone,
  onCancel,
  onReload,
}: {
  mailbox?: Mailbox;
  onDone: () => void;
  onCancel: () => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation(['mailboxesAdmin', 'common']);
  const save = useSaveMailbox();
  const { options, nameOf } = useRoutingLookups();
  const clearable = useClearable();
  const { form, field } = useRecordForm({
    initialValues: valuesOf(mailbox),
    validate: (v) => ({
      ...(v.name.trim() ? {} : { name: t('required') }),
      ...(v.address.trim() ? {} : { address: t('required') }),
      ...(v.imapHost.trim() ? {} : { imapHost: t('required') }),
      ...(v.imapUser.trim() ? {} : { imapUser: t('required') }),
      ...(mailbox || v.imapPassword ? {} : { imapPassword: t('required') }),
    }),
    saveError: save.error,
  });
  const { values } = form;

  const submit = (v: Values) => {
    const body = toBody(v);
    const password = v.imapPassword ? { imapPassword: v.imapPassword } : {};
    if (!mailbox) {
      return save.mutate(
        { create: { ...body, imapPassword: v.imapPassword } },
        { onSuccess: onDone },
      );
    }
    save.mutate(
      { id: mailbox.id, update: { ...body, ...password, version: mailbox.version } },
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
      <TextInput
        label={t('f.name')}
        withAsterisk
        data-autofocus
        maxLength={200}
        {...field('name')}
        data-testid="mailbox-name"
      />
      <TextInput
        label={t('f.address')}
        description={t('f.addressHint')}
        withAsterisk
        maxLength={254}
        placeholder="support@example.com"
        {...field('address')}
        data-testid="mailbox-address"
      />
      <Group grow align="flex-start">
        <TextInput
          label={t('f.imapHost')}
          withAsterisk
          maxLength={255}
          {...field('imapHost')}
          data-testid="mailbox-host"
        />
        <NumberInput
          label={t('f.imapPort')}
          min={1}
          max={65535}
          allowDecimal={false}
          {...field('imapPort')}
          data-testid="mailbox-port"
        />
        <NativeSelect
          label={t('f.imapTls')}
          data={TLS_MODES.map((m) => ({ value: m, label: t(`tls.${m}`) }))}
          {...field('imapTls')}
          data-testid="mailbox-tls"
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label={t('f.imapUser')}
          withAsterisk
          maxLength={254}
          autoComplete="off"
          {...field('imapUser')}
          data-testid="mailbox-user"
        />
        <PasswordInput
          label={t('f.imapPassword')}
          description={mailbox ? t('f.passwordKept') : undefined}
          withAsterisk={!mailbox}
          autoComplete="new-password"
          maxLength={1024}
          {...field('imapPassword')}
          data-testid="mailbox-password"
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput label={t('f.folder')} maxLength={200} {...field('folder')} />
        <TextInput label={t('f.processedFolder')} maxLength={200} {...field('processedFolder')} />
        <TextInput label={t('f.failedFolder')} maxLength={200} {...field('failedFolder')} />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('f.defaultTypeId')}
          placeholder={t('f.none')}
          data={withChosen(
            options.typeIds,
            values.defaultTypeId ? [values.defaultTypeId] : [],
            nameOf,
          )}
          value={values.defaultTypeId}
          onChange={(value) => form.setFieldValue('defaultTypeId', value)}
          searchable
          {...clearable(t('f.defaultTypeId'))}
        />
        <Select
          label={t('f.defaultGroupId')}
          placeholder={t('f.none')}
          data={withChosen(
            options.groupId,
            values.defaultGroupId ? [values.defaultGroupId] : [],
            nameOf,
          )}
          value={values.defaultGroupId}
          onChange={(value) => form.setFieldValue('defaultGroupId', value)}
          searchable
          {...clearable(t('f.defaultGroupId'))}
        />
        <Select
          label={t('f.defaultPriority')}
          placeholder={t('f.none')}
          data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))}
          value={values.defaultPriority}
          onChange={(value) =>
            form.setFieldValue('defaultPriority', value as TicketPriority | null)
          }
          {...clearable(t('f.defaultPriority'))}
        />
      </Group>
      <NativeSelect
        label={t('f.unknownSenderPolicy')}
        data={POLICIES.map((p) => ({ value: p, label: t(`policy.${p}`) }))}
        {...field('unknownSenderPolicy')}
      />
      <Checkbox label={t('f.active')} {...field('active', { type: 'checkbox' })} />
    </FormShell>
  );
}
