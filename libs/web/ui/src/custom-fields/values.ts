import type { CustomFieldKind, CustomFieldValue, CustomFieldValues } from '@relaydesk/contracts';

type TranslatedName = { en: string; ru?: string; cs?: string };

/** What the form needs to know about a field (a subset of the API's TicketTypeFieldDto). */
export interface CustomFieldDefinition {
  key: string;
  name: TranslatedName;
  kind: CustomFieldKind;
  required: boolean;
  clientVisible?: boolean;
  clientEditable?: boolean;
  active?: boolean;
  options: { value: string; name: TranslatedName }[];
}

export function isEmptyValue(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** The problem-document field names a custom field's error may come under. */
export const errorKeys = (key: string) => [`customFields.${key}`, `custom:${key}`];

/**
 * Required fields left empty, as problem-style errors (`customFields.<key>`), so the form can
 * say so before sending. A checkbox is never "empty": unticked is an answer (false).
 */
export function missingRequired(
  fields: CustomFieldDefinition[],
  values: CustomFieldValues,
  message = 'is required',
  editable: (field: CustomFieldDefinition) => boolean = () => true,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    if (!field.required || field.kind === 'checkbox' || !editable(field)) continue;
    if (isEmptyValue(values[field.key])) errors[`customFields.${field.key}`] = message;
  }
  return errors;
}

/**
 * The `customFields` of a new ticket: filled values of the fields the author may edit, and
 * false for unticked checkboxes (a required checkbox left unticked is still an answer).
 */
export function valuesForCreate(
  fields: CustomFieldDefinition[],
  values: CustomFieldValues,
  editable: (field: CustomFieldDefinition) => boolean = () => true,
): CustomFieldValues {
  const out: CustomFieldValues = {};
  for (const field of fields) {
    if (!editable(field)) continue;
    const v = values[field.key];
    if (field.kind === 'checkbox') out[field.key] = v === true;
    else if (!isEmptyValue(v)) out[field.key] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

/** What an edit changed: keys with their new values, null for a cleared field. */
export function changedValues(
  before: CustomFieldValues,
  after: CustomFieldValues,
): CustomFieldValues {
  const out: CustomFieldValues = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = isEmptyValue(before[key]) ? null : before[key];
    const b = isEmptyValue(after[key]) ? null : after[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) out[key] = b as CustomFieldValue;
  }
  return out;
}
