// A keep-alive HTTP connection to a node that the node is still reading (a
// request body half sent), as a load balancer's pooled connection may be: a
// stopping node cannot close it as idle, so a health check sent on it after
// shutdown began reaches the node. Used by the /healthz shutdown tests.
import { connect } from 'node:net';

export interface HealthAnswer {
  status: number;
  body: unknown;
}

export interface BusyConnection {
  /** Sends the rest of the pending body, then GET /healthz; resolves with that answer. */
  healthz(timeoutMs?: number): Promise<HealthAnswer>;
  close(): void;
}

/** Opens the connection and waits until the node has parsed its first request (it answers 404). */
export async function busyConnection(port: number, timeoutMs = 20_000): Promise<BusyConnection> {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  let changed: () => void = () => undefined;
  socket.setEncoding('utf8').on('data', (d: string) => {
    received += d;
    changed();
  });
  const until = <T>(read: () => T | null, what: string, ms: number): Promise<T> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what} in time; the node sent: ${received}`)), ms);
      const onClose = (): void => check(true);
      const check = (closed = false): void => {
        const value = read();
        if (value === null && !closed) return;
        clearTimeout(timer);
        socket.off('close', onClose);
        changed = () => undefined;
        if (value === null) reject(new Error(`the node closed the connection before ${what}: ${received}`));
        else resolve(value);
      };
      changed = check;
      socket.on('close', onClose);
      check();
    });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.write('POST /not-a-route HTTP/1.1\r\nHost: natter\r\nContent-Length: 4\r\n\r\nab');
  await until(() => (/^HTTP\/1\.1 404 /.test(received) ? true : null), 'no 404', timeoutMs);
  return {
    async healthz(ms = timeoutMs) {
      socket.write('cdGET /healthz HTTP/1.1\r\nHost: natter\r\n\r\n');
      // The second answer, once its JSON body is in (chunked or not).
      const m = await until(
        () => /^HTTP\/1\.1 404 [^]*?HTTP\/1\.1 (\d{3}) [^]*?\r\n\r\n(?:[0-9a-f]+\r\n)?(\{.*\})/.exec(received),
        'no answer to /healthz',
        ms,
      );
      return { status: Number(m[1]), body: JSON.parse(m[2]!) as unknown };
    },
    close: () => void socket.destroy(),
  };
}
