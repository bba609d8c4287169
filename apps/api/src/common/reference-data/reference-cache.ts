import type { Clock } from '../time/clock.js';

/**
 * How long one instance reuses reference data it read from the database (workflows, assignment
 * rules, SLA policies and calendars): read on every ticket write, changed rarely, and an
 * admin's change reaches every instance within this time without cross-instance messaging.
 */
export const REFERENCE_TTL_MS = 5_000;

/**
 * A per-instance map whose entries expire REFERENCE_TTL_MS after they were set, by the
 * application's clock (so tests move time instead of waiting).
 */
export class ReferenceCache<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();

  constructor(private readonly clock: Clock) {}

  get(key: K): V | undefined {
    const hit = this.entries.get(key);
    return hit && hit.expires > this.clock.now().getTime() ? hit.value : undefined;
  }

  /** Stores `value` for the next REFERENCE_TTL_MS and returns it. */
  set(key: K, value: V): V {
    this.entries.set(key, { value, expires: this.clock.now().getTime() + REFERENCE_TTL_MS });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
