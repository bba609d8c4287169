import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { TicketPriority } from '@relaydesk/contracts';
import { BusinessCalendar } from './business-time.js';
import { SlaCalendar } from './entities/sla-calendar.entity.js';
import { SlaPolicy } from './entities/sla-policy.entity.js';
import type { SlaTargets } from './sla-clock.js';
import { inList } from '../../common/reference-data/conditions.js';
import { ReferenceCache } from '../../common/reference-data/reference-cache.js';
import { Clock } from '../../common/time/clock.js';

/** How long this instance reuses the policies and calendars it read. */

export interface SlaSnapshot {
  /** Every policy by position, inactive ones too (tickets keep the policy they got). */
  policies: SlaPolicy[];
  byId: Map<string, SlaPolicy>;
  calendars: Map<string, BusinessCalendar>;
}

export interface SlaSubject {
  priority: TicketPriority;
  typeId: string | null;
  organizationId: string | null;
  /** Issue 18: the policy of the ticket's contract, which wins over the general rules. */
  contractSlaPolicyId?: string | null;
  contractId?: string | null;
  serviceObjectId?: string | null;
  equipmentTypeId?: string | null;
}

/**
 * Policies and calendars, read on every ticket creation: reference data, so each instance keeps
 * them for a few seconds like WorkflowService does (no query on the create path). An admin's
 * change reaches every instance within REFERENCE_TTL_MS; tickets keep the deadlines they were given.
 */
@Injectable()
export class SlaConfigService {
  private readonly cache: ReferenceCache<'all', SlaSnapshot>;

  constructor(
    private readonly db: DataSource,
    clock: Clock,
  ) {
    this.cache = new ReferenceCache(clock);
  }

  async snapshot(em: EntityManager = this.db.manager): Promise<SlaSnapshot> {
    const cached = this.cache.get('all');
    if (cached) return cached;
    const [policies, calendars] = await Promise.all([
      em.find(SlaPolicy, { order: { position: 'ASC', id: 'ASC' } }),
      em.find(SlaCalendar),
    ]);
    const snapshot: SlaSnapshot = {
      policies,
      byId: new Map(policies.map((p) => [p.id, p])),
      calendars: new Map(calendars.map((c) => [c.id, new BusinessCalendar(c)])),
    };
    return this.cache.set('all', snapshot);
  }

  invalidate(): void {
    this.cache.clear();
  }

  /**
   * The ticket's contract's policy when it has an active one (Okdesk: the contract decides the
   * service level); otherwise the first active policy, by position, whose conditions all hold
   * (an empty list: any; a ticket without a contract, object or equipment fails a non-empty
   * list of those).
   */
  match(snapshot: SlaSnapshot, t: SlaSubject): SlaPolicy | null {
    const own = t.contractSlaPolicyId ? snapshot.byId.get(t.contractSlaPolicyId) : undefined;
    if (own?.active) return own;
    return (
      snapshot.policies.find(
        (p) =>
          p.active &&
          inList(p.priorities, t.priority) &&
          inList(p.typeIds, t.typeId) &&
          inList(p.organizationIds, t.organizationId) &&
          inList(p.contractIds, t.contractId ?? null) &&
          inList(p.serviceObjectIds, t.serviceObjectId ?? null) &&
          inList(p.equipmentTypeIds, t.equipmentTypeId ?? null),
      ) ?? null
    );
  }

  targets(policy: SlaPolicy, priority: TicketPriority): SlaTargets {
    const own = policy.priorityTargets[priority];
    return {
      firstResponseSeconds: own ? own.firstResponseSeconds : policy.firstResponseSeconds,
      resolutionSeconds: own ? own.resolutionSeconds : policy.resolutionSeconds,
      reminderPercent: policy.reminderPercent,
    };
  }
}
