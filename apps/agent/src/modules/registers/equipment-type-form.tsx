import { useState } from 'react';
import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELD_KINDS, type CustomFieldKind } from '@relaydesk/contracts';
import { FormShell } from '../../shared/forms/form-shell';
import { useFormErrors } from '../../shared/forms/form-problem';
import { namesBody, namesOf, type NamesValue } from '../../shared/forms/names-inputs';
import {
  newOption,
  OptionsEditor,
  type OptionValue,
} from '../ticket-types/components/options-editor';
import type { EquipmentType } from './api';
import type { RegisterFormProps } from './contract-form';
import { useSaveEquipmentType } from './hooks';
import { useRegisterMessages } from './register-messages';

const WITH_OPTIONS: CustomFieldKind[] = ['select', 'multi_select'];
const LANGS = ['en', 'ru', 'cs'] as const;

interface FieldDraft {
  uid: string;
  /** Saved fields keep their key and kind (the API refuses a change of kind). */
  saved: boolean;
  key: string;
  name: NamesValue;
  kind: CustomFieldKind;
  required: boolean;
  clientVisible: boolean;
  active: boolean;
  options: OptionValue[];
}

let counter = 0;
const draftOf = (f?: EquipmentType['fields'][number]): FieldDraft => ({
  uid: `f${++counter}`,
  saved: !!f,
  key: f?.key ?? '',
  name: namesOf(f?.name),
  kind: f?.kind ?? 'text',
  required: f?.required ?? false,
  clientVisible: f?.clientVisible ?? false,
  active: f?.active ?? true,
  options: (f?.options ?? []).map((o) => newOption(o.value, namesOf(o.name))),
});

const fieldBody = (f: FieldDraft) => ({
  key: f.key.trim(),
  name: namesBody(f.name),
  kind: f.kind,
  required: f.required,
  clientVisible: f.clientVisible,
  active: f.active,
  ...(WITH_OPTIONS.includes(f.kind)
    ? { options: f.options.map((o) => ({ value: o.value.trim(), name: namesBody(o.name) })) }
    : {}),
});

/** The errors of field i (`fields[i].key` → `key`), for its inputs and its options editor. */
function errorsOf(errors: Record<string, string>, i: number): Record<string, string> {
  const prefix = `fields[${i}].`;
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length), v]),
  );
}

/**
 * An equipment type: its name and its custom fields (the ticket custom fields' kinds), saved
 * whole; a saved field keeps its key and kind, and is retired by making it inactive.
 */
export function EquipmentTypeForm({
  record,
  onDone,
  onCancel,
  onReload,
}: RegisterFormProps<EquipmentType>) {
  const { t } = useTranslation(['registers', 'ticketTypes', 'admin']);
  const save = useSaveEquipmentType();
  const messages = useRegisterMessages();
  const serverErrors = useFormErrors(save.error, messages);
  const [name, setName] = useState(record?.name ?? '');
  const [fields, setFields] = useState<FieldDraft[]>((record?.fields ?? []).map(draftOf));
  const [nameMissing, setNameMissing] = useState(false);
  const set = (uid: string, patch: Partial<FieldDraft>) =>
    setFields((all) => all.map((f) => (f.uid === uid ? { ...f, ...patch } : f)));

  const submit = () => {
    if (!name.trim()) return setNameMissing(true);
    const body = { name: name.trim(), fields: fields.map(fieldBody) };
    save.mutate(
      record ? { id: record.id, body: { ...body, version: record.version ?? 0 } } : { body },
      { onSuccess: (saved) => onDone(saved as EquipmentType) },
    );
  };
  const shown = [
    'name',
    ...fields.flatMap((_, i) =>
      Object.keys(errorsOf(serverErrors, i)).map((k) => `fields[${i}].${k}`),
    ),
  ];

  return (
    <FormShell
      onSubmit={submit}
      onCancel={onCancel}
      onReload={onReload}
      saving={save.isPending}
      error={save.error}
      fields={shown}
      messages={messages}
    >
      <TextInput
        label={t('types.name')}
        withAsterisk
        maxLength={200}
        value={name}
        onChange={(e) => {
          setName(e.currentTarget.value);
          setNameMissing(false);
        }}
        error={serverErrors.name ?? (nameMissing ? t('admin:validation.required') : undefined)}
        data-autofocus
        data-testid="type-name"
      />
      <Text size="sm" fw={600}>
        {t('types.fields')}
      </Text>
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('types.noFields')}
        </Text>
      )}
      {fields.map((f, i) => {
        const errors = errorsOf(serverErrors, i);
        return (
          <Card key={f.uid} withBorder padding="sm" data-testid="type-field">
            <Stack gap="xs">
              <Group align="flex-end" wrap="nowrap">
                <TextInput
                  label={t('types.key')}
                  description={f.saved ? undefined : t('types.keyHint')}
                  withAsterisk
                  disabled={f.saved}
                  value={f.key}
                  onChange={(e) => set(f.uid, { key: e.currentTarget.value })}
                  error={errors.key}
                  style={{ flex: 1 }}
                  data-testid={`type-field-key-${i}`}
                />
                <Select
                  label={t('types.kind')}
                  disabled={f.saved}
                  allowDeselect={false}
                  data={CUSTOM_FIELD_KINDS.map((k) => ({
                    value: k,
                    label: t(`ticketTypes:kinds.${k}`),
                  }))}
                  value={f.kind}
                  onChange={(v) =>
                    v &&
                    set(f.uid, {
                      kind: v as CustomFieldKind,
                      options:
                        WITH_OPTIONS.includes(v as CustomFieldKind) && f.options.length === 0
                          ? [newOption()]
                          : f.options,
                    })
                  }
                  error={errors.kind}
                  style={{ flex: 1 }}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={4}
                  disabled={f.saved}
                  aria-label={t('types.removeField', { key: f.key || i + 1 })}
                  onClick={() => setFields((all) => all.filter((x) => x.uid !== f.uid))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {LANGS.map((lang) => (
                  <TextInput
                    key={lang}
                    label={t('types.fieldName', { lang: lang.toUpperCase() })}
                    withAsterisk={lang === 'en'}
                    value={f.name[lang]}
                    onChange={(e) =>
                      set(f.uid, { name: { ...f.name, [lang]: e.currentTarget.value } })
                    }
                    error={errors[`name.${lang}`] ?? (lang === 'en' ? errors.name : undefined)}
                    data-testid={`type-field-name-${lang}-${i}`}
                  />
                ))}
              </SimpleGrid>
              <Group gap="lg">
                <Checkbox
                  label={t('types.required')}
                  checked={f.required}
                  onChange={(e) => set(f.uid, { required: e.currentTarget.checked })}
                />
                <Checkbox
                  label={t('types.clientVisible')}
                  checked={f.clientVisible}
                  onChange={(e) => set(f.uid, { clientVisible: e.currentTarget.checked })}
                />
                <Checkbox
                  label={t('types.active')}
                  checked={f.active}
                  onChange={(e) => set(f.uid, { active: e.currentTarget.checked })}
                />
              </Group>
              {WITH_OPTIONS.includes(f.kind) && (
                <OptionsEditor
                  options={f.options}
                  onChange={(options) => set(f.uid, { options })}
                  errors={errors}
                />
              )}
            </Stack>
          </Card>
        );
      })}
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() => setFields((all) => [...all, draftOf()])}
          data-testid="type-field-add"
        >
          {t('types.addField')}
        </Button>
      </Group>
    </FormShell>
  );
}
