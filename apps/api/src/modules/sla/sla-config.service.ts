import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { TicketPriority } from '@relaydesk/contracts';
import { BusinessCalendar } from './business-time.js';
import { SlaCalendar } from './entities/sla-calendar.entity.js';
import { SlaPolicy } from './entities/sla-policy.entity.js';
import type { SlaTargets } from './sla-clock.js';

/** How long this instance reuses the policies and calendars it read. */
const CACHE_TTL_MS = 5_000;

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
}

/**
 * Policies and calendars, read on every ticket creation: reference data, so each instance keeps
 * them for a few seconds like WorkflowService does (no query on the create path). An admin's
 * change reaches every instance within CACHE_TTL_MS; tickets keep the deadlines they were given.
 */
@Injectable()
export class SlaConfigService {
  private cached: { snapshot: SlaSnapshot; expires: number } | null = null;

  constructor(private readonly db: DataSource) {}

  async snapshot(em: EntityManager = this.db.manager): Promise<SlaSnapshot> {
    if (this.cached && this.cached.expires > Date.now()) return this.cached.snapshot;
    const [policies, calendars] = await Promise.all([
      em.find(SlaPolicy, { order: { position: 'ASC', id: 'ASC' } }),
      em.find(SlaCalendar),
    ]);
    const snapshot: SlaSnapshot = {
      policies,
      byId: new Map(policies.map((p) => [p.id, p])),
      calendars: new Map(calendars.map((c) => [c.id, new BusinessCalendar(c)])),
    };
    this.cached = { snapshot, expires: Date.now() + CACHE_TTL_MS };
    return snapshot;
  }

  invalidate(): void {
    this.cached = null;
  }

  /** The first active policy, by position, whose conditions all hold (an empty list: any). */
  match(snapshot: SlaSnapshot, t: SlaSubject): SlaPolicy | null {
    const holds = <T>(list: T[], value: T | null) =>
      list.length === 0 || (value !== null && list.includes(value));
    return (
      snapshot.policies.find(
        (p) =>
          p.active &&
          holds(p.priorities, t.priority) &&
          holds(p.typeIds, t.typeId) &&
          holds(p.organizationIds, t.organizationId),
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
