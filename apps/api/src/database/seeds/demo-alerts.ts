import type { EntityManager } from 'typeorm';
import type { DirectoryIds } from './demo-directory.js';

/**
 * Two alert rules, so that an alert posted to the demo (docs/alerts.md) lands somewhere
 * meaningful: the Yuzhny greenhouse's climate controllers watched by Zabbix go to L2 for that
 * organization, and critical Prometheus alerts are urgent for L2. Both resolve their ticket.
 */
export async function insertDemoAlertRules(em: EntityManager, ids: DirectoryIds): Promise<void> {
  const rules = [
    {
      name: 'Zabbix: теплицы Южный / greenhouse controllers',
      source: 'zabbix',
      matchers: [{ label: 'host', op: 'glob', value: 'gh-yuzhny-*' }],
      priority: null,
      group: ids.groups.l2,
      organization: ids.organizations.yuzhny,
    },
    {
      name: 'Prometheus: critical → L2 urgent',
      source: 'alertmanager',
      matchers: [{ label: 'severity', op: 'equals', value: 'critical' }],
      priority: 'urgent',
      group: ids.groups.l2,
      organization: null,
    },
  ];
  for (const [i, r] of rules.entries()) {
    await em.query(
      `INSERT INTO alert_rules (name, position, source, matchers, set_priority, set_group_id,
                                set_organization_id, resolve_status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'resolved')`,
      [r.name, i + 1, r.source, JSON.stringify(r.matchers), r.priority, r.group, r.organization],
    );
  }
}
