import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freezeAnimations } from './actors';

const AXE = join(__dirname, '../../../node_modules/axe-core/axe.min.js');
let axeSource: string | undefined;

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core (WCAG 2 A and AA rules) on the page as it is and returns the serious and
 * critical violations, each as one readable line per offending element.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // Mid-animation colors would be judged instead of the real ones.
  await freezeAnimations(page);
  // Evaluated rather than added as a <script>: the apps' Content Security Policy (script-src
  // 'self') rightly blocks inline scripts, and the test must not loosen it.
  axeSource ??= readFileSync(AXE, 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] })) as {
      violations: AxeViolation[];
    };
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(n.target)} ${n.html.slice(0, 200)}` +
          (n.failureSummary ? ` | ${n.failureSummary.replace(/\s+/g, ' ')}` : ''),
      ),
    );
}
