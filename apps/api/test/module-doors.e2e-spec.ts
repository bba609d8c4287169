import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const SRC = join(ROOT, 'apps/api/src');

/**
 * Lints probe files placed in the API source (as `npm run lint` sees them: the repository's own
 * ESLint config), all in one ESLint run, and returns the rule ids reported for each.
 */
function lintRules(probes: { where: string; source: string }[]): string[][] {
  const files = probes.map((p, i) => join(SRC, p.where, `lint-probe-${process.pid}-${i}.ts`));
  probes.forEach((p, i) => writeFileSync(files[i], p.source));
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
    return files.map(
      (f) =>
        reports.find((r) => r.filePath === f)?.messages.map((m) => m.ruleId ?? 'parse-error') ?? [
          'not-linted',
        ],
    );
  } finally {
    for (const f of files) rmSync(f, { force: true });
  }
}

function cycleCheck(modulesDir?: string): { status: number | null; output: string } {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts/check-module-cycles.mjs'), ...(modulesDir ? [modulesDir] : [])],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('API modules talk through their doors', () => {
  it('lint refuses a deep import into another module and accepts its door', () => {
    const [deep, door, ownModule, common] = lintRules([
      {
        where: 'modules/tickets',
        source: `import { User } from '../directory/entities/user.entity.js';\nexport const probe = User;\n`,
      },
      {
        where: 'modules/tickets',
        source: `import { User } from '../directory/index.js';\nexport const probe = User;\n`,
      },
      // Inside its own module a file imports what it likes.
      {
        where: 'modules/tickets',
        source: `import { Ticket } from './entities/ticket.entity.js';\nexport const probe = Ticket;\n`,
      },
      // common/ sits below the modules: not even a door.
      {
        where: 'common/errors',
        source: `import { TicketsModule } from '../../modules/tickets/index.js';\nexport const probe = TicketsModule;\n`,
      },
    ]);
    expect(deep).toEqual(['relaydesk/module-doors']);
    expect(door).toEqual([]);
    expect(ownModule).toEqual([]);
    expect(common).toEqual(['relaydesk/module-doors']);
  }, 180_000);

  it('the module graph has no cycle, and the check finds one when there is', () => {
    const real = cycleCheck();
    expect(real.output).toContain('no cycles');
    expect(real.status).toBe(0);

    const dir = mkdtempSync(join(tmpdir(), 'module-cycles-'));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      };
      write('alpha/index.ts', `export { a } from './a.js';\n`);
      write(
        'alpha/a.ts',
        `import type { B } from '../beta/index.js';\nexport const a = 1 as unknown as B;\n`,
      );
      write('beta/index.ts', `export type { B } from './b.js';\n`);
      write('beta/b.ts', `import { a } from '../alpha/index.js';\nexport type B = typeof a;\n`);
      write('gamma/index.ts', `export { a } from '../alpha/index.js';\n`);
      const found = cycleCheck(dir);
      expect(found.status).toBe(1);
      expect(found.output).toContain('module cycle: alpha <-> beta');
      expect(found.output).not.toContain('gamma');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
