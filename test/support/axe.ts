// Owns running axe-core in a test page: injects the installed axe-core and
// returns the serious and critical violations inside the story root.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Serious and critical axe violations within `selector` of the loaded page. */
export async function seriousViolations(page: Page, selector = '#storybook-root'): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{
            violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run({ include: [sel] }, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }));
  }, selector);
}

/** Waits until a story has rendered and its scene (embedded server, seeding) has started. */
export async function storySettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0 ||
      document.body.classList.contains('sb-show-errordisplay'),
    undefined,
    { timeout: 20_000 },
  );
  await page.waitForFunction(
    () => !/Starting the embedded server/.test(document.querySelector('#storybook-root')?.textContent ?? ''),
    undefined,
    { timeout: 20_000 },
  );
  await page.waitForTimeout(500);
}
