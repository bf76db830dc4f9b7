// Theming: theme.css defines the same --natter-* colour properties for light,
// dark and auto-dark, the message list's CSS uses only properties the theme defines,
// styles.css reaches every component stylesheet, and `themeAttributes` sets
// the attribute the CSS selects on.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { themeAttributes } from '../../../src/ui/index';

const UI = resolve(import.meta.dirname, '../../../src/ui');
const css = readFileSync(resolve(UI, 'theme/theme.css'), 'utf8');

function block(selectorStart: string, from = 0): string {
  const at = css.indexOf(selectorStart, from);
  const open = css.indexOf('{', at);
  return css.slice(open + 1, css.indexOf('}', open));
}

function props(text: string): Set<string> {
  return new Set(Array.from(text.matchAll(/(--natter-[a-z0-9-]+)\s*:/g), (m) => m[1] as string));
}

describe('theme', () => {
  it('gives dark and auto-dark the same colours as each other, covering every colour of light', () => {
    const light = props(block(':root'));
    const dark = props(block('[data-natter-theme="dark"] {'));
    const autoDark = props(block('[data-natter-theme="auto"]', css.indexOf('@media (prefers-color-scheme: dark)')));
    expect([...dark].sort()).toEqual([...autoDark].sort());
    for (const p of dark) expect(light.has(p), p).toBe(true);
    expect(dark.has('--natter-bg')).toBe(true);
  });

  it('styles.css imports every stylesheet, and the list, text and receipt styles use only theme properties', () => {
    const styles = readFileSync(resolve(UI, 'styles.css'), 'utf8');
    const imports = Array.from(styles.matchAll(/@import\s+["']([^"']+)["']/g), (m) => m[1] as string);
    expect(imports).toContain('./theme/theme.css');
    expect(imports).toContain('./message-list/message-list.css');
    const defined = props(css);
    for (const file of imports) {
      const path = resolve(dirname(resolve(UI, 'styles.css')), file);
      expect(existsSync(path), file).toBe(true);
      // Other stylesheets may also read properties set inline (e.g. per-avatar hues).
      if (!/(theme|message-list|emoji-text|read-receipt)\.css$/.test(file)) continue;
      const own = props(readFileSync(path, 'utf8'));
      for (const m of readFileSync(path, 'utf8').matchAll(/var\((--natter-[a-z0-9-]+)\s*[,)]/g)) {
        expect(defined.has(m[1] as string) || own.has(m[1] as string), `${file} uses ${m[1]}`).toBe(true);
      }
    }
  });

  it('sets the theme attribute', () => {
    expect(themeAttributes('dark')).toEqual({ 'data-natter-theme': 'dark' });
    expect(themeAttributes()).toEqual({ 'data-natter-theme': 'light' });
  });
});
