import type { ProblemFieldError } from '@relaydesk/contracts';

/** The monitoring systems whose payloads we read; also the `source` of an alert and a rule. */
export const ALERT_SOURCES = ['alertmanager', 'zabbix', 'generic'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];

export const ALERT_STATUSES = ['firing', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/**
 * Bounds of what one request may carry. Alertmanager sends a group's alerts in one post
 * (`max_alerts` in its webhook_config caps it; 0 means all), so the count is generous, and
 * every string and map is bounded so that nothing we store or render grows with the input.
 */
export const ALERT_LIMITS = {
  alertsPerRequest: 100,
  labels: 64,
  labelName: 100,
  labelValue: 1000,
  annotations: 32,
  annotationValue: 10_000,
  fingerprint: 200,
  title: 250,
  description: 20_000,
  severity: 50,
  url: 2000,
} as const;

/** One alert as every source is turned into: what the ingest, the rules and the ticket read. */
export interface NormalizedAlert {
  source: AlertSource;
  /** Identifies the alert across notifications (Alertmanager's, Zabbix's problem event id…). */
  fingerprint: string;
  status: AlertStatus;
  /** Alertmanager's `alertname`, Zabbix's trigger name, the generic title. */
  title: string;
  /** The host or instance the alert is about, when the source says (shown in the subject). */
  instance: string | null;
  /** Free text from the source (annotations, trigger description), may be ''. */
  description: string;
  /** Lower-cased severity as the source names it (critical, warning, disaster…), or null. */
  severity: string | null;
  /** What rules match on; severity and instance are among them when the source has them. */
  labels: Record<string, string>;
  /** Further texts shown on the ticket (Alertmanager annotations). */
  annotations: Record<string, string>;
  startsAt: Date | null;
  endsAt: Date | null;
  /** A link back to the source (Alertmanager's generatorURL, Zabbix's event URL). */
  url: string | null;
}

/** A parser's answer: the alerts, or what is wrong with the payload, by field. */
export type ParseResult =
  | { ok: true; alerts: NormalizedAlert[] }
  | { ok: false; status: 400 | 422; errors: ProblemFieldError[] };
