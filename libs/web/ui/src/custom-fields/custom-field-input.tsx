import type { ReactNode } from 'react';
import { Checkbox, MultiSelect, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import type { CustomFieldValue } from '@relaydesk/contracts';
import { useTranslatedName } from '../format';
import { useTranslation } from 'react-i18next';
import { fromLocalDateTime, toLocalDateTime } from './date-inputs';
import type { CustomFieldDefinition } from './values';

/** What a user or organization picker gets from the form (the app supplies the picker). */
export interface RefPickerProps {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: ReactNode;
  required: boolean;
  disabled?: boolean;
  'data-testid': string;
}

export interface CustomFieldInputProps {
  field: CustomFieldDefinition;
  value: CustomFieldValue | undefined;
  onChange: (value: CustomFieldValue) => void;
  error?: ReactNode;
  disabled?: boolean;
  testId: string;
  renderUserPicker?: (props: RefPickerProps) => ReactNode;
  renderOrganizationPicker?: (props: RefPickerProps) => ReactNode;
}

const TEXT_MAX = 1000;
const LONG_TEXT_MAX = 20000;
/** Longer option lists get a search box. */
const SEARCHABLE_FROM = 8;

/** One custom field as the Mantine input of its kind; `required` shows Mantine's asterisk. */
export function CustomFieldInput({
  field,
  value,
  onChange,
  error,
  disabled,
  testId,
  renderUserPicker,
  renderOrganizationPicker,
}: CustomFieldInputProps) {
  const { t } = useTranslation('customFields');
  const name = useTranslatedName();
  const label = name(field.name);
  const common = { label, required: field.required, error, disabled, 'data-testid': testId };
  const str = typeof value === 'string' ? value : '';
  const options = field.options.map((o) => ({ value: o.value, label: name(o.name) }));

  switch (field.kind) {
    case 'text':
      return (
        <TextInput
          {...common}
          maxLength={TEXT_MAX}
          value={str}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'long_text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={LONG_TEXT_MAX}
          value={str}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : null)}
          decimalSeparator="."
          allowDecimal
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={str}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
    case 'date_time':
      return (
        <TextInput
          {...common}
          type="datetime-local"
          value={toLocalDateTime(str)}
          onChange={(e) => onChange(fromLocalDateTime(e.currentTarget.value))}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          placeholder={t('choose')}
          data={options}
          value={str || null}
          onChange={(v) => onChange(v)}
          clearable={!field.required}
          clearButtonProps={{ 'aria-label': t('clear', { label }) }}
          searchable={options.length >= SEARCHABLE_FROM}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'multi_select':
      return (
        <MultiSelect
          {...common}
          placeholder={Array.isArray(value) && value.length ? undefined : t('choose')}
          data={options}
          value={Array.isArray(value) ? value : []}
          onChange={(v) => onChange(v)}
          clearable
          clearButtonProps={{ 'aria-label': t('clear', { label }) }}
          searchable={options.length >= SEARCHABLE_FROM}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'checkbox':
      return (
        <Checkbox
          label={label}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
          error={error}
          disabled={disabled}
          data-testid={testId}
        />
      );
    case 'user':
    case 'organization': {
      const render = field.kind === 'user' ? renderUserPicker : renderOrganizationPicker;
      const props: RefPickerProps = {
        ...common,
        value: str || null,
        onChange: (id) => onChange(id),
      };
      // Without a picker (the portal cannot browse the directory) the field is not editable.
      return render ? (
        <>{render(props)}</>
      ) : (
        <TextInput {...common} readOnly value={str ? t('someone') : ''} />
      );
    }
  }
}
