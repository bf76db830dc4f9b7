// Owns the WebSocket side of the Node host: upgrades on `/ws`, one ServerPeer
// per connection handed to the core's `connect`, transport-level ping/pong to
// drop dead peers, a bound on each connection's outbound buffer (a slow reader
// is closed rather than allowed to grow memory), and closing every socket on
// shutdown. Frames sent to one connection within an event-loop turn leave in
// one socket write (the socket is corked until the turn ends): a group commit
// hands a member many frames at once, and a syscall per frame was the host's
// largest cost under fan-out. Caps on connections, in total and per remote
// address, refuse an upgrade (503 / 429) before any session exists.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import type { ServerPeer, ServerSession } from '../protocol/link';
import type { Logger } from './logger';

/** Close codes the host uses (4xxx are application codes in RFC 6455). */
export const CloseCode = {
  GOING_AWAY: 1001,
  /** The outbound buffer of this connection passed its bound: the client reads too slowly. */
  SLOW_CONSUMER: 4008,
  /** No pong within one ping interval. */
  DEAD_PEER: 4009,
} as const;

export interface WebSocketHostOptions {
  server: Server;
  connect(peer: ServerPeer): ServerSession;
  /** ws `maxPayload`: larger frames close the connection (1009) without being buffered. */
  maxPayload: number;
  /** Bytes a connection may have queued before it is closed as a slow consumer. */
  maxBufferedBytes: number;
  /** Transport ping interval; a peer that missed the previous pong is dropped. */
  pingIntervalMs: number;
  logger: Logger;
  path?: string;
  /** Open WebSocket connections at most (0 = no cap). */
  maxConnections?: number;
  /** Open WebSocket connections per remote address at most (0 = no cap). */
  maxConnectionsPerAddress?: number;
}

export interface WebSocketHost {
  readonly connections: number;
  /** Stop accepting upgrades, close every socket with 1001, and wait (bounded) for them to go. */
  close(graceMs?: number): Promise<void>;
}

export function attachWebSocketHost(options: WebSocketHostOptions): WebSocketHost {
  const path = options.path ?? '/ws';
  const { logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload, perMessageDeflate: false });
  const alive = new WeakMap<WebSocket, boolean>();
  let accepting = true;
  let nextId = 1;
  /** Upgrades accepted and not yet closed, in total and by remote address (counted before the handshake ends). */
  let open = 0;
  const perAddress = new Map<string, number>();
  const maxTotal = options.maxConnections ?? 0;
  const maxPerAddress = options.maxConnectionsPerAddress ?? 0;

  const refuse = (socket: Duplex, status: string): void => {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!accepting || pathname !== path) {
      refuse(socket, accepting ? '404 Not Found' : '503 Service Unavailable');
      return;
    }
    const address = req.socket.remoteAddress ?? '?';
    const fromAddress = perAddress.get(address) ?? 0;
    if (maxTotal > 0 && open >= maxTotal) {
      logger.log('warn', 'ws.refused', { reason: 'max_connections', remote: address, open });
      refuse(socket, '503 Service Unavailable');
      return;
    }
    if (maxPerAddress > 0 && fromAddress >= maxPerAddress) {
      logger.log('warn', 'ws.refused', { reason: 'max_connections_per_address', remote: address, open: fromAddress });
      refuse(socket, '429 Too Many Requests');
      return;
    }
    open++;
    perAddress.set(address, fromAddress + 1);
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      open--;
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    };
    socket.once('close', release);
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, req, socket));
  };
  options.server.on('upgrade', onUpgrade);

  function onConnection(ws: WebSocket, req: IncomingMessage, socket: Duplex): void {
    const conn = nextId++;
    const remote = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`;
    alive.set(ws, true);
    let closing = false;
    const closeWith = (code: number, reason: string): void => {
      if (closing) return;
      closing = true;
      ws.close(code, reason);
      // A peer that does not complete the close handshake (e.g. one that stopped reading) is cut.
      setTimeout(() => ws.terminate(), 1000).unref();
    };
    // Corked from the first frame until the current callback is done (a commit delivers synchronously).
    let corked = false;
    const uncork = (): void => {
      corked = false;
      socket.uncork();
    };
    const peer: ServerPeer = {
      send(data) {
        if (closing || ws.readyState !== WebSocket.OPEN) return;
        if (ws.bufferedAmount > options.maxBufferedBytes) {
          logger.log('warn', 'ws.slow_consumer', { conn, bufferedAmount: ws.bufferedAmount });
          closeWith(CloseCode.SLOW_CONSUMER, 'outbound queue full');
          return;
        }
        if (!corked) {
          corked = true;
          socket.cork();
          process.nextTick(uncork);
        }
        ws.send(data);
      },
      close(code, reason) {
        closeWith(wsCloseCode(code), truncateReason(reason ?? ''));
      },
      get bufferedAmount() {
        return ws.bufferedAmount;
      },
    };
    let session: ServerSession;
    try {
      session = options.connect(peer);
    } catch (e) {
      logger.log('error', 'ws.connect_failed', { conn, error: e });
      ws.terminate();
      return;
    }
    logger.log('info', 'ws.open', { conn, remote });
    ws.on('pong', () => alive.set(ws, true));
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        closeWith(1003, 'text frames only');
        return;
      }
      try {
        session.receive(rawToString(data));
      } catch (e) {
        logger.log('error', 'ws.receive_failed', { conn, error: e });
      }
    });
    ws.on('error', (e) => logger.log('warn', 'ws.error', { conn, error: e }));
    ws.on('close', (code, reason) => {
      logger.log('info', 'ws.close', { conn, code, reason: reason.toString() });
      try {
        session.closed();
      } catch (e) {
        logger.log('error', 'ws.closed_failed', { conn, error: e });
      }
    });
  }

  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        logger.log('info', 'ws.dead_peer', {});
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      try {
        ws.ping();
      } catch {
        ws.terminate();
      }
    }
  }, options.pingIntervalMs);
  pinger.unref();

  return {
    get connections() {
      return wss.clients.size;
    },
    async close(graceMs = 2000) {
      accepting = false;
      clearInterval(pinger);
      options.server.off('upgrade', onUpgrade);
      const open = [...wss.clients];
      await new Promise<void>((resolve) => {
        if (open.length === 0) {
          resolve();
          return;
        }
        let left = open.length;
        const timer = setTimeout(() => {
          for (const ws of open) ws.terminate();
        }, graceMs);
        for (const ws of open) {
          ws.once('close', () => {
            if (--left === 0) {
              clearTimeout(timer);
              resolve();
            }
          });
          ws.close(CloseCode.GOING_AWAY, 'server shutting down');
        }
      });
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/**
 * natter codes become WebSocket close codes: those a close frame may carry (1000–1014 less the
 * reserved ones, 3000–4999) pass through; shutdown (5030) is 1001; anything else is 1008.
 */
function wsCloseCode(code: number | undefined): number {
  if (code === undefined) return 1000;
  if (code === 5030) return CloseCode.GOING_AWAY;
  const valid =
    (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) || (code >= 3000 && code <= 4999);
  return valid ? code : 1008;
}

/** Close reasons are limited to 123 bytes of UTF-8. */
function truncateReason(reason: string): string {
  let r = reason;
  while (Buffer.byteLength(r) > 123) r = r.slice(0, -1);
  return r;
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
