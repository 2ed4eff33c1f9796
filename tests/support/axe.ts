// axe-core's serious and critical findings on a page, one line each, so a failing test names them.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** [] when axe finds nothing serious or critical; else "rule: selector, selector" per violation. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
