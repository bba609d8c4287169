import type { NameRow } from './ticket-query.sql.js';

/** Past this many names the cache starts over: a bound on memory, not an expected size. */
const MAX_ENTRIES = 50_000;

/**
 * The names behind ticket pages (types, statuses, organizations, people, groups, …) kept in this
 * API instance, so that a page whose names are all known needs no second statement.
 *
 * Staleness is ruled out, not timed out: every change that can alter a cached name bumps one
 * counter in the same transaction (`name_versions`, migration 1765620000000), and each page
 * statement reads that counter in the snapshot it reads the tickets in. A different counter
 * empties the cache before it is used. Names read later than the counter they are kept under
 * are at least as new as it, so they can only be fresher than their tag says; a new row has an
 * id no cache holds. Names are not access-controlled (the page's rows are): the cache only
 * answers for ids that a visible row of the page refers to.
 */
export class TicketNamesCache {
  private version: string | null = null;
  private size = 0;
  /** By kind, then id; statuses (`w`) by workflow id, then status key. */
  private readonly byKind = new Map<NameRow['k'], Map<string, NameRow>>();
  private readonly statuses = new Map<string, Map<string, NameRow>>();

  /** Empties the cache unless `version` is the one its names were read under. */
  sync(version: string | null | undefined): void {
    if (version === undefined || version === null || version !== this.version) {
      this.clear();
      this.version = version ?? null;
    }
  }

  get(kind: NameRow['k'], id: string): NameRow | undefined {
    return this.byKind.get(kind)?.get(id);
  }

  has(kind: NameRow['k'], id: string): boolean {
    return this.byKind.get(kind)?.has(id) ?? false;
  }

  /** The status names of a workflow, when all of them are held. */
  statusesOf(workflowId: string): Map<string, NameRow> | undefined {
    return this.statuses.get(workflowId);
  }

  /**
   * Keeps the rows of a names statement read after a page statement that carried `version`; the
   * statuses of `workflowIds` were asked for and are all among them. Nothing is kept without a
   * counter, or when another page has synced the cache to a different counter in the meantime:
   * rows read after an older counter may predate the newer one.
   */
  add(
    rows: readonly NameRow[],
    workflowIds: readonly string[],
    version: string | null | undefined,
  ): void {
    if (this.version === null || version !== this.version) return;
    if (this.size + rows.length > MAX_ENTRIES) this.clear();
    for (const id of workflowIds) this.statuses.set(id, new Map());
    for (const n of rows) {
      if (n.k === 'w') {
        this.statuses.get(n.id)?.set(n.x ?? '', n);
      } else {
        let kind = this.byKind.get(n.k);
        if (!kind) this.byKind.set(n.k, (kind = new Map()));
        kind.set(n.id, n);
      }
      this.size++;
    }
  }

  private clear(): void {
    this.byKind.clear();
    this.statuses.clear();
    this.size = 0;
  }
}
