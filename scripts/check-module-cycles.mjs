#!/usr/bin/env node
// Fails when the API modules depend on each other in a cycle. Every import between modules goes
// through a door (lint: relaydesk/module-doors), so the module graph is read from the import
// lines of apps/api/src/modules/<m>/**; type-only imports count too: a cycle of types is still a
// cycle of knowledge. Run by `npm test`; `node scripts/check-module-cycles.mjs [modulesDir]`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'/g;

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [p] : [];
  });
}

/** module name -> the set of other modules it imports from. */
export function moduleGraph(modulesDir) {
  const graph = new Map();
  for (const m of readdirSync(modulesDir, { withFileTypes: true })) {
    if (!m.isDirectory()) continue;
    const deps = new Set();
    for (const file of tsFiles(join(modulesDir, m.name))) {
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const rel = relative(modulesDir, resolve(dirname(file), spec));
        const target = rel.split(sep)[0];
        if (!rel.startsWith('..') && target !== m.name && rel.includes(sep)) deps.add(target);
      }
    }
    graph.set(m.name, deps);
  }
  return graph;
}

/** Every cycle, as the list of modules on it (strongly connected components of two or more). */
export function findCycles(graph) {
  let index = 0;
  const stack = [];
  const info = new Map();
  const cycles = [];
  function visit(v) {
    info.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!info.has(w)) {
        visit(w);
        info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
      } else if (info.get(w).onStack) {
        info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
      }
    }
    if (info.get(v).low === info.get(v).index) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        info.get(w).onStack = false;
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v).has(v)) cycles.push(scc.sort());
    }
  }
  for (const v of [...graph.keys()].sort()) if (!info.has(v)) visit(v);
  return cycles;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const dir = resolve(process.argv[2] ?? join(root, 'apps/api/src/modules'));
  const cycles = findCycles(moduleGraph(dir));
  if (cycles.length > 0) {
    for (const c of cycles) console.error(`module cycle: ${c.join(' <-> ')}`);
    console.error('Modules must depend on each other in one direction: see docs/architecture.md.');
    process.exit(1);
  }
  console.log(`module graph of ${relative(root, dir) || dir}: no cycles`);
}
