import { FieldReader } from './field-reader.js';
import { ALERT_LIMITS, type NormalizedAlert, type ParseResult } from './normalized-alert.js';

/** The generic form's fields; it is our own format, so anything else is refused. */
export const GENERIC_FIELDS = [
  'fingerprint',
  'status',
  'title',
  'description',
  'severity',
  'labels',
  'instance',
  'url',
] as const;

export function looksLikeGeneric(body: Record<string, unknown>): boolean {
  return 'fingerprint' in body && 'title' in body;
}

/**
 * The simple form for scripts and systems without a format of their own:
 * `{ fingerprint, status: firing|resolved, title, description?, severity?, labels?, instance?,
 * url? }`. The same fingerprint is the same alert.
 */
export function parseGeneric(body: Record<string, unknown>): ParseResult {
  const r = new FieldReader();
  for (const key of Object.keys(body)) {
    if (!(GENERIC_FIELDS as readonly string[]).includes(key)) {
      r.fail(key, 'is not a field of the generic alert form');
    }
  }
  const fingerprint = r.string(body, 'fingerprint', '', {
    max: ALERT_LIMITS.fingerprint,
    required: true,
  });
  const status = r.string(body, 'status', '', { max: 20, required: true });
  if (status !== null && status !== 'firing' && status !== 'resolved') {
    r.fail('status', 'must be firing or resolved');
  }
  const title = r.string(body, 'title', '', { max: ALERT_LIMITS.title, required: true });
  const description = r.string(body, 'description', '', { max: ALERT_LIMITS.description });
  const severity = r.string(body, 'severity', '', { max: ALERT_LIMITS.severity });
  const instance = r.string(body, 'instance', '', { max: ALERT_LIMITS.labelValue });
  const url = r.string(body, 'url', '', { max: ALERT_LIMITS.url });
  const labels = r.stringMap(body, 'labels', '', {
    keys: ALERT_LIMITS.labels,
    value: ALERT_LIMITS.labelValue,
  });
  if (r.errors.length > 0) return { ok: false, status: 400, errors: r.errors };
  const normalizedSeverity = severity?.trim().toLowerCase() || null;
  const allLabels = { ...labels };
  if (normalizedSeverity && allLabels.severity === undefined) {
    allLabels.severity = normalizedSeverity;
  }
  if (instance?.trim() && allLabels.instance === undefined) allLabels.instance = instance.trim();
  const alert: NormalizedAlert = {
    source: 'generic',
    fingerprint: fingerprint!.trim(),
    status: status as NormalizedAlert['status'],
    title: title!.trim(),
    instance: instance?.trim() || null,
    description: description ?? '',
    severity: normalizedSeverity,
    labels: allLabels,
    annotations: {},
    startsAt: null,
    endsAt: null,
    url: url?.trim() || null,
  };
  return { ok: true, alerts: [alert] };
}
