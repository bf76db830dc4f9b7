// Owns how a component story gets its world: an async `setup` that starts an
// embedded server, connects real clients and drives them into the state the
// story shows (sends, receipts, calls), then the story renders with the
// viewer's client. The scene is closed when the story unmounts.
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import {
  createChatClient,
  type ChatClient,
  type ConversationId,
  type EmbeddedServer,
  type Transport,
} from '../../src/entries/index';
import { ChatProvider } from '../../src/entries/react';

export interface Scene {
  /** The client whose view the story shows. */
  client: ChatClient;
  /** The conversation the story opens (if any). */
  conversation: ConversationId;
  close(): void;
}

/** Runs `setup` once per mounted story and closes what it made on unmount. */
export function useScene<S extends Scene>(setup: () => Promise<S>): { scene: S | null; error: Error | null } {
  const [scene, setScene] = useState<S | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    let alive = true;
    let made: S | null = null;
    setup().then(
      (s) => {
        made = s;
        if (alive) setScene(s);
        else s.close();
      },
      (e: unknown) => alive && setError(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      alive = false;
      made?.close();
    };
    // One scene per mounted story.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return { scene, error };
}

/** Shows a start-up line until the scene is ready, then `children` inside a ChatProvider for the scene's client. */
export function SceneGate<S extends Scene>({
  setup,
  children,
}: {
  setup: () => Promise<S>;
  children: (scene: S) => ReactNode;
}): ReactNode {
  const { scene, error } = useScene(setup);
  if (error) return <p role="alert">The story's scene did not start: {error.message}</p>;
  if (!scene) return <p className="natter-story-loading">Starting the embedded server…</p>;
  return <ChatProvider client={scene.client}>{children(scene)}</ChatProvider>;
}

/** A connected client for `user` on `server`, optionally over a wrapped transport. */
export async function connectUser(
  server: EmbeddedServer,
  user: string,
  wrap: (t: Transport) => Transport = (t) => t,
  delivery = true,
): Promise<ChatClient> {
  const client = createChatClient({ transport: wrap(server.connect()), user, device: `story-${user}`, delivery });
  await client.connect();
  return client;
}

const NAMES: Record<string, string> = {
  alice: 'Alice',
  bob: 'Bob',
  carol: 'Carol',
  dave: 'Dave',
  erin: 'Erin',
  frank: 'Frank',
};
/** Display names of the story users. */
export const displayName = (id: string): string => NAMES[id] ?? id;

/** A box of a fixed height (virtualized lists need one) with an optional caption saying what the story shows. */
export function StoryFrame({
  caption,
  children,
  width = 460,
  height = 560,
  style,
}: {
  caption?: ReactNode;
  children: ReactNode;
  width?: number | string;
  height?: number | string;
  style?: CSSProperties;
}): ReactNode {
  return (
    <div style={{ padding: 12, fontFamily: 'system-ui, sans-serif', color: 'var(--natter-text)', ...style }}>
      {caption ? (
        <p
          style={{
            margin: '0 0 8px',
            fontSize: 13,
            maxWidth: typeof width === 'number' ? width : undefined,
            color: 'var(--natter-text-muted)',
          }}
        >
          {caption}
        </p>
      ) : null}
      <div
        style={{
          width,
          height,
          display: 'flex',
          flexDirection: 'column',
          border: '1px solid var(--natter-border, #ddd)',
          borderRadius: 8,
          overflow: 'hidden',
        }}
      >
        {children}
      </div>
    </div>
  );
}
