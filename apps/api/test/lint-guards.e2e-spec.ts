import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/**
 * Lints sources written for the purpose and returns the rule ids ESLint reports for each. One
 * ESLint run for all of them: starting ESLint (its typed config) costs seconds, the files none.
 */
function lintRules(sources: string[]): string[][] {
  const files = sources.map((source, i) => {
    const file = join(__dirname, `lint-probe-${process.pid}-${i}.e2e-spec.ts`);
    writeFileSync(file, source);
    return file;
  });
  try {
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', ...files],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const reports = JSON.parse(run.stdout) as {
      filePath: string;
      messages: { ruleId: string | null }[];
    }[];
    return files.map((file) => {
      const report = reports.find((r) => r.filePath === file);
      if (!report) throw new Error(`ESLint did not report on ${file}`);
      return report.messages.map((m) => m.ruleId ?? 'parse-error');
    });
  } finally {
    for (const file of files) rmSync(file, { force: true });
  }
}

/** `npm run lint` is what keeps a focused or switched-off test out of main. */
describe('lint guards the tests', () => {
  // The probes' modifiers are spliced in, so no search for a stray focused or skipped test
  // (a grep, a review tool) mistakes this file for one.
  const only = 'only';
  const skip = 'skip';
  it('fails a stray .only and .skip, and passes a plain test', () => {
    expect(
      lintRules([
        `it.${only}('a', () => expect(1).toBe(1));\n`,
        `describe.${skip}('a', () => {\n  it('b', () => expect(1).toBe(1));\n});\n`,
        `xit('a', () => expect(1).toBe(1));\n`,
        `it('a', () => expect(1).toBe(1));\n`,
      ]),
    ).toEqual([
      ['jest/no-focused-tests'],
      ['jest/no-disabled-tests'],
      ['jest/no-disabled-tests'],
      [],
    ]);
  }, 120_000);
});
