import type { KbSection } from '@relaydesk/web-kb';

/** The flat list of visible sections (parents first) as a tree the pages can walk. */
export function sectionTree(sections: KbSection[] | undefined) {
  const list = sections ?? [];
  const byId = new Map(list.map((s) => [s.id, s]));
  const children = (parentId: string | null) =>
    list
      .filter((s) => (s.parentId ?? null) === parentId)
      .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  /** The section and the visible ones above it, root first. */
  const trail = (id: string): KbSection[] => {
    const out: KbSection[] = [];
    for (let s = byId.get(id); s; s = s.parentId ? byId.get(s.parentId) : undefined) {
      out.unshift(s);
    }
    return out;
  };
  return { byId, roots: children(null), children, trail };
}
