// Prints one line "N passed, N failed" over every test tier's Jest JSON in .test-results/.
// A failing `npm test` with no failed test counted (lint, typecheck, build) counts as one failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const exitStatus = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
if (existsSync('.test-results')) {
  for (const file of readdirSync('.test-results').filter((f) => f.endsWith('.json'))) {
    const result = JSON.parse(readFileSync(`.test-results/${file}`, 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
  }
}
if (exitStatus !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
