// Checks the initial JavaScript of each SPA against its budget: the entry chunk plus every
// chunk it imports statically (what the browser must fetch before the first screen), gzipped.
// Lazy-loaded screens are not counted; that is the point of loading them lazily.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGETS = { agent: 250 * 1024, portal: 120 * 1024 };

let failed = false;
for (const [app, budget] of Object.entries(BUDGETS)) {
  const dist = new URL(`../apps/${app}/dist/`, import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'));
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  if (!entry) throw new Error(`${app}: no entry chunk in the manifest`);
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) visit(dep);
  };
  visit(entry[0]);
  let total = 0;
  for (const key of seen) total += gzipSync(readFileSync(new URL(manifest[key].file, dist))).length;
  const ok = total <= budget;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${app}: initial JS ${(total / 1024).toFixed(1)} KB gzip ` +
      `(budget ${(budget / 1024).toFixed(0)} KB, ${seen.size} chunk(s))`,
  );
}
process.exit(failed ? 1 : 0);
