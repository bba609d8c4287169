import { clip } from './parsing/field-reader.js';
import { ALERT_LIMITS, type NormalizedAlert } from './parsing/normalized-alert.js';

const SOURCE_NAMES: Record<NormalizedAlert['source'], string> = {
  alertmanager: 'Prometheus Alertmanager',
  zabbix: 'Zabbix',
  generic: 'Monitoring',
};

/** Annotations that are the description itself, not shown again below it. */
const DESCRIPTION_KEYS = new Set(['description', 'message']);

/** "HighCpu: web-1:9100", or the title alone. */
export function alertSubject(alert: NormalizedAlert): string {
  const title = alert.title.trim() || 'Alert';
  const instance = alert.instance?.trim();
  return clip(instance && !title.includes(instance) ? `${title}: ${instance}` : title, 250);
}

/**
 * The ticket's description: what the source says about the problem, then the facts (source,
 * severity, times, link) and every label, so the agent sees the whole alert without the
 * monitoring system at hand. Plain text: ticket descriptions are not rendered as HTML.
 */
export function alertDescription(alert: NormalizedAlert): string {
  const parts: string[] = [];
  if (alert.description.trim()) parts.push(alert.description.trim());
  const notes = Object.entries(alert.annotations).filter(
    ([k, v]) =>
      !DESCRIPTION_KEYS.has(k) && v.trim() !== '' && v.trim() !== alert.description.trim(),
  );
  if (notes.length > 0) parts.push(notes.map(([k, v]) => `${k}: ${v}`).join('\n'));
  const facts = [`Source: ${SOURCE_NAMES[alert.source]}`, `Fingerprint: ${alert.fingerprint}`];
  if (alert.severity) facts.push(`Severity: ${alert.severity}`);
  if (alert.startsAt) facts.push(`Started: ${alert.startsAt.toISOString()}`);
  if (alert.url) facts.push(`Link: ${alert.url}`);
  parts.push(facts.join('\n'));
  const labels = Object.keys(alert.labels).sort();
  if (labels.length > 0) {
    parts.push(['Labels:', ...labels.map((k) => `  ${k} = ${alert.labels[k]}`)].join('\n'));
  }
  return clip(parts.join('\n\n'), ALERT_LIMITS.description);
}

export function repeatComment(repeats: number, total: number): string {
  return repeats === 1
    ? `Still firing (notification ${total}).`
    : `Still firing: ${repeats} notifications since the last comment (${total} in all).`;
}

export function resolvedComment(alert: NormalizedAlert, at: Date): string {
  return `Resolved at ${(alert.endsAt ?? at).toISOString()} (${SOURCE_NAMES[alert.source]}).`;
}

export function firedAgainComment(alert: NormalizedAlert, at: Date): string {
  return `Firing again since ${(alert.startsAt ?? at).toISOString()} after it had resolved.`;
}
