import type { NormalizedAlert } from '../parsing/normalized-alert';
import {
  firstMatchingRule,
  globMatches,
  severityPriority,
  type AlertRuleSpec,
} from './alert-rule-matcher';

const alert = (
  labels: Record<string, string>,
  source: NormalizedAlert['source'] = 'alertmanager',
) =>
  ({
    source,
    fingerprint: 'f',
    status: 'firing',
    title: 't',
    instance: null,
    description: '',
    severity: null,
    labels,
    annotations: {},
    startsAt: null,
    endsAt: null,
    url: null,
  }) satisfies NormalizedAlert;

const rule = (id: string, extra: Partial<AlertRuleSpec> = {}): AlertRuleSpec => ({
  id,
  name: id,
  source: null,
  matchers: [],
  typeId: null,
  priority: null,
  groupId: null,
  organizationId: null,
  resolveStatus: null,
  repeatCommentMinutes: null,
  ...extra,
});

describe('globMatches', () => {
  it.each([
    ['web-*', 'web-1', true],
    ['web-*', 'db-1', false],
    ['*', '', true],
    ['*.prod', 'api.prod', true],
    ['*.prod', 'api.prod.x', false],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'acb', false],
    ['ab*ba', 'aba', false],
    ['exact', 'exact', true],
    ['exact', 'exactly', false],
    ['a**b', 'ab', true],
  ])('%s against %s is %s', (pattern, value, expected) => {
    expect(globMatches(pattern, value)).toBe(expected);
  });

  it('stays fast on patterns that backtracking regular expressions choke on', () => {
    const started = process.hrtime.bigint();
    const value = 'a'.repeat(1000);
    for (let i = 0; i < 1000; i++) globMatches(`${'*a'.repeat(50)}b`, value);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2000);
  });
});

describe('firstMatchingRule', () => {
  const rules = [
    rule('zabbix-only', { source: 'zabbix' }),
    rule('db', { matchers: [{ label: 'job', op: 'glob', value: 'postgres*' }] }),
    rule('prod-critical', {
      matchers: [
        { label: 'env', op: 'equals', value: 'prod' },
        { label: 'severity', op: 'equals', value: 'critical' },
      ],
    }),
    rule('not-staging', { matchers: [{ label: 'env', op: 'not_equals', value: 'staging' }] }),
  ];

  it('takes the first rule in order whose source and every label condition match', () => {
    expect(firstMatchingRule(rules, alert({ job: 'postgres-exporter' }))?.id).toBe('db');
    expect(firstMatchingRule(rules, alert({ job: 'x' }, 'zabbix'))?.id).toBe('zabbix-only');
    expect(
      firstMatchingRule(rules, alert({ env: 'prod', severity: 'critical', job: 'postgres' }))?.id,
    ).toBe('db');
    expect(firstMatchingRule(rules, alert({ env: 'prod', severity: 'critical' }))?.id).toBe(
      'prod-critical',
    );
    expect(firstMatchingRule(rules, alert({ env: 'prod', severity: 'warning' }))?.id).toBe(
      'not-staging',
    );
    expect(firstMatchingRule(rules, alert({ env: 'staging' }))).toBeNull();
  });

  it('treats a missing label as empty', () => {
    expect(firstMatchingRule([rules[3]], alert({}))?.id).toBe('not-staging');
    expect(
      firstMatchingRule(
        [rule('r', { matchers: [{ label: 'x', op: 'glob', value: '*' }] })],
        alert({}),
      )?.id,
    ).toBe('r');
  });

  it('does not read labels from the prototype', () => {
    const r = rule('r', { matchers: [{ label: 'constructor', op: 'equals', value: '' }] });
    expect(firstMatchingRule([r], alert({}))?.id).toBe('r');
  });
});

describe('severityPriority', () => {
  it('maps the usual severity names and falls back to normal', () => {
    expect(severityPriority('critical')).toBe('urgent');
    expect(severityPriority('disaster')).toBe('urgent');
    expect(severityPriority('high')).toBe('high');
    expect(severityPriority('warning')).toBe('normal');
    expect(severityPriority('information')).toBe('low');
    expect(severityPriority('toString')).toBe('normal');
    expect(severityPriority(null)).toBe('normal');
  });
});
