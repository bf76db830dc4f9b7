// A protocol connection over ws for the server benchmarks: hello as a dev
// user, then request -> answer by id (events are not kept).
import { WebSocket } from 'ws';

export interface Answer {
  t: string;
  r?: unknown;
  code?: number;
  retryAfter?: number;
}

/** A protocol connection over ws: request → answer, with latency. */
export class Conn {
  private next = 1;
  private waiting = new Map<string, (f: Answer) => void>();
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (d) => {
      const f = JSON.parse(String(d)) as { t: string; id?: string };
      if ((f.t === 'ok' || f.t === 'err') && f.id) {
        const w = this.waiting.get(f.id);
        this.waiting.delete(f.id);
        w?.(f);
      }
    });
  }
  static open(url: string, user: string): Promise<Conn> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.on('error', reject);
      ws.on('open', () => {
        ws.send(JSON.stringify({ v: 1, t: 'hello', user, device: 'bench' }));
        ws.once('message', () => resolve(new Conn(ws)));
      });
    });
  }
  request(op: string, p: unknown): Promise<Answer> {
    const id = `q${this.next++}`;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.ws.send(JSON.stringify({ v: 1, t: 'req', id, op, p }));
    });
  }
  close(): void {
    this.ws.close();
  }
}
