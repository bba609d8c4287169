import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** Lints one file written for the purpose and returns the rule ids ESLint reports. */
function lintRules(source: string): string[] {
  const file = join(__dirname, `lint-probe-${process.pid}.e2e-spec.ts`);
  writeFileSync(file, source);
  try {
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', file],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const [report] = JSON.parse(run.stdout) as { messages: { ruleId: string | null }[] }[];
    return report.messages.map((m) => m.ruleId ?? 'parse-error');
  } finally {
    rmSync(file, { force: true });
  }
}

/** `npm run lint` is what keeps a focused or switched-off test out of main. */
describe('lint guards the tests', () => {
  // The probes' modifiers are spliced in, so no search for a stray focused or skipped test
  // (a grep, a review tool) mistakes this file for one.
  const only = 'only';
  const skip = 'skip';
  it('fails a stray .only and .skip, and passes a plain test', () => {
    expect(lintRules(`it.${only}('a', () => expect(1).toBe(1));\n`)).toEqual([
      'jest/no-focused-tests',
    ]);
    expect(
      lintRules(`describe.${skip}('a', () => {\n  it('b', () => expect(1).toBe(1));\n});\n`),
    ).toEqual(['jest/no-disabled-tests']);
    expect(lintRules(`xit('a', () => expect(1).toBe(1));\n`)).toEqual(['jest/no-disabled-tests']);
    expect(lintRules(`it('a', () => expect(1).toBe(1));\n`)).toEqual([]);
  }, 120_000);
});
