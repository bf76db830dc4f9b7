// Test helper: a raw frame-level client over a Transport (the embedded
// server's loopback), so tests see exactly the serialized frames.
import type {
  ChatEvent,
  ErrFrame,
  EventFrame,
  OkFrame,
  OpName,
  Ops,
  ServerFrame,
  WelcomeFrame,
} from '../../src/protocol/frames';
import type { ClientConnection, Transport } from '../../src/protocol/link';
import { PROTOCOL_VERSION } from '../../src/protocol/version';

type Waiter = { match: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void };

export class RawClient {
  readonly frames: ServerFrame[] = [];
  readonly events: EventFrame[] = [];
  closed: { code: number; reason: string } | null = null;
  welcome: WelcomeFrame | null = null;
  private conn: ClientConnection;
  private waiters: Waiter[] = [];
  private nextId = 1;
  private opened: Promise<void>;

  constructor(transport: Transport) {
    let resolveOpen!: () => void;
    this.opened = new Promise((r) => (resolveOpen = r));
    this.conn = transport.connect({
      open: () => resolveOpen(),
      frame: (data) => this.onFrame(JSON.parse(data) as ServerFrame),
      close: (info) => {
        this.closed = info;
        resolveOpen();
      },
    });
  }

  private onFrame(f: ServerFrame): void {
    this.frames.push(f);
    if (f.t === 'evt') this.events.push(f);
    if (f.t === 'welcome') this.welcome = f;
    const i = this.waiters.findIndex((w) => w.match(f));
    if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(f);
  }

  /** Resolves with the first frame (already received or future) matching `match`. */
  waitFor(match: (f: ServerFrame) => boolean, fromIndex = 0): Promise<ServerFrame> {
    const seen = this.frames.slice(fromIndex).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  sendRaw(data: string): void {
    this.conn.send(data);
  }

  send(frame: object): void {
    this.conn.send(JSON.stringify(frame));
  }

  async hello(user: string, extra: { device?: string; resume?: number; token?: string } = {}): Promise<WelcomeFrame> {
    await this.opened;
    this.send({ v: PROTOCOL_VERSION, t: 'hello', user, ...extra });
    return (await this.waitFor((f) => f.t === 'welcome' || f.t === 'err' || f.t === 'bye')) as WelcomeFrame;
  }

  /** Sends a request and resolves with its ok or err frame. */
  async call<K extends OpName>(op: K, p: Ops[K]['p']): Promise<OkFrame | ErrFrame> {
    const id = `r${this.nextId++}`;
    this.send({ v: PROTOCOL_VERSION, t: 'req', id, op, p });
    return (await this.waitFor((f) => (f.t === 'ok' || f.t === 'err') && f.id === id)) as OkFrame | ErrFrame;
  }

  /** Sends a request and returns its result; throws with the code when answered with err. */
  async ok<K extends OpName>(op: K, p: Ops[K]['p']): Promise<Ops[K]['r']> {
    const f = await this.call(op, p);
    if (f.t === 'err') throw new Error(`${op} failed: ${f.code} ${f.message}`);
    return f.r as Ops[K]['r'];
  }

  /** The err code of a request expected to fail. */
  async code<K extends OpName>(op: K, p: Ops[K]['p']): Promise<number> {
    const f = await this.call(op, p);
    if (f.t !== 'err') throw new Error(`${op} unexpectedly succeeded`);
    return f.code;
  }

  /** Round trip: everything the server sent before the pong has arrived. */
  async sync(): Promise<void> {
    const from = this.frames.length;
    this.send({ v: PROTOCOL_VERSION, t: 'ping' });
    await this.waitFor((f) => f.t === 'pong', from);
  }

  eventsOf<T extends ChatEvent['type']>(type: T): Extract<ChatEvent, { type: T }>[] {
    return this.events.map((e) => e.e).filter((e): e is Extract<ChatEvent, { type: T }> => e.type === type);
  }

  async nextEvent<T extends ChatEvent['type']>(type: T, fromIndex = 0): Promise<Extract<ChatEvent, { type: T }>> {
    const f = (await this.waitFor((x) => x.t === 'evt' && x.e.type === type, fromIndex)) as EventFrame;
    return f.e as Extract<ChatEvent, { type: T }>;
  }

  lastPos(): number {
    return this.events.reduce((m, e) => Math.max(m, e.pos ?? 0), this.welcome?.pos ?? 0);
  }

  close(): void {
    this.conn.close();
  }
}

/** Connects and says hello as `user`. */
export async function login(
  transport: Transport,
  user: string,
  extra: { device?: string; resume?: number } = {},
): Promise<RawClient> {
  const c = new RawClient(transport);
  const w = await c.hello(user, extra);
  if (w.t !== 'welcome') throw new Error(`login failed: ${JSON.stringify(w)}`);
  return c;
}

let n = 0;
export const localId = (): string => `L${++n}-${Math.random().toString(36).slice(2, 8)}`;
