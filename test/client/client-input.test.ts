// The client's input stream: everything a store needs arrives on `input`, in
// order — server events, the answers to this client's own requests, outbox
// changes and connection — against the real embedded server.
import { afterEach, describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient } from '../../src/client/chat-client-types';
import type { ClientInput } from '../../src/client/chat-client-types';
import { createEmbeddedServer, type EmbeddedServer } from '../../src/server/embedded-server';

const servers: EmbeddedServer[] = [];
const clients: ChatClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) s.close();
});

async function pair(): Promise<{ ann: ChatClient; bob: ChatClient; inputs: ClientInput[] }> {
  const srv = createEmbeddedServer();
  servers.push(srv);
  const make = (user: string) => {
    const c = createChatClient({ transport: srv.connect(), user, reconnect: { initialDelayMs: 5, maxDelayMs: 20 } });
    clients.push(c);
    return c;
  };
  const ann = make('ann');
  const bob = make('bob');
  const inputs: ClientInput[] = [];
  ann.on('input', (i) => inputs.push(i));
  await Promise.all([ann.connect(), bob.connect()]);
  return { ann, bob, inputs };
}

/** Inputs that carry a stored copy of the message with `localId`. */
function storedCopies(inputs: readonly ClientInput[], localId: string): ClientInput[] {
  return inputs.filter(
    (i) =>
      (i.kind === 'event' && i.event.type === 'message' && i.event.message.localId === localId) ||
      (i.kind === 'sent' && i.message.localId === localId),
  );
}

describe('ChatClient input stream', () => {
  it('reports the connection and the welcome, in that order', async () => {
    const { inputs } = await pair();
    const kinds = inputs.map((i) => i.kind);
    expect(kinds).toContain('ready');
    expect(kinds.indexOf('connection')).toBeLessThan(kinds.indexOf('ready'));
    expect(inputs.find((i) => i.kind === 'ready')).toEqual({
      kind: 'ready',
      user: 'ann',
      resumed: false,
      reset: false,
    });
  });

  it("carries the sender's stored message once: the pending entry, then the server's event, no second copy from the answer", async () => {
    const { ann, inputs } = await pair();
    const message = await ann.sendText('single:bob', 'hello', { localId: 'L-1' });
    expect(message.localId).toBe('L-1');
    expect(
      inputs
        .filter((i) => i.kind === 'outbox' && i.pending.localId === 'L-1')
        .map((i) => i.kind === 'outbox' && i.pending.status),
    ).toEqual(['pending']);
    expect(storedCopies(inputs, 'L-1')).toHaveLength(1);
    expect(storedCopies(inputs, 'L-1')[0]?.kind).toBe('event');
  });

  it('gives every send a localId from the newId option', async () => {
    const srv = createEmbeddedServer();
    servers.push(srv);
    let n = 0;
    const c = createChatClient({ transport: srv.connect(), user: 'ann', newId: () => `mine-${++n}` });
    clients.push(c);
    await c.connect();
    expect(c.newLocalId()).toBe('mine-1');
    expect((await c.sendText('single:bob', 'x')).localId).toBe('mine-2');
  });

  it('puts the answers to its own requests in the stream before their Promise resolves', async () => {
    const { ann, bob, inputs } = await pair();
    const sent = await bob.sendText('single:ann', 'one');
    await bob.sendText('single:ann', 'two');

    const page = await ann.history('single:bob');
    expect(inputs.at(-1)).toEqual({ kind: 'history', conversation: 'single:bob', page });

    const readSeq = await ann.markRead('single:bob');
    expect(inputs.at(-1)).toEqual({ kind: 'readMarker', conversation: 'single:bob', readSeq, unread: 0 });

    const mine = await ann.sendText('single:bob', 'oops');
    const tombstone = await ann.recall(mine.serverId);
    expect(inputs.at(-1)).toEqual({ kind: 'recalled', conversation: 'single:bob', message: tombstone });

    const { invitation } = await ann.invite('bob', { timeout: 30 });
    expect(inputs.at(-1)).toEqual({ kind: 'invitation', invitation });
    expect(sent.seq).toBe(1);
  });

  it('reports a discarded send with its conversation, so a store can drop it', async () => {
    const { ann, inputs } = await pair();
    ann.dropConnection();
    const pending = ann.sendText('single:bob', 'never', { localId: 'gone' }).catch((e: unknown) => e);
    ann.discard('gone');
    await pending;
    expect(inputs.at(-1)).toEqual({ kind: 'discarded', conversation: 'single:bob', localId: 'gone' });
  });
});

describe('recall event', () => {
  it("carries each member's unread count after the recall, so no client recomputes it", async () => {
    const { ann, bob, inputs } = await pair();
    await bob.sendText('single:ann', 'one');
    const two = await bob.sendText('single:ann', 'two');
    await bob.recall(two.serverId);
    const deadline = Date.now() + 2000;
    while (!inputs.some((i) => i.kind === 'event' && i.event.type === 'recall') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    const recall = inputs.find((i) => i.kind === 'event' && i.event.type === 'recall');
    expect(recall?.kind === 'event' && recall.event.type === 'recall' && recall.event.unread).toBe(1);
    const [summary] = await ann.conversations();
    expect(summary?.unread).toBe(1);
  });
});
