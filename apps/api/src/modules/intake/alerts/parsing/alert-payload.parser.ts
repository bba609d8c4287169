import { isPlainObject } from './field-reader.js';
import { looksLikeAlertmanager, parseAlertmanager } from './alertmanager.parser.js';
import { looksLikeGeneric, parseGeneric } from './generic.parser.js';
import { ALERT_SOURCES, type AlertSource, type ParseResult } from './normalized-alert.js';
import { looksLikeZabbix, parseZabbix } from './zabbix.parser.js';

const PARSERS: Record<AlertSource, (body: Record<string, unknown>) => ParseResult> = {
  alertmanager: parseAlertmanager,
  zabbix: parseZabbix,
  generic: parseGeneric,
};

/** Which format a body is in, by the fields only that format has; null when none fits. */
export function detectAlertFormat(body: Record<string, unknown>): AlertSource | null {
  if (looksLikeAlertmanager(body)) return 'alertmanager';
  if (looksLikeZabbix(body)) return 'zabbix';
  if (looksLikeGeneric(body)) return 'generic';
  return null;
}

/**
 * A monitoring payload in any of the formats we read, as normalized alerts. `format` (the
 * `?format=` query) skips detection: a sender that names its format gets that format's
 * field errors instead of "unrecognized".
 */
export function parseAlertPayload(body: unknown, format?: AlertSource): ParseResult {
  if (!isPlainObject(body)) {
    return { ok: false, status: 400, errors: [{ field: '', message: 'must be a JSON object' }] };
  }
  const source = format ?? detectAlertFormat(body);
  if (source === null) {
    return {
      ok: false,
      status: 400,
      errors: [
        {
          field: '',
          message: `is none of the alert formats (${ALERT_SOURCES.join(', ')}); see docs/alerts.md or pass ?format=`,
        },
      ],
    };
  }
  return PARSERS[source](body);
}
