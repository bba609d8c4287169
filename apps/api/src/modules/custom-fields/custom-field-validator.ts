import type {
  CustomFieldKind,
  CustomFieldValue,
  CustomFieldValues,
  ProblemFieldError,
} from '@relaydesk/contracts';

/** What the validator needs to know about a field of the ticket's type. */
export interface FieldDefinition {
  key: string;
  kind: CustomFieldKind;
  required: boolean;
  clientVisible: boolean;
  clientEditable: boolean;
  options: { value: string }[];
  active: boolean;
}

export interface CustomFieldInput {
  /** The type's fields, active and inactive. */
  fields: FieldDefinition[];
  /** Values stored on the ticket now ({} for a new ticket). */
  current: CustomFieldValues;
  /** What the request sends: a key with null clears that field. */
  changes: Record<string, unknown>;
  isClient: boolean;
  /**
   * create: every required field must end up filled. retype: the ticket moves to this type,
   * so the same holds, and stored values are checked against the new type's fields. update:
   * only a change may not empty a required field (fields made required after the ticket was
   * filed do not block unrelated edits).
   */
  mode: 'create' | 'update' | 'retype';
}

export interface CustomFieldChange {
  key: string;
  oldValue: CustomFieldValue;
  newValue: CustomFieldValue;
  /** Staff-only fields are recorded as internal history, which clients never receive. */
  internal: boolean;
}

export interface CustomFieldResult {
  errors: ProblemFieldError[];
  /** The complete new `custom_fields` object (empty values are left out, not stored as null). */
  values: CustomFieldValues;
  changes: CustomFieldChange[];
  /** Ids of user and organization fields, to be checked against the database in one query each. */
  references: { users: Map<string, string[]>; organizations: Map<string, string[]> };
}

export const TEXT_MAX = 1000;
export const LONG_TEXT_MAX = 20000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

const fieldPath = (key: string) => `customFields.${key}`;

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

type Checked = { ok: true; value: CustomFieldValue } | { ok: false; message: string };

const fail = (message: string): Checked => ({ ok: false, message });

/** Checks one non-empty value against its field's kind; returns the value as stored. */
export function checkValue(field: FieldDefinition, value: unknown): Checked {
  switch (field.kind) {
    case 'text':
    case 'long_text': {
      if (typeof value !== 'string') return fail('must be a string');
      const max = field.kind === 'text' ? TEXT_MAX : LONG_TEXT_MAX;
      if (value.length > max) return fail(`must be at most ${max} characters`);
      return { ok: true, value };
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('must be a number');
      return { ok: true, value };
    case 'date': {
      const m = typeof value === 'string' ? DATE.exec(value) : null;
      if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
        return fail('must be a date as YYYY-MM-DD');
      }
      return { ok: true, value: value as string };
    }
    case 'date_time': {
      const m = typeof value === 'string' ? DATE_TIME.exec(value) : null;
      const valid =
        m &&
        isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) &&
        Number(m[4]) < 24 &&
        Number(m[5]) < 60 &&
        Number(m[6] ?? 0) < 60 &&
        Number(m[7] ?? 0) < 24 &&
        Number(m[8] ?? 0) < 60;
      if (!valid) return fail('must be an ISO 8601 date-time with an offset');
      return { ok: true, value: value as string };
    }
    case 'select':
      if (typeof value !== 'string' || !field.options.some((o) => o.value === value)) {
        return fail('must be one of the options');
      }
      return { ok: true, value };
    case 'multi_select': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
        return fail('must be an array of options');
      }
      const items = value as string[];
      if (new Set(items).size !== items.length) return fail('must not repeat an option');
      const unknown = items.filter((v) => !field.options.some((o) => o.value === v));
      if (unknown.length > 0) return fail(`has values that are not options: ${unknown.join(', ')}`);
      return { ok: true, value: items };
    }
    case 'checkbox':
      if (typeof value !== 'boolean') return fail('must be true or false');
      return { ok: true, value };
    case 'user':
    case 'organization':
      if (typeof value !== 'string' || !UUID.test(value)) return fail('must be a UUID');
      return { ok: true, value: value.toLowerCase() };
  }
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Validates custom field values for a write and computes what is stored and what changed.
 * Pure: the ids of user and organization fields are returned for the caller to check against
 * the database (see `referenceErrors`). At most one error per field.
 */
export function validateCustomFields(input: CustomFieldInput): CustomFieldResult {
  const { fields, current, changes, isClient, mode } = input;
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const errors: ProblemFieldError[] = [];
  const failed = new Set<string>();
  const error = (key: string, message: string) => {
    if (failed.has(key)) return;
    failed.add(key);
    errors.push({ field: fieldPath(key), message });
  };
  const values: CustomFieldValues = {};
  const references = {
    users: new Map<string, string[]>(),
    organizations: new Map<string, string[]>(),
  };

  // Stored values: kept as they are, except on a change of type, where values of fields the
  // new type lacks are dropped and the rest must fit the new fields.
  for (const [key, value] of Object.entries(current)) {
    const field = byKey.get(key);
    if (mode !== 'retype') {
      values[key] = value;
      continue;
    }
    if (!field || !field.active || key in changes) continue;
    const checked = checkValue(field, value);
    if (checked.ok) values[key] = checked.value;
    else error(key, `${checked.message} (the value does not fit the new type; send a new one)`);
  }

  for (const [key, raw] of Object.entries(changes)) {
    const field = byKey.get(key);
    if (!field || !field.active || (isClient && !field.clientVisible)) {
      // A staff-only field does not exist as far as a client is concerned.
      error(key, 'is not a field of this ticket type');
      continue;
    }
    if (isClient && !field.clientEditable) {
      error(key, 'cannot be set by clients');
      continue;
    }
    if (isEmpty(raw)) {
      delete values[key];
      continue;
    }
    const checked = checkValue(field, raw);
    if (!checked.ok) {
      error(key, checked.message);
      continue;
    }
    values[key] = checked.value;
  }

  for (const field of fields) {
    if (!field.active || !field.required || failed.has(field.key)) continue;
    // A client cannot fill a field they may not edit, so it is not required of them.
    if (isClient && !field.clientEditable) continue;
    const mustBeFilled = mode !== 'update' || field.key in changes;
    if (mustBeFilled && isEmpty(values[field.key])) error(field.key, 'is required');
  }

  for (const [key, value] of Object.entries(values)) {
    const field = byKey.get(key);
    if (!field || failed.has(key) || typeof value !== 'string') continue;
    if (!(key in changes) && mode !== 'retype') continue; // stored ids were checked when set
    const map =
      field.kind === 'user'
        ? references.users
        : field.kind === 'organization'
          ? references.organizations
          : null;
    if (map) map.set(value, [...(map.get(value) ?? []), key]);
  }

  const result: CustomFieldChange[] = [];
  const keys = new Set([...Object.keys(current), ...Object.keys(values)]);
  for (const key of keys) {
    const oldValue = current[key] ?? null;
    const newValue = values[key] ?? null;
    if (sameValue(oldValue, newValue)) continue;
    const field = byKey.get(key);
    result.push({ key, oldValue, newValue, internal: !field?.clientVisible });
  }
  return { errors, values, changes: errors.length ? [] : result, references };
}

/** Errors for ids that `validateCustomFields` collected and the database did not find. */
export function referenceErrors(
  references: CustomFieldResult['references'],
  existing: { users: Set<string>; organizations: Set<string> },
): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  const check = (map: Map<string, string[]>, found: Set<string>, message: string) => {
    for (const [id, keys] of map) {
      if (found.has(id)) continue;
      for (const key of keys) errors.push({ field: fieldPath(key), message });
    }
  };
  check(references.users, existing.users, 'no active user with this id');
  check(references.organizations, existing.organizations, 'no active organization with this id');
  return errors;
}
