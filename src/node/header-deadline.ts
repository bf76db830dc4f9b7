// Owns the deadline a connection has to send a request's headers: a client
// that drips them (slowloris) or sends nothing is answered 408 and cut.
// Node's own headersTimeout runs from the moment the connection was accepted
// and is checked on a timer; after the event loop has been busy (a long
// commit, or a machine so loaded that the process waits for a core) that
// timer runs before the sockets are read, so a client whose upgrade request
// had long arrived was refused with 408 — what the 1,000-client fan-out
// bench hit under load. Here an expired deadline is checked again after the
// reads of that event-loop turn: only a client whose headers really are not
// there is cut. The deadline applies to every request of a connection, from
// its accept or the end of the previous response.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

const TIMED_OUT = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';

/** Enforces `timeoutMs` for request headers on `server`'s connections; returns the detach. */
export function enforceHeaderDeadline(server: Server, timeoutMs: number): () => void {
  const waiting = new Map<Socket, ReturnType<typeof setTimeout>>();

  const settle = (socket: Socket): void => {
    const timer = waiting.get(socket);
    if (timer === undefined) return;
    clearTimeout(timer);
    waiting.delete(socket);
  };

  const arm = (socket: Socket): void => {
    if (socket.destroyed) return;
    settle(socket);
    const timer = setTimeout(() => {
      // Poll (the socket reads) runs before setImmediate's phase: headers that are already here are
      // parsed first and settle the deadline.
      setImmediate(() => {
        if (waiting.get(socket) !== timer) return;
        waiting.delete(socket);
        if (socket.destroyed) return;
        if (socket.writable) socket.end(TIMED_OUT, () => socket.destroy());
        else socket.destroy();
      });
    }, timeoutMs);
    timer.unref();
    waiting.set(socket, timer);
  };

  const onConnection = (socket: Socket): void => {
    arm(socket);
    socket.once('close', () => settle(socket));
  };
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const socket = req.socket;
    settle(socket);
    // The next request on a kept-alive connection gets its own deadline.
    res.once('finish', () => {
      if (!socket.destroyed) arm(socket);
    });
  };
  const onUpgrade = (req: IncomingMessage): void => settle(req.socket);

  server.on('connection', onConnection);
  server.on('request', onRequest);
  server.on('upgrade', onUpgrade);
  return () => {
    server.off('connection', onConnection);
    server.off('request', onRequest);
    server.off('upgrade', onUpgrade);
    for (const timer of waiting.values()) clearTimeout(timer);
    waiting.clear();
  };
}
