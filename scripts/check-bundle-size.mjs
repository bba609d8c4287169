// Checks what each SPA's first screen costs against its budget: the entry chunk plus every chunk
// it imports statically, and their stylesheets (what the browser must fetch before the sign-in
// form shows), measured as served: the brotli copies the build writes (vite-precompress.mjs).
// Lazy-loaded parts (the app behind sign-in, its screens) are not counted; that is the point of
// loading them lazily. apps/e2e/src/first-load-size.e2e.ts measures the same over HTTP.
import { existsSync, readFileSync } from 'node:fs';

const BUDGETS = { agent: 125 * 1024, portal: 125 * 1024 };

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
  const served = (file) => {
    const br = new URL(`${file}.br`, dist);
    if (!existsSync(br))
      throw new Error(`${app}: ${file}.br is missing (is precompress() in vite.config.ts?)`);
    return readFileSync(br).length;
  };
  const js = [...seen].reduce((sum, key) => sum + served(manifest[key].file), 0);
  const styles = new Set([...seen].flatMap((key) => manifest[key].css ?? []));
  const css = [...styles].reduce((sum, file) => sum + served(file), 0);
  const ok = js + css <= budget;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${app}: first screen ${((js + css) / 1024).toFixed(1)} KB brotli ` +
      `(JS ${(js / 1024).toFixed(1)} KB in ${seen.size} chunk(s), CSS ${(css / 1024).toFixed(1)} KB; ` +
      `budget ${(budget / 1024).toFixed(0)} KB)`,
  );
}
process.exit(failed ? 1 : 0);
