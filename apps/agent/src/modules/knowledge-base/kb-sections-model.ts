import type { KbAdminSection, KbSectionOrder } from './kb-admin-api';

export interface KbSectionRow {
  section: KbAdminSection;
  depth: number;
  /** Its siblings in order, itself included: what "up" and "down" move it among. */
  siblings: KbAdminSection[];
  index: number;
}

const byOrder = (a: KbAdminSection, b: KbAdminSection) =>
  a.position - b.position || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** The flat list (parents first, as the API sends it) as tree rows: each parent, then its children. */
export function sectionRows(sections: KbAdminSection[]): KbSectionRow[] {
  const children = new Map<string | null, KbAdminSection[]>();
  for (const s of sections) {
    const list = children.get(s.parentId) ?? [];
    list.push(s);
    children.set(s.parentId, list);
  }
  const rows: KbSectionRow[] = [];
  const walk = (parent: string | null, depth: number) => {
    const siblings = (children.get(parent) ?? []).sort(byOrder);
    siblings.forEach((section, index) => {
      rows.push({ section, depth, siblings, index });
      walk(section.id, depth + 1);
    });
  };
  walk(null, 0);
  return rows;
}

/**
 * The order that moves a section one place up or down among its siblings: all of them, with
 * the versions read, for PUT /kb/sections/order (positions become 0, 1, 2…, so siblings created
 * with equal positions get an order too). null at either end.
 */
export function reorderedSiblings(row: KbSectionRow, direction: -1 | 1): KbSectionOrder | null {
  const target = row.index + direction;
  if (target < 0 || target >= row.siblings.length) return null;
  const order = [...row.siblings];
  [order[row.index], order[target]] = [order[target], order[row.index]];
  return {
    parentId: row.section.parentId,
    sections: order.map((s) => ({ id: s.id, version: s.version })),
  };
}

/** Where a section may move: anywhere but into itself or below itself. */
export function parentChoices(rows: KbSectionRow[], moving: string | null): KbSectionRow[] {
  if (!moving) return rows;
  const below = new Set<string>([moving]);
  for (const r of rows) {
    if (r.section.parentId && below.has(r.section.parentId)) below.add(r.section.id);
  }
  return rows.filter((r) => !below.has(r.section.id));
}

/** After the last of the new parent's children. */
export function nextPosition(sections: KbAdminSection[], parentId: string | null): number {
  const siblings = sections.filter((s) => s.parentId === parentId);
  return siblings.length === 0 ? 0 : Math.max(...siblings.map((s) => s.position)) + 1;
}
