import type { KbSection } from './api';

export interface KbSectionNode {
  section: KbSection;
  depth: number;
}

/** The flat section list (parents first) in tree order: each parent followed by its children, by position. */
export function sectionTree(sections: KbSection[]): KbSectionNode[] {
  const children = new Map<string | null, KbSection[]>();
  const ids = new Set(sections.map((s) => s.id));
  for (const s of sections) {
    // A section whose parent the reader cannot see is shown at the top rather than lost.
    const parent = s.parentId && ids.has(s.parentId) ? s.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), s]);
  }
  const out: KbSectionNode[] = [];
  const walk = (parent: string | null, depth: number) => {
    const list = (children.get(parent) ?? []).sort(
      (a, b) => a.position - b.position || a.name.localeCompare(b.name),
    );
    for (const section of list) {
      out.push({ section, depth });
      walk(section.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
