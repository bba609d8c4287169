import { FieldReader, isPlainObject } from './field-reader.js';
import { ALERT_LIMITS, type NormalizedAlert, type ParseResult } from './normalized-alert.js';

/** A body that is our Zabbix media type's (docs/alerts.md): a problem event, flat. */
export function looksLikeZabbix(body: Record<string, unknown>): boolean {
  return 'event_id' in body && ('trigger_name' in body || 'status' in body);
}

/** Zabbix severities by {EVENT.NSEVERITY}, and the names {EVENT.SEVERITY} gives. */
const SEVERITIES = ['not classified', 'information', 'warning', 'average', 'high', 'disaster'];

/** A macro Zabbix left as it was: {EVENT.RECOVERY.ID} in a problem message, for one. */
const UNEXPANDED_MACRO = /^\{[A-Z0-9_.#$]+\}$/;

const FIRING = new Set(['problem', 'update']);
const RESOLVED = new Set(['resolved', 'ok']);

/**
 * Zabbix, as posted by the webhook media type script of docs/alerts.md. Zabbix passes every
 * macro as a string and leaves the ones that do not apply unexpanded, so `{…}` counts as
 * absent. In a recovery message {EVENT.ID} is still the problem's event id, which is what ties
 * the recovery to the ticket the problem opened: it is the fingerprint.
 *
 * ```json
 * { "event_id": "12345", "status": "PROBLEM", "recovery_event_id": "{EVENT.RECOVERY.ID}",
 *   "trigger_id": "23001", "trigger_name": "High CPU load", "trigger_description": "…",
 *   "severity": "High", "host": "web-1", "host_ip": "10.0.0.5",
 *   "tags": [{ "tag": "service", "value": "api" }], "url": "https://zabbix…/tr_events.php?…" }
 * ```
 */
export function parseZabbix(body: Record<string, unknown>): ParseResult {
  const r = new FieldReader();
  const unexpanded: { field: string; message: string }[] = [];
  // Numbers are accepted where Zabbix users write them by hand in the script.
  const text = (key: string, max: number, required = false): string | null => {
    const v = body[key];
    const value = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v;
    const s = r.string({ [key]: value }, key, '', { max, required });
    if (s === null) return null;
    const trimmed = s.trim();
    if (UNEXPANDED_MACRO.test(trimmed)) {
      if (required) unexpanded.push({ field: key, message: `is the unexpanded macro ${trimmed}` });
      return null;
    }
    return trimmed === '' ? null : trimmed;
  };

  const eventId = text('event_id', 40, true);
  if (eventId !== null && !/^\d+$/.test(eventId)) r.fail('event_id', 'must be a Zabbix event id');
  const statusText = text('status', 20);
  const recoveryId = text('recovery_event_id', 40);
  const triggerName = text('trigger_name', ALERT_LIMITS.title, true);
  const triggerId = text('trigger_id', 40);
  const triggerDescription = text('trigger_description', ALERT_LIMITS.annotationValue);
  const severityText = text('severity', ALERT_LIMITS.severity);
  const host = text('host', ALERT_LIMITS.labelValue);
  const hostIp = text('host_ip', 100);
  const url = text('url', ALERT_LIMITS.url);
  const message = text('message', ALERT_LIMITS.annotationValue);

  let status: NormalizedAlert['status'] | null = null;
  if (recoveryId !== null) status = 'resolved';
  else if (statusText !== null) {
    const s = statusText.toLowerCase();
    if (FIRING.has(s)) status = 'firing';
    else if (RESOLVED.has(s)) status = 'resolved';
    else r.fail('status', 'must be PROBLEM, UPDATE, RESOLVED or OK');
  } else if (body.status === undefined) {
    r.fail('status', 'is required (or recovery_event_id)');
  }

  let severity: string | null = null;
  if (severityText !== null) {
    const s = severityText.toLowerCase();
    severity = /^[0-5]$/.test(s) ? SEVERITIES[Number(s)] : s;
  }

  const labels: Record<string, string> = {};
  const tags = body.tags;
  if (tags !== undefined && tags !== null) {
    if (!Array.isArray(tags)) r.fail('tags', 'must be an array of { tag, value }');
    else if (tags.length > ALERT_LIMITS.labels) {
      r.fail('tags', `must hold at most ${ALERT_LIMITS.labels} tags`);
    } else {
      tags.forEach((item: unknown, i) => {
        if (!isPlainObject(item)) return r.fail(`tags.${i}`, 'must be an object');
        const tag = r.string(item, 'tag', `tags.${i}`, {
          max: ALERT_LIMITS.labelName,
          required: true,
        });
        const value = r.string(item, 'value', `tags.${i}`, { max: ALERT_LIMITS.labelValue });
        if (tag !== null) labels[tag] = value ?? '';
      });
    }
  }
  // What the trigger says about itself, for rules to match, unless a tag already says it.
  const known: [string, string | null][] = [
    ['host', host],
    ['severity', severity],
    ['trigger_id', triggerId],
  ];
  for (const [k, v] of known) if (v !== null && labels[k] === undefined) labels[k] = v;

  if (r.errors.length > 0) return { ok: false, status: 400, errors: r.errors };
  if (unexpanded.length > 0) return { ok: false, status: 422, errors: unexpanded };
  const annotations: Record<string, string> = {};
  if (triggerDescription) annotations.description = triggerDescription;
  if (message) annotations.message = message;
  if (hostIp) annotations.host_ip = hostIp;
  return {
    ok: true,
    alerts: [
      {
        source: 'zabbix',
        fingerprint: eventId!,
        status: status!,
        title: triggerName!,
        instance: host,
        description: triggerDescription ?? message ?? '',
        severity,
        labels,
        annotations,
        startsAt: null,
        endsAt: null,
        url,
      },
    ],
  };
}
