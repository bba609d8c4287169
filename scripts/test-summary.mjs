// Prints one line "N passed, N failed, N skipped" over every test tier's Jest JSON in
// .test-results/, and exits non-zero when the run failed. A failing `npm test` with no failed
// test counted (lint, typecheck, build) counts as one failure. In CI nothing may be skipped: the
// only documented skip (browser tests without Chromium) is itself a failure there
// (RELAYDESK_REQUIRE_BROWSER=1), so a skipped test in CI means a test was switched off.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const exitStatus = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;
const skippedNames = [];
if (existsSync('.test-results')) {
  for (const file of readdirSync('.test-results').filter((f) => f.endsWith('.json'))) {
    const result = JSON.parse(readFileSync(`.test-results/${file}`, 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
    skipped += result.numPendingTests + result.numTodoTests;
    for (const suite of result.testResults ?? []) {
      for (const test of suite.assertionResults ?? []) {
        if (test.status === 'pending' || test.status === 'todo' || test.status === 'skipped') {
          skippedNames.push(`${suite.name}: ${test.fullName}`);
        }
      }
    }
  }
}
let status = exitStatus;
if (process.env.CI && skipped > 0) {
  console.log(`Skipped tests are not allowed in CI:\n  ${skippedNames.join('\n  ')}`);
  status = status || 1;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status);
