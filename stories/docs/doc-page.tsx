// Owns the look of the documentation stories (Storybook's MDX needs
// @storybook/addon-docs, which is not installed): a page, a table of what a
// hook returns, a code block, and a live example on a demo world.
import type { ReactNode } from 'react';
import { ChatProvider } from '../../src/entries/react';
import { useDemoWorld } from '../support/use-demo-world';

export function DocPage({ title, children }: { title: string; children: ReactNode }): ReactNode {
  return (
    <article
      style={{
        fontFamily: 'system-ui, sans-serif',
        lineHeight: 1.5,
        maxWidth: 860,
        margin: '0 auto',
        padding: '24px 32px',
        color: '#1d1f23',
      }}
    >
      <h1 style={{ fontSize: 28, margin: '0 0 12px' }}>{title}</h1>
      {children}
    </article>
  );
}

export function Code({ children }: { children: string }): ReactNode {
  return (
    // Focusable: a code block wider than the page scrolls, and keyboard users must reach it.
    <pre
      tabIndex={0}
      style={{
        background: '#f4f5f7',
        border: '1px solid #e2e4e8',
        borderRadius: 6,
        padding: 12,
        overflowX: 'auto',
        fontSize: 13,
        lineHeight: 1.45,
      }}
    >
      <code>{children.trim()}</code>
    </pre>
  );
}

export type Field = [name: string, type: string, meaning: string];

export function Returns({ fields }: { fields: readonly Field[] }): ReactNode {
  const cell = {
    borderBottom: '1px solid #e2e4e8',
    padding: '6px 8px',
    verticalAlign: 'top' as const,
    textAlign: 'left' as const,
  };
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 14, margin: '8px 0 16px' }}>
      <thead>
        <tr>
          <th style={cell}>Field</th>
          <th style={cell}>Type</th>
          <th style={cell}>What it is</th>
        </tr>
      </thead>
      <tbody>
        {fields.map(([name, type, meaning]) => (
          <tr key={name}>
            <td style={cell}>
              <code>{name}</code>
            </td>
            <td style={cell}>
              <code style={{ fontSize: 12 }}>{type}</code>
            </td>
            <td style={cell}>{meaning}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Renders `children` live inside a ChatProvider for Alice on a seeded demo world (Alice, Bob, Carol). */
export function Live({ children }: { children: ReactNode }): ReactNode {
  const { world, error } = useDemoWorld();
  const box = { border: '1px dashed #9aa3ad', borderRadius: 6, padding: 12, margin: '8px 0 24px', fontSize: 14 };
  if (error) return <p role="alert">{error.message}</p>;
  if (!world) return <div style={box}>Starting the embedded server…</div>;
  return (
    <div style={box} aria-label="Live example">
      <div style={{ fontSize: 12, color: '#6b7280', marginBottom: 6 }}>
        Live, as Alice on an embedded server (Bob and Carol are in the same page):
      </div>
      <ChatProvider client={world.clients.alice!}>{children}</ChatProvider>
    </div>
  );
}
