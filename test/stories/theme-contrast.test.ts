// natter's themes meet WCAG AA in the browser: every foreground/background pair
// of stories/docs/theme-variables.ts, resolved from the real stylesheet in
// Chromium (light, dark, and "auto" under a dark system), text 4.5:1 and
// controls 3:1; the initials on every avatar hue 4.5:1. The reference lists
// exactly the properties theme.css defines.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CONTRAST_PAIRS, THEME_VARIABLES } from '../../stories/docs/theme-variables';
import { launchChromium } from '../support/chromium';
import { openStorybook, type StorybookSite } from '../support/storybook-site';

let site: StorybookSite;
let browser: Browser;

beforeAll(async () => {
  site = await openStorybook();
  browser = await launchChromium();
}, 480_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Contrast ratios computed in the page: colours resolved by the browser, read back through a canvas. */
function ratios(page: Page, theme: string, pairs: Array<[string, string]>): Promise<number[]> {
  return page.evaluate(
    ({ theme, pairs }) => {
      const host = document.createElement('div');
      host.setAttribute('data-natter-theme', theme);
      document.body.append(host);
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 1;
      const g = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
      const rgb = (css: string) => {
        g.clearRect(0, 0, 1, 1);
        g.fillStyle = '#000';
        g.fillStyle = css;
        g.fillRect(0, 0, 1, 1);
        return Array.from(g.getImageData(0, 0, 1, 1).data.slice(0, 3));
      };
      const luminance = ([r, gg, b]: number[]) =>
        [r, gg, b]
          .map((c) => {
            const s = (c as number) / 255;
            return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          })
          .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
      const resolve = (value: string) => {
        const el = document.createElement('span');
        el.style.color = value;
        host.append(el);
        const c = getComputedStyle(el).color;
        el.remove();
        return rgb(c);
      };
      const out = pairs.map(([fg, bg]) => {
        const a = luminance(resolve(fg));
        const b = luminance(resolve(bg));
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      });
      host.remove();
      return out;
    },
    { theme, pairs },
  );
}

describe('theme contrast (WCAG AA, computed in Chromium)', () => {
  it('the reference documents exactly the properties theme.css defines', () => {
    const css = readFileSync('src/ui/theme/theme.css', 'utf8');
    const defined = new Set(Array.from(css.matchAll(/^\s*(--natter-[a-z0-9-]+)\s*:/gm), (m) => m[1] as string));
    expect(THEME_VARIABLES.map((v) => v.name).sort()).toEqual([...defined].sort());
  });

  for (const [theme, scheme] of [
    ['light', 'light'],
    ['dark', 'dark'],
    ['auto', 'dark'],
    ['auto', 'light'],
  ] as const) {
    it(`every text and control pair of the ${theme} theme${theme === 'auto' ? ` under a ${scheme} system` : ''}`, async () => {
      const page = await browser.newPage({ colorScheme: scheme });
      try {
        await page.goto(site.story('docs-theming--theming-reference'));
        const pairs = CONTRAST_PAIRS.map((p) => [`var(${p.fg})`, `var(${p.bg})`] as [string, string]);
        const got = await ratios(page, theme, pairs);
        const failing = CONTRAST_PAIRS.flatMap((p, i) =>
          (got[i] as number) < p.min
            ? [`${p.fg} on ${p.bg} (${p.what}): ${(got[i] as number).toFixed(2)}:1 < ${p.min}:1`]
            : [],
        );
        expect(failing).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('the initials on every avatar colour (all hues, light and dark), from the real stylesheet', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(site.story('docs-theming--theming-reference'));
      const hues = Array.from({ length: 36 }, (_, i) => i * 10);
      for (const theme of ['light', 'dark']) {
        const colours = await page.evaluate(
          ({ theme, hues }) =>
            hues.map((h) => {
              const el = document.createElement('span');
              el.className = 'natter-avatar';
              el.setAttribute('data-natter-theme', theme);
              el.style.setProperty('--natter-avatar-hue', String(h));
              document.body.append(el);
              const cs = getComputedStyle(el);
              const pair: [string, string] = [cs.color, cs.backgroundColor];
              el.remove();
              return pair;
            }),
          { theme, hues },
        );
        const got = await ratios(page, theme, colours);
        const failing = hues.flatMap((h, i) =>
          (got[i] as number) < 4.5 ? [`hue ${h}: ${(got[i] as number).toFixed(2)}:1`] : [],
        );
        expect(failing).toEqual([]);
      }
    } finally {
      await page.close();
    }
  });
});
