// The Theming page: every `--natter-*` custom property with what it is for and
// its value in the light and dark themes (read from the real stylesheet in the
// browser), a live Chat restyled by the Controls panel (one control per
// property), and "bring your brand colour": one colour in, the accent family
// derived from it.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode, type RefObject } from 'react';
import { Chat, themeAttributes, type Theme } from '../../src/entries/ui';
import { Code, DocPage, Live } from './doc-page';
import { THEME_VARIABLES, type ThemeVariable } from './theme-variables';

/** Storybook arg name of a property: `--natter-bubble-own-bg` → `bubbleOwnBg`. */
const argName = (v: ThemeVariable) =>
  v.name.slice('--natter-'.length).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

type ThemeArgs = Record<string, string> & { theme: Theme };

function styleOf(args: ThemeArgs): CSSProperties {
  const style: Record<string, string> = {};
  for (const v of THEME_VARIABLES) {
    const value = args[argName(v)];
    if (value) style[v.name] = value;
  }
  return style;
}

/** Each property's value as the browser computes it under a light and a dark container. */
function useThemeValues(
  light: RefObject<HTMLDivElement | null>,
  dark: RefObject<HTMLDivElement | null>,
): Record<string, { light: string; dark: string }> {
  const [values, setValues] = useState<Record<string, { light: string; dark: string }>>({});
  useLayoutEffect(() => {
    if (!light.current || !dark.current) return;
    const l = getComputedStyle(light.current);
    const d = getComputedStyle(dark.current);
    const out: Record<string, { light: string; dark: string }> = {};
    for (const v of THEME_VARIABLES)
      out[v.name] = { light: l.getPropertyValue(v.name).trim(), dark: d.getPropertyValue(v.name).trim() };
    setValues(out);
  }, [light, dark]);
  return values;
}

function Swatch({ value }: { value: string }): ReactNode {
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        width: 14,
        height: 14,
        marginInlineEnd: 6,
        verticalAlign: 'middle',
        border: '1px solid #8a9099',
        borderRadius: 3,
        background: value,
      }}
    />
  );
}

function VariableTable(): ReactNode {
  const light = useRef<HTMLDivElement>(null);
  const dark = useRef<HTMLDivElement>(null);
  const values = useThemeValues(light, dark);
  const cell = {
    borderBottom: '1px solid #e2e4e8',
    padding: '6px 8px',
    verticalAlign: 'top' as const,
    textAlign: 'left' as const,
    fontSize: 13,
  };
  return (
    <>
      <div ref={light} {...themeAttributes('light')} hidden />
      <div ref={dark} {...themeAttributes('dark')} hidden />
      <table style={{ borderCollapse: 'collapse', width: '100%', margin: '8px 0 24px' }}>
        <caption style={{ textAlign: 'left', fontWeight: 600, padding: '4px 0' }}>Every natter theme property</caption>
        <thead>
          <tr>
            <th style={cell}>Property</th>
            <th style={cell}>Used for</th>
            <th style={cell}>Light</th>
            <th style={cell}>Dark</th>
          </tr>
        </thead>
        <tbody>
          {THEME_VARIABLES.map((v) => {
            const val = values[v.name];
            return (
              <tr key={v.name}>
                <td style={cell}>
                  <code>{v.name}</code>
                </td>
                <td style={cell}>{v.use}</td>
                <td style={cell}>
                  {v.kind === 'color' && val ? <Swatch value={val.light} /> : null}
                  <code style={{ fontSize: 12 }}>{val?.light}</code>
                </td>
                <td style={cell}>
                  {v.kind === 'color' && val ? <Swatch value={val.dark} /> : null}
                  <code style={{ fontSize: 12 }}>{val?.dark === val?.light ? '(same)' : val?.dark}</code>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

const OVERRIDE = `
/* Your stylesheet, after natter/ui/styles.css: any property, on any container around natter. */
.my-chat {
  --natter-accent: #0f766e;
  --natter-radius: 4px;
}
.my-chat[data-natter-theme="dark"] {
  --natter-accent: #2dd4bf;
}`;

function ThemingPage(args: ThemeArgs): ReactNode {
  return (
    <DocPage title="Theming">
      <p>
        natter draws everything with the <code>--natter-*</code> custom properties below. Light is the default;{' '}
        <code>theme="dark"</code> (or <code>"auto"</code>, following the system) switches the colours. Override any
        property on a container of your own. Every shipped theme is checked in Chromium for WCAG AA contrast (text
        4.5:1, controls and large text 3:1) by <code>test/stories/theme-contrast.test.ts</code>.
      </p>
      <Code>{OVERRIDE}</Code>
      <p>Change any property in the Controls panel: the chat below follows.</p>
      <div style={{ height: 480, ...styleOf(args) }}>
        <Live>
          <div style={{ height: 420 }}>
            <Chat theme={args.theme} defaultConversationId="single:bob" style={{ height: '100%' }} />
          </div>
        </Live>
      </div>
      <VariableTable />
    </DocPage>
  );
}

/** The accent family from one brand colour: relative colours keep text on it readable. */
function brandStyle(brand: string): CSSProperties {
  return {
    '--natter-accent': brand,
    '--natter-focus-ring': brand,
    '--natter-bubble-own-bg': brand,
    // Links and the read ticks in the brand's hue, dark enough on white.
    '--natter-link': `oklch(from ${brand} min(l, 0.45) c h)`,
  } as CSSProperties;
}

const BRAND = `
import { Chat } from 'natter/ui';

// One colour in: the accent, the focus ring and your own bubbles follow it.
// Choose a brand colour white text reads on (4.5:1), or set --natter-accent-text
// and --natter-bubble-own-text to a dark colour as well.
const brand = { '--natter-accent': '#7c3aed', '--natter-focus-ring': '#7c3aed', '--natter-bubble-own-bg': '#7c3aed',
                '--natter-link': 'oklch(from #7c3aed min(l, 0.45) c h)' } as React.CSSProperties;

<div style={brand}><Chat theme="light" /></div>`;

function BrandPage({ brand, theme }: { brand: string; theme: Theme }): ReactNode {
  return (
    <DocPage title="Bring your brand colour">
      <p>Pick a colour in the Controls panel; the accent, focus ring, own bubbles and links follow it.</p>
      <Code>{BRAND}</Code>
      <div style={brandStyle(brand)}>
        <Live>
          <div style={{ height: 420 }}>
            <Chat theme={theme} defaultConversationId="single:bob" style={{ height: '100%' }} />
          </div>
        </Live>
      </div>
    </DocPage>
  );
}

const colorControls = Object.fromEntries(
  THEME_VARIABLES.map((v) => [
    argName(v),
    { control: v.kind === 'color' ? 'color' : 'text', description: `${v.name}: ${v.use}`, table: { category: v.kind } },
  ]),
);

const meta: Meta = { title: 'Docs/Theming', parameters: { layout: 'fullscreen' } };
export default meta;

export const ThemingReference: StoryObj<ThemeArgs> = {
  name: 'Theming',
  args: { theme: 'light' },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark'] }, ...colorControls },
  render: (args) => <ThemingPage {...args} />,
};

export const BrandColour: StoryObj<{ brand: string; theme: Theme }> = {
  name: 'Bring your brand colour',
  args: { brand: '#7c3aed', theme: 'light' },
  argTypes: { brand: { control: 'color' }, theme: { control: 'inline-radio', options: ['light', 'dark'] } },
  render: (args) => <BrandPage {...args} />,
};
