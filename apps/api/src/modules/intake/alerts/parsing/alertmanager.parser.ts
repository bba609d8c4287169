import { createHash } from 'node:crypto';
import { FieldReader, isPlainObject } from './field-reader.js';
import { ALERT_LIMITS, type NormalizedAlert, type ParseResult } from './normalized-alert.js';

/** A body that is an Alertmanager webhook: `alerts[]` next to its envelope fields. */
export function looksLikeAlertmanager(body: Record<string, unknown>): boolean {
  return (
    Array.isArray(body.alerts) && ('version' in body || 'groupKey' in body || 'receiver' in body)
  );
}

/**
 * Alertmanager's label fingerprint when an (older) sender leaves it out: a hash of the sorted
 * labels, so the same label set is the same alert, as in Alertmanager itself.
 */
function labelFingerprint(labels: Record<string, string>): string {
  const sorted = Object.keys(labels)
    .sort()
    .map((k) => [k, labels[k]]);
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 32);
}

/**
 * Prometheus Alertmanager's webhook (payload version 4): every alert of the group, each with
 * its own status, labels, annotations, times and fingerprint. Envelope fields we do not use
 * (groupKey, groupLabels, commonLabels, externalURL…) are not read; new ones Alertmanager may
 * add do not break the integration.
 */
export function parseAlertmanager(body: Record<string, unknown>): ParseResult {
  const r = new FieldReader();
  const version = body.version;
  if (version !== undefined && version !== '4') {
    return {
      ok: false,
      status: 422,
      errors: [{ field: 'version', message: 'only Alertmanager webhook version "4" is supported' }],
    };
  }
  const list = body.alerts;
  if (!Array.isArray(list)) {
    return { ok: false, status: 400, errors: [{ field: 'alerts', message: 'must be an array' }] };
  }
  if (list.length === 0 || list.length > ALERT_LIMITS.alertsPerRequest) {
    return {
      ok: false,
      status: 400,
      errors: [
        {
          field: 'alerts',
          message: `must hold 1 to ${ALERT_LIMITS.alertsPerRequest} alerts`,
        },
      ],
    };
  }
  const alerts: NormalizedAlert[] = [];
  list.forEach((item: unknown, i) => {
    const path = `alerts.${i}`;
    if (!isPlainObject(item)) {
      r.fail(path, 'must be an object');
      return;
    }
    const status = r.string(item, 'status', path, { max: 20, required: true });
    if (status !== null && status !== 'firing' && status !== 'resolved') {
      r.fail(`${path}.status`, 'must be firing or resolved');
    }
    const labels = r.stringMap(item, 'labels', path, {
      keys: ALERT_LIMITS.labels,
      value: ALERT_LIMITS.labelValue,
    });
    const annotations = r.stringMap(item, 'annotations', path, {
      keys: ALERT_LIMITS.annotations,
      value: ALERT_LIMITS.annotationValue,
    });
    const startsAt = r.timestamp(item, 'startsAt', path);
    const endsAt = r.timestamp(item, 'endsAt', path);
    const url = r.string(item, 'generatorURL', path, { max: ALERT_LIMITS.url });
    let fingerprint = r.string(item, 'fingerprint', path, {
      max: ALERT_LIMITS.fingerprint,
      nonEmpty: true,
    });
    if (fingerprint === null && item.fingerprint === undefined) {
      if (Object.keys(labels).length === 0) {
        r.fail(`${path}.fingerprint`, 'is required when the alert has no labels');
      } else {
        fingerprint = labelFingerprint(labels);
      }
    }
    if (r.errors.length > 0 || fingerprint === null || status === null) return;
    const severity = labels.severity?.trim().toLowerCase().slice(0, ALERT_LIMITS.severity) || null;
    alerts.push({
      source: 'alertmanager',
      fingerprint,
      status: status as NormalizedAlert['status'],
      title: labels.alertname || annotations.summary || 'Alert',
      instance: labels.instance || labels.host || null,
      description: annotations.description || annotations.message || annotations.summary || '',
      severity,
      labels,
      annotations,
      startsAt,
      endsAt,
      url: url || null,
    });
  });
  if (r.errors.length > 0) return { ok: false, status: 400, errors: r.errors };
  return { ok: true, alerts };
}
