import type { ProblemFieldError } from '@relaydesk/contracts';
import { ALERT_LIMITS } from './normalized-alert.js';

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

interface StringOptions {
  max: number;
  required?: boolean;
  /** Refuse '' (after trimming) as well as a missing value. */
  nonEmpty?: boolean;
}

/**
 * Reads fields of a foreign payload one level at a time, collecting every problem with its
 * path (`alerts.3.labels`) instead of stopping at the first, so a sender sees them all at once.
 * It never walks a value it was not asked for: unknown keys of the foreign formats are left
 * alone, which keeps the work bounded by what we read, not by what was sent.
 */
export class FieldReader {
  readonly errors: ProblemFieldError[] = [];

  fail(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  string(
    obj: Record<string, unknown>,
    key: string,
    path: string,
    options: StringOptions,
  ): string | null {
    const value = obj[key];
    const field = path ? `${path}.${key}` : key;
    if (value === undefined || value === null) {
      if (options.required) this.fail(field, 'is required');
      return null;
    }
    if (typeof value !== 'string') {
      this.fail(field, 'must be a string');
      return null;
    }
    if (value.length > options.max) {
      this.fail(field, `must be at most ${options.max} characters`);
      return null;
    }
    if ((options.required || options.nonEmpty) && value.trim() === '') {
      this.fail(field, 'must not be empty');
      return null;
    }
    return value;
  }

  /** A map of strings to strings (labels, annotations), bounded in keys and lengths. */
  stringMap(
    obj: Record<string, unknown>,
    key: string,
    path: string,
    limits: { keys: number; value: number },
  ): Record<string, string> {
    const value = obj[key];
    const field = path ? `${path}.${key}` : key;
    if (value === undefined || value === null) return {};
    if (!isPlainObject(value)) {
      this.fail(field, 'must be an object of strings');
      return {};
    }
    const entries = Object.entries(value);
    if (entries.length > limits.keys) {
      this.fail(field, `must have at most ${limits.keys} keys`);
      return {};
    }
    const out: Record<string, string> = {};
    for (const [name, v] of entries) {
      if (name.length === 0 || name.length > ALERT_LIMITS.labelName) {
        this.fail(field, `keys must be 1 to ${ALERT_LIMITS.labelName} characters`);
        return {};
      }
      if (typeof v !== 'string') {
        this.fail(`${field}.${name}`, 'must be a string');
        continue;
      }
      if (v.length > limits.value) {
        this.fail(`${field}.${name}`, `must be at most ${limits.value} characters`);
        continue;
      }
      out[name] = v;
    }
    return out;
  }

  /** An RFC 3339 timestamp; Alertmanager's zero time (0001-01-01) means none. */
  timestamp(obj: Record<string, unknown>, key: string, path: string): Date | null {
    const raw = this.string(obj, key, path, { max: 40 });
    if (raw === null || raw === '') return null;
    const field = path ? `${path}.${key}` : key;
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.test(raw)) {
      this.fail(field, 'must be an RFC 3339 date-time');
      return null;
    }
    if (raw.startsWith('0001-01-01')) return null;
    const date = new Date(raw.replace(/(\.\d{3})\d+/, '$1'));
    if (Number.isNaN(date.getTime())) {
      this.fail(field, 'must be an RFC 3339 date-time');
      return null;
    }
    return date;
  }
}

/** Cuts text to `max` characters without splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
