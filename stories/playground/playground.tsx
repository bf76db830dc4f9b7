// The Playground: every demo user side by side, each a full natter `Chat` on one
// embedded server in this page, with controls to add a user, drop and restore a
// user's connection, and switch language and theme.
import { useEffect, useState, type ReactNode } from 'react';
import type { ChatClient, ConnectionState } from '../../src/entries/index';
import { ChatProvider } from '../../src/entries/react';
import { Chat, type Locale, type Theme } from '../../src/entries/ui';
import type { DemoWorld } from '../support/demo-world';
import { useDemoWorld } from '../support/use-demo-world';

const NAMES: Record<string, string> = { alice: 'Alice', bob: 'Bob', carol: 'Carol', dave: 'Dave' };
const displayName = (id: string) => NAMES[id] ?? id;

export interface PlaygroundProps {
  theme?: Theme;
  locale?: Locale;
}

export function Playground({ theme: initialTheme = 'light', locale: initialLocale = 'en' }: PlaygroundProps): ReactNode {
  const { world, error } = useDemoWorld();
  const [users, setUsers] = useState<string[]>([]);
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [locale, setLocale] = useState<Locale>(initialLocale);
  useEffect(() => setTheme(initialTheme), [initialTheme]);
  useEffect(() => setLocale(initialLocale), [initialLocale]);
  useEffect(() => {
    if (world) setUsers(Object.keys(world.clients));
  }, [world]);

  if (error) return <p role="alert">The embedded server did not start: {error.message}</p>;
  if (!world) return <p className="playground__loading">Starting the embedded server…</p>;

  const addUser = async () => {
    const name = users.includes('dave') ? `user${users.length + 1}` : 'dave';
    const client = await world.addUser(name);
    // Make the newcomer part of the team so they can be called and messaged at once.
    await world.clients[users[0]!]!.addGroupMembers('team', [name]).catch(() => undefined);
    await client.sendText(`single:${users[0]}`, `Hi ${displayName(users[0]!)}, ${displayName(name)} here 👋`);
    setUsers(Object.keys(world.clients));
  };

  return (
    <div className="playground" data-natter-theme={theme}>
      <div className="playground__toolbar" role="toolbar" aria-label="Playground controls">
        <button type="button" onClick={() => void addUser()} disabled={users.length >= 6}>
          Add a user
        </button>
        <label>
          Language{' '}
          <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            <option value="en">English</option>
            <option value="zh-CN">简体中文</option>
          </select>
        </label>
        <label>
          Theme{' '}
          <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
            <option value="auto">System</option>
          </select>
        </label>
      </div>
      <div className="playground__panes">
        {users.map((u) => (
          <Pane key={u} world={world} user={u} theme={theme} locale={locale} />
        ))}
      </div>
    </div>
  );
}

function Pane({ world, user, theme, locale }: { world: DemoWorld; user: string; theme: Theme; locale: Locale }): ReactNode {
  const client = world.clients[user]!;
  const state = useClientState(client);
  const offline = state === 'closed' || state === 'idle';
  return (
    <section className="playground__pane" aria-label={`${displayName(user)}'s chat`}>
      <header className="playground__pane-header">
        <strong>{displayName(user)}</strong>
        <span className="playground__state" data-state={state}>
          {state}
        </span>
        <button
          type="button"
          onClick={() => (offline ? void client.connect().catch(() => undefined) : client.close())}
          aria-pressed={offline}
        >
          {offline ? 'Restore connection' : 'Drop connection'}
        </button>
      </header>
      <ChatProvider client={client}>
        <Chat theme={theme} locale={locale} displayName={displayName} defaultConversationId={user === 'alice' ? 'single:bob' : null} />
      </ChatProvider>
    </section>
  );
}

function useClientState(client: ChatClient): ConnectionState {
  const [state, setState] = useState<ConnectionState>(client.state);
  useEffect(() => {
    setState(client.state);
    return client.on('state', (e) => setState(e.state));
  }, [client]);
  return state;
}
