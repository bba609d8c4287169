// Prints the slowest test files of each tier from the Jest JSON that `npm test` writes
// (.test-results/api.json, e2e.json), as the Markdown table docs/testing.md keeps:
//   node scripts/test-times.mjs [count=20]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

const count = Number(process.argv[2] ?? 20);
const dir = '.test-results';
if (!existsSync(dir)) {
  console.error('no .test-results: run `npm test` (or `npm run test:api` / `test:e2e`) first');
  process.exit(1);
}
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const result = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
  const files = (result.testResults ?? []).map((suite) => ({
    name: relative(process.cwd(), suite.name),
    seconds: (suite.endTime - suite.startTime) / 1000,
    tests: (suite.assertionResults ?? []).length,
  }));
  files.sort((a, b) => b.seconds - a.seconds);
  const sum = files.reduce((s, f) => s + f.seconds, 0);
  const tests = files.reduce((s, f) => s + f.tests, 0);
  const wall = (Math.max(...result.testResults.map((s) => s.endTime)) - result.startTime) / 1000;
  console.log(
    `\n${file}: ${files.length} files, ${tests} tests, ${wall.toFixed(0)} s from start to the last file's end (files' own times add up to ${sum.toFixed(0)} s)\n`,
  );
  console.log('| # | file | tests | seconds |');
  console.log('|---|---|---:|---:|');
  files.slice(0, count).forEach((f, i) => {
    console.log(`| ${i + 1} | \`${f.name}\` | ${f.tests} | ${f.seconds.toFixed(1)} |`);
  });
}
