import { Checkbox, Group, NativeSelect, TextInput } from '@mantine/core';
import { CUSTOM_FIELD_KINDS, type CustomFieldKind } from '@relaydesk/contracts';
import { useTranslation } from 'react-i18next';
import { changes } from '../../../shared/forms/form-problem';
import { FormShell } from '../../../shared/forms/form-shell';
import { useRecordForm } from '../../../shared/forms/use-record-form';
import { NamesInputs, namesBody, namesOf } from '../../../shared/forms/names-inputs';
import type { TicketTypeField } from '../api';
import { useSaveField } from '../hooks';
import { newOption, OptionsEditor, type OptionValue } from './options-editor';

const KEY = /^[a-z][a-z0-9_]{0,49}$/;
const WITH_OPTIONS: CustomFieldKind[] = ['select', 'multi_select'];
const FIELDS = [
  'key',
  'name',
  'name.en',
  'name.ru',
  'name.cs',
  'kind',
  'required',
  'clientVisible',
  'clientEditable',
  'options',
  'active',
] as const;

function valuesOf(field?: TicketTypeField) {
  return {
    key: field?.key ?? '',
    name: namesOf(field?.name),
    kind: (field?.kind ?? 'text') as CustomFieldKind,
    required: field?.required ?? false,
    clientVisible: field?.clientVisible ?? false,
    clientEditable: field?.clientEditable ?? false,
    options: (field?.options ?? []).map((o) => newOption(o.value, namesOf(o.name))),
    active: field?.active ?? true,
  };
}
type Values = ReturnType<typeof valuesOf>;

const optionsBody = (options: OptionValue[]) =>
  options.map((o) => ({ value: o.value.trim(), name: namesBody(o.name) }));

const toBody = (v: Values) => ({
  name: namesBody(v.name),
  required: v.required,
  clientVisible: v.clientVisible,
  clientEditable: v.clientVisible && v.clientEditable,
  active: v.active,
  ...(WITH_OPTIONS.includes(v.kind) ? { options: optionsBody(v.options) } : {}),
});

interface FieldFormProps {
  typeId: string;
  field?: TicketTypeField;
  onDone: () => void;
  onCancel: () => void;
  onReload: () => Promise<void>;
}

/** One custom field: key and kind (fixed once created), name, who sees and edits it, options. */
export function FieldForm({ typeId, field, onDone, onCancel, onReload }: FieldFormProps) {
  const { t } = useTranslation(['ticketTypes', 'admin']);
  const save = useSaveField(typeId);
  const initial = valuesOf(field);
  const {
    form,
    field: input,
    errors,
  } = useRecordForm({
    initialValues:
      WITH_OPTIONS.includes(initial.kind) && initial.options.length === 0
        ? { ...initial, options: [newOption()] }
        : initial,
    validate: (v) => {
      const found: Record<string, string> = {};
      if (!field && !KEY.test(v.key.trim())) found.key = t('form.keyRule');
      if (!v.name.en.trim()) found['name.en'] = t('admin:validation.required');
      if (WITH_OPTIONS.includes(v.kind)) {
        if (v.options.length === 0) found.options = t('options.atLeastOne');
        v.options.forEach((o, i) => {
          if (!o.value.trim()) found[`options.${i}.value`] = t('admin:validation.required');
          if (!o.name.en.trim()) found[`options.${i}.name.en`] = t('admin:validation.required');
        });
      }
      return found;
    },
    saveError: save.error,
  });
  const { values } = form;
  const hasOptions = WITH_OPTIONS.includes(values.kind);

  const submit = (submitted: Values) => {
    const body = toBody(submitted);
    if (!field) {
      save.mutate(
        { body: { ...body, key: submitted.key.trim(), kind: submitted.kind } },
        { onSuccess: onDone },
      );
      return;
    }
    const changed = changes(toBody(valuesOf(field)), body);
    if (Object.keys(changed).length === 0) return onCancel();
    save.mutate(
      { id: field.id, body: { ...changed, version: field.version } },
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
      fields={[...FIELDS, ...Object.keys(errors).filter((k) => k.startsWith('options.'))]}
    >
      <Group grow align="flex-start">
        <TextInput
          label={t('fields.key')}
          description={field ? t('fields.keyFixed') : t('fields.keyHint')}
          withAsterisk={!field}
          disabled={!!field}
          data-autofocus
          {...input('key')}
          data-testid="field-key"
        />
        <NativeSelect
          label={t('fields.kind')}
          description={field ? t('fields.kindFixed') : undefined}
          disabled={!!field}
          data={CUSTOM_FIELD_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          value={values.kind}
          onChange={(e) => {
            const kind = e.currentTarget.value as CustomFieldKind;
            form.setValues((v) => ({
              kind,
              options:
                WITH_OPTIONS.includes(kind) && v.options?.length === 0 ? [newOption()] : v.options,
            }));
          }}
          error={errors.kind}
          data-testid="field-kind"
        />
      </Group>
      <NamesInputs
        value={values.name}
        onChange={(name) => form.setFieldValue('name', name)}
        errors={errors}
        testId="field-name"
      />
      <Checkbox
        label={t('fields.required')}
        {...input('required', { type: 'checkbox' })}
        data-testid="field-required"
      />
      <Checkbox
        label={t('fields.clientVisible')}
        description={t('fields.clientVisibleHint')}
        checked={values.clientVisible}
        onChange={(e) => {
          const checked = e.currentTarget.checked;
          form.setValues((v) => ({
            clientVisible: checked,
            clientEditable: checked && !!v.clientEditable,
          }));
        }}
        data-testid="field-client-visible"
      />
      <Checkbox
        label={t('fields.clientEditable')}
        description={t('fields.clientEditableHint')}
        disabled={!values.clientVisible}
        checked={values.clientVisible && values.clientEditable}
        onChange={(e) => form.setFieldValue('clientEditable', e.currentTarget.checked)}
        error={errors.clientEditable}
        data-testid="field-client-editable"
      />
      {hasOptions && (
        <OptionsEditor
          options={values.options}
          onChange={(options) => form.setFieldValue('options', options)}
          errors={errors}
        />
      )}
    </FormShell>
  );
}
