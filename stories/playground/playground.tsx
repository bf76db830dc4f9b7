// The Playground: every demo user side by side, each a full natter `Chat` on one
// embedded server in this page, with controls to add a user, drop and restore a
// user's connection, and switch language and theme. Each pane's call dialog is
// modal to that pane's Chat (callModal="chat"), so the other users stay usable.
import { useEffect, useState, type ReactNode } from 'react';
import type { ChatClient, ConnectionState } from '../../src/entries/index';
import { ChatProvider } from '../../src/entries/react';
import { Chat, directionOf, type Locale, type Theme } from '../../src/entries/ui';
import type { DemoWorld } from '../support/demo-world';
import { useDemoWorld } from '../support/use-demo-world';
import { PLAYGROUND_LANGUAGES, playgroundLabels } from './playground-labels';

const NAMES: Record<string, string> = { alice: 'Alice', bob: 'Bob', carol: 'Carol', dave: 'Dave' };
const displayName = (id: string) => NAMES[id] ?? id;

export interface PlaygroundProps {
  theme?: Theme;
  locale?: Locale;
  /** Older messages between Alice and Bob before the demo chat (default none). */
  history?: number;
}

export function Playground({
  theme: initialTheme = 'light',
  locale: initialLocale = 'en',
  history = 0,
}: PlaygroundProps): ReactNode {
  const { world, error } = useDemoWorld(history > 0 ? { history } : undefined);
  const [users, setUsers] = useState<string[]>([]);
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [locale, setLocale] = useState<Locale>(initialLocale);
  useEffect(() => setTheme(initialTheme), [initialTheme]);
  useEffect(() => setLocale(initialLocale), [initialLocale]);
  useEffect(() => {
    if (world) setUsers(Object.keys(world.clients));
  }, [world]);

  const l = playgroundLabels(locale);
  if (error) return <p role="alert">{l.failed(error.message)}</p>;
  if (!world) return <p className="playground__loading">{l.starting}</p>;

  const addUser = async () => {
    const name = users.includes('dave') ? `user${users.length + 1}` : 'dave';
    const client = await world.addUser(name);
    // Make the newcomer part of the team so they can be called and messaged at once.
    await world.clients[users[0]!]!.addGroupMembers('team', [name]).catch(() => undefined);
    await client.sendText(`single:${users[0]}`, `Hi ${displayName(users[0]!)}, ${displayName(name)} here 👋`);
    setUsers(Object.keys(world.clients));
  };

  return (
    <div className="playground" data-natter-theme={theme} lang={locale}>
      <div className="playground__toolbar" role="toolbar" aria-label={l.controls} dir={directionOf(locale)}>
        <button type="button" onClick={() => void addUser()} disabled={users.length >= 6}>
          {l.addUser}
        </button>
        <label>
          {l.language}{' '}
          <select value={locale} onChange={(e) => setLocale(e.target.value)}>
            {PLAYGROUND_LANGUAGES.map(([tag, name]) => (
              <option key={tag} value={tag} lang={tag}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {l.theme}{' '}
          <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
            <option value="light">{l.light}</option>
            <option value="dark">{l.dark}</option>
            <option value="auto">{l.system}</option>
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

function Pane({
  world,
  user,
  theme,
  locale,
}: {
  world: DemoWorld;
  user: string;
  theme: Theme;
  locale: Locale;
}): ReactNode {
  const client = world.clients[user]!;
  const state = useClientState(client);
  const offline = state === 'closed' || state === 'idle';
  const l = playgroundLabels(locale);
  return (
    <section className="playground__pane" aria-label={l.chatOf(displayName(user))}>
      <header className="playground__pane-header">
        <strong>{displayName(user)}</strong>
        <span className="playground__state" data-state={state}>
          {l.state[state]}
        </span>
        <button
          type="button"
          onClick={() => (offline ? void client.connect().catch(() => undefined) : client.close())}
          aria-pressed={offline}
        >
          {offline ? l.restore : l.drop}
        </button>
      </header>
      <ChatProvider client={client}>
        {/* Several users share this page: each one's call dialog is modal to their own chat only. */}
        <Chat
          theme={theme}
          locale={locale}
          callModal="chat"
          displayName={displayName}
          defaultConversationId={user === 'alice' ? 'single:bob' : null}
        />
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
