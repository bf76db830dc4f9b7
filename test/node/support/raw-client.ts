// A test client that speaks natter's protocol as raw JSON frames over `ws`:
// hello/welcome, requests answered by ok/err, and every pushed event kept in
// order, so tests see exactly what crossed the wire.
import WebSocket from 'ws';
import type { ChatEvent, ServerFrame, WelcomeFrame } from '../../../src/protocol/frames';

export interface RawClientOptions {
  user?: string;
  token?: string;
  device?: string;
  resume?: number;
}

export interface Answer {
  ok: boolean;
  r?: unknown;
  code?: number;
  message?: string;
}

export class RawClient {
  readonly frames: ServerFrame[] = [];
  readonly events: { pos?: number; e: ChatEvent }[] = [];
  welcome: WelcomeFrame | null = null;
  closed: { code: number; reason: string } | null = null;
  private nextId = 1;
  private readonly waiters = new Set<() => void>();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      this.frames.push(frame);
      if (frame.t === 'welcome') this.welcome = frame;
      if (frame.t === 'evt') this.events.push({ ...(frame.pos !== undefined ? { pos: frame.pos } : {}), e: frame.e });
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
    ws.on('error', () => undefined);
  }

  /** Opens a socket, says hello and waits for welcome (or the refusal). */
  static async connect(
    url: string,
    options: RawClientOptions,
    wsOptions: WebSocket.ClientOptions = {},
  ): Promise<RawClient> {
    const ws = new WebSocket(url, wsOptions);
    const client = new RawClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    client.send({ v: 1, t: 'hello', ...options });
    await client.until(
      () =>
        client.welcome !== null || client.frames.some((f) => f.t === 'err' || f.t === 'bye') || client.closed !== null,
    );
    return client;
  }

  send(frame: unknown): void {
    this.ws.send(JSON.stringify(frame));
  }

  /** Sends a request and resolves with its ok/err answer. */
  async request(op: string, p: unknown): Promise<Answer> {
    const id = `r${this.nextId++}`;
    this.send({ v: 1, t: 'req', id, op, p });
    let answer: ServerFrame | undefined;
    await this.until(() => {
      answer = this.frames.find((f) => (f.t === 'ok' || f.t === 'err') && f.id === id);
      return answer !== undefined || this.closed !== null;
    });
    if (!answer) throw new Error(`connection closed before an answer to ${op}`);
    return answer.t === 'ok'
      ? { ok: true, r: answer.r }
      : { ok: false, code: (answer as { code: number }).code, message: (answer as { message: string }).message };
  }

  /** Like request, but throws unless the answer is ok. */
  async call<T = unknown>(op: string, p: unknown): Promise<T> {
    const a = await this.request(op, p);
    if (!a.ok) throw new Error(`${op} failed: ${a.code} ${a.message}`);
    return a.r as T;
  }

  eventsOf<K extends ChatEvent['type']>(type: K): Extract<ChatEvent, { type: K }>[] {
    return this.events.filter((e) => e.e.type === type).map((e) => e.e as Extract<ChatEvent, { type: K }>);
  }

  /** Resolves when `cond` holds; fails after `timeoutMs` (a bound, not a timing assertion). */
  until(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (cond()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!cond()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error('condition not met in time'));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.ws.close();
    return this.until(() => this.closed !== null);
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}
