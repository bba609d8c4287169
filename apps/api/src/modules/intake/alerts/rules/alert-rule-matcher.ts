import type { TicketPriority } from '@relaydesk/contracts';
import type { AlertSource, NormalizedAlert } from '../parsing/normalized-alert.js';

export const LABEL_MATCH_OPS = ['equals', 'not_equals', 'glob'] as const;
export type LabelMatchOp = (typeof LABEL_MATCH_OPS)[number];

/** One condition on a label; a missing label is '' (so `not_equals` matches it). */
export interface LabelMatcher {
  label: string;
  op: LabelMatchOp;
  value: string;
}

/** What the ingest needs of a rule: its conditions and what it sets. */
export interface AlertRuleSpec {
  id: string;
  name: string;
  source: AlertSource | null;
  matchers: LabelMatcher[];
  typeId: string | null;
  priority: TicketPriority | null;
  groupId: string | null;
  organizationId: string | null;
  resolveStatus: string | null;
  repeatCommentMinutes: number | null;
}

/**
 * `*` stands for any run of characters, everything else for itself (no `?`, no classes, no
 * regular expressions: an admin's pattern can never make matching slow). Greedy leftmost search
 * of the literal pieces between the stars is exact for this grammar, and each piece is looked
 * for once, so a match costs about the length of the value.
 */
export function globMatches(pattern: string, value: string): boolean {
  const pieces = pattern.split('*');
  if (pieces.length === 1) return pattern === value;
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (value.length < first.length + last.length) return false;
  if (!value.startsWith(first) || !value.endsWith(last)) return false;
  let at = first.length;
  const end = value.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i];
    if (piece === '') continue;
    const found = value.indexOf(piece, at);
    if (found === -1 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

function matcherMatches(m: LabelMatcher, labels: Record<string, string>): boolean {
  const value = Object.prototype.hasOwnProperty.call(labels, m.label) ? labels[m.label] : '';
  switch (m.op) {
    case 'equals':
      return value === m.value;
    case 'not_equals':
      return value !== m.value;
    case 'glob':
      return globMatches(m.value, value);
  }
}

/** Whether a rule's source and every one of its label conditions match the alert. */
export function ruleMatches(rule: AlertRuleSpec, alert: NormalizedAlert): boolean {
  if (rule.source !== null && rule.source !== alert.source) return false;
  return rule.matchers.every((m) => matcherMatches(m, alert.labels));
}

/** The first rule, in order, that matches; null when none does (the defaults apply). */
export function firstMatchingRule(
  rules: readonly AlertRuleSpec[],
  alert: NormalizedAlert,
): AlertRuleSpec | null {
  return rules.find((r) => ruleMatches(r, alert)) ?? null;
}

/**
 * The priority a severity means when no rule sets one. Prometheus conventions (critical,
 * warning, info), Zabbix's six levels and the syslog names map to our four priorities.
 */
const SEVERITY_PRIORITY: Record<string, TicketPriority> = {
  disaster: 'urgent',
  critical: 'urgent',
  emergency: 'urgent',
  alert: 'urgent',
  page: 'urgent',
  fatal: 'urgent',
  high: 'high',
  error: 'high',
  major: 'high',
  average: 'normal',
  warning: 'normal',
  warn: 'normal',
  minor: 'normal',
  medium: 'normal',
  information: 'low',
  info: 'low',
  notice: 'low',
  low: 'low',
  'not classified': 'low',
  none: 'low',
  debug: 'low',
};

export function severityPriority(severity: string | null): TicketPriority {
  return severity !== null && Object.prototype.hasOwnProperty.call(SEVERITY_PRIORITY, severity)
    ? SEVERITY_PRIORITY[severity]
    : 'normal';
}

/** Between two repeat comments on a ticket whose alert keeps firing, unless a rule says. */
export const DEFAULT_REPEAT_COMMENT_MINUTES = 60;
