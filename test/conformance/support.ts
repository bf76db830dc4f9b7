// Helpers the conformance suites share: an event recorder that never misses
// an event fired before someone waited for it, a per-test session that
// creates (and closes) clients with unique user names, a round-trip barrier,
// and a raw transport connection for frame-level tests.
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { ChatClient, ChatClientEvents, ChatClientOptions } from '../../src/client/chat-client-types';
import { isNatterError } from '../../src/protocol/errors';
import type { ServerFrame } from '../../src/protocol/frames';
import type { Transport } from '../../src/protocol/link';
import { harnessClient, type Harness, type HarnessConfig, type HarnessFactory } from './harness';

export type EventName = keyof ChatClientEvents;
const EVENT_NAMES: EventName[] = [
  'state',
  'ready',
  'outbox',
  'error',
  'message',
  'recall',
  'delivered',
  'read',
  'groupRead',
  'channelAck',
  'readState',
  'conversationDeleted',
  'invitation',
  'group',
  'room',
  'blocklist',
  'presence',
  'profile',
  'messageUpdate',
  'messageHidden',
  'pins',
  'threadReply',
  'threadReadState',
  'mentionCount',
  'conversationMute',
  'typing',
];

/** Liveness guard for waits, so a missing event fails with a description instead of a test timeout. */
const WAIT_GUARD_MS = 8000;

export interface Recorded {
  name: EventName;
  e: unknown;
}

export class Recorder {
  readonly log: Recorded[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly unsubs: Array<() => void>;

  constructor(readonly client: ChatClient) {
    this.unsubs = EVENT_NAMES.map((name) =>
      client.on(name, (e) => {
        this.log.push({ name, e });
        for (const l of [...this.listeners]) l();
      }),
    );
  }

  all<K extends EventName>(name: K, pred: (e: ChatClientEvents[K]) => boolean = () => true): ChatClientEvents[K][] {
    return this.log
      .filter((r) => r.name === name)
      .map((r) => r.e as ChatClientEvents[K])
      .filter(pred);
  }

  /** Resolves with the `count`-th matching event (already recorded or future). */
  waitFor<K extends EventName>(
    name: K,
    pred: (e: ChatClientEvents[K]) => boolean = () => true,
    count = 1,
  ): Promise<ChatClientEvents[K]> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.all(name, pred);
        if (found.length >= count) {
          resolve(found[count - 1] as ChatClientEvents[K]);
          return true;
        }
        return false;
      };
      if (check()) return;
      const listener = (): void => {
        if (check()) {
          this.listeners.delete(listener);
          clearTimeout(guard);
        }
      };
      const guard = setTimeout(() => {
        this.listeners.delete(listener);
        const seen = this.log.map((r) => r.name).join(', ');
        reject(new Error(`${this.client.user}: no ${count}× '${String(name)}' event matching; saw [${seen}]`));
      }, WAIT_GUARD_MS);
      this.listeners.add(listener);
    });
  }

  clear(): void {
    this.log.length = 0;
  }

  dispose(): void {
    for (const u of this.unsubs) u();
  }
}

let counter = 0;
/** A user/group/room id unique across the run, so harnesses may share one server between tests. */
export function uid(prefix: string): string {
  counter++;
  return `${prefix}${counter}x${Math.random().toString(36).slice(2, 7)}`;
}

export interface Session {
  readonly h: Harness;
  /** A connected client for `user` (a new device each call) and its recorder, attached before connecting. */
  client(user: string, options?: Partial<ChatClientOptions>): Promise<{ c: ChatClient; rec: Recorder }>;
  /** A client that is not connected yet. */
  offline(user: string, options?: Partial<ChatClientOptions>): { c: ChatClient; rec: Recorder };
  /** Users with unique names. */
  users<T extends string[]>(...prefixes: T): { [K in keyof T]: string };
}

/** Registers before/after hooks: one harness per `describe` (per config), clients closed after every test. */
export function useSession(factory: HarnessFactory, config: HarnessConfig = {}): Session {
  let harness: Harness | null = null;
  const open: ChatClient[] = [];
  beforeAll(async () => {
    harness = await factory(config);
  });
  afterAll(async () => {
    await harness?.close();
    harness = null;
  });
  afterEach(() => {
    for (const c of open.splice(0)) c.close();
  });
  const session: Session = {
    get h(): Harness {
      if (!harness) throw new Error('harness not started');
      return harness;
    },
    offline(user, options = {}) {
      const c = harnessClient(session.h, user, options);
      open.push(c);
      return { c, rec: new Recorder(c) };
    },
    async client(user, options = {}) {
      const made = session.offline(user, options);
      await made.c.connect();
      return made;
    },
    users<T extends string[]>(...prefixes: T) {
      return prefixes.map((p) => uid(p)) as { [K in keyof T]: string };
    },
  };
  return session;
}

/**
 * Barrier: a round trip on `client`'s connection. Events the server pushed to this client
 * before it answered are delivered first, so after this resolves "nothing arrived" is meaningful.
 */
export async function settle(...clients: ChatClient[]): Promise<void> {
  for (const c of clients) await c.blocklist();
}

/** The NatterError code a promise rejects with (fails the test if it resolves). */
export async function codeOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (err) {
    if (isNatterError(err)) return err.code;
    throw err;
  }
  throw new Error('expected a NatterError rejection, but the call succeeded');
}

/** A raw connection through a transport, for frames a ChatClient would never send. */
export interface RawConnection {
  readonly frames: ServerFrame[];
  readonly closed: boolean;
  send(data: string): void;
  waitFrame(pred: (f: ServerFrame) => boolean): Promise<ServerFrame>;
  /** Resolves once the first frame matching, or the close, happens. */
  waitFrameOrClose(pred: (f: ServerFrame) => boolean): Promise<ServerFrame | 'closed'>;
  close(): void;
}

export function openRaw(transport: Transport): Promise<RawConnection> {
  return new Promise((resolveOpen, rejectOpen) => {
    const frames: ServerFrame[] = [];
    const listeners = new Set<() => void>();
    let closed = false;
    const notify = (): void => {
      for (const l of [...listeners]) l();
    };
    const conn = transport.connect({
      open: () => resolveOpen(raw),
      frame: (data) => {
        try {
          frames.push(JSON.parse(data) as ServerFrame);
        } catch {
          // A server answering with non-JSON would fail the waits below.
        }
        notify();
      },
      close: () => {
        closed = true;
        rejectOpen(new Error('raw connection closed before opening'));
        notify();
      },
    });
    const waitImpl = (pred: (f: ServerFrame) => boolean, allowClose: boolean): Promise<ServerFrame | 'closed'> =>
      new Promise((resolve, reject) => {
        const check = (): boolean => {
          const f = frames.find(pred);
          if (f) {
            resolve(f);
            return true;
          }
          if (closed) {
            if (allowClose) resolve('closed');
            else reject(new Error(`connection closed; frames: ${JSON.stringify(frames)}`));
            return true;
          }
          return false;
        };
        if (check()) return;
        const l = (): void => {
          if (check()) {
            listeners.delete(l);
            clearTimeout(guard);
          }
        };
        const guard = setTimeout(() => {
          listeners.delete(l);
          reject(new Error(`no matching frame; got ${JSON.stringify(frames).slice(0, 500)}`));
        }, WAIT_GUARD_MS);
        listeners.add(l);
      });
    const raw: RawConnection = {
      frames,
      get closed() {
        return closed;
      },
      send: (data) => conn.send(data),
      waitFrame: (pred) => waitImpl(pred, false) as Promise<ServerFrame>,
      waitFrameOrClose: (pred) => waitImpl(pred, true),
      close: () => conn.close(),
    };
  });
}
