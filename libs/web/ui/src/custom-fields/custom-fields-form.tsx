import type { ReactNode } from 'react';
import { Stack, Text, TextInput } from '@mantine/core';
import type { CustomFieldValue, CustomFieldValues } from '@relaydesk/contracts';
import { useTranslatedName } from '../format';
import { useTranslation } from 'react-i18next';
import { CustomFieldInput, type RefPickerProps } from './custom-field-input';
import { useCustomFieldText, type ResolveRefName } from './custom-field-value';
import { errorKeys, type CustomFieldDefinition } from './values';

export interface CustomFieldsFormProps {
  /** The fields of the chosen ticket type, in order. */
  fields: CustomFieldDefinition[];
  values: CustomFieldValues;
  onChange: (key: string, value: CustomFieldValue) => void;
  /**
   * Field errors as `fieldErrors()` gives them for a problem document: `customFields.<key>`
   * (422 of a write) or `custom:<key>` (a transition's missing field).
   */
  errors?: Record<string, string>;
  /** Fields shown with their value but not editable (e.g. client-visible, not client-editable). */
  isReadOnly?: (field: CustomFieldDefinition) => boolean;
  renderUserPicker?: (props: RefPickerProps) => ReactNode;
  renderOrganizationPicker?: (props: RefPickerProps) => ReactNode;
  /** Names of users and organizations in read-only fields. */
  resolveName?: ResolveRefName;
  disabled?: boolean;
  /** data-testid of each input: `${prefix}-${key}`. */
  testIdPrefix?: string;
}

/** Server messages the form can say in the UI language; any other is shown as it came. */
const KNOWN_MESSAGES: Record<string, string> = {
  'is required': 'required',
  'must be filled before this transition': 'required',
  'must be a number': 'notANumber',
};

/**
 * The custom fields of a ticket type, one Mantine input per kind, required ones marked * (with
 * a note saying what * means), errors per field, and read-only rows for fields the user may see
 * but not change. API-free: apps pass the directory pickers in.
 */
export function CustomFieldsForm({
  fields,
  values,
  onChange,
  errors = {},
  isReadOnly,
  renderUserPicker,
  renderOrganizationPicker,
  resolveName,
  disabled,
  testIdPrefix = 'custom-field',
}: CustomFieldsFormProps) {
  const { t } = useTranslation('customFields');
  const name = useTranslatedName();
  const text = useCustomFieldText(resolveName);
  if (fields.length === 0) return null;
  const anyRequired = fields.some((f) => f.required && !isReadOnly?.(f));

  const errorOf = (key: string) => {
    const message = errorKeys(key)
      .map((k) => errors[k])
      .find(Boolean);
    if (!message) return undefined;
    const known = KNOWN_MESSAGES[message];
    return known ? t(known) : message;
  };

  return (
    <Stack gap="sm" data-testid={`${testIdPrefix}s`}>
      {anyRequired && (
        <Text size="xs" c="dimmed" data-testid={`${testIdPrefix}s-required-note`}>
          {t('requiredNote')}
        </Text>
      )}
      {fields.map((field) => {
        const testId = `${testIdPrefix}-${field.key}`;
        if (isReadOnly?.(field)) {
          return (
            <TextInput
              key={field.key}
              label={name(field.name)}
              readOnly
              variant="filled"
              value={text(field, values[field.key]) ?? '—'}
              data-testid={testId}
              data-readonly="true"
            />
          );
        }
        return (
          <CustomFieldInput
            key={field.key}
            field={field}
            value={values[field.key]}
            onChange={(v) => onChange(field.key, v)}
            error={errorOf(field.key)}
            disabled={disabled}
            testId={testId}
            renderUserPicker={renderUserPicker}
            renderOrganizationPicker={renderOrganizationPicker}
          />
        );
      })}
    </Stack>
  );
}
