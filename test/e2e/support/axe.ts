/** TEST ONLY — runs axe-core in the page (evaluated through the DevTools protocol, so the app's CSP stays as it is). */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

let axeSource: Promise<string> | undefined;

interface AxeViolation {
  id: string;
  impact?: string | null;
  nodes: { target: unknown[] }[];
}

/** The serious and critical accessibility violations on the page as it is now, as `rule: selectors`. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(await axeSource);
  const violations = await page.evaluate(async () => {
    type Axe = { run: (context: Document) => Promise<{ violations: unknown[]; passes: unknown[] }> };
    const results = await (window as unknown as { axe: Axe }).axe.run(document);
    // No passing rule at all would mean axe checked nothing, not that the page is fine.
    if (results.passes.length === 0) throw new Error('axe-core ran no checks');
    return results.violations as AxeViolation[];
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(' ')}`,
    );
}
