// Owns the WebSocket transport: frames over a WebSocket (the browser's, or a
// constructor passed in — e.g. the `ws` package's in Node; this module
// imports neither Node built-ins nor `ws`), and file uploads over the host's
// HTTP API (http-upload.ts, in the upload chunk: load-upload-chunk.ts).
import { ErrorCode, NatterError } from '../protocol/errors';
import type {
  ClientConnection,
  ClientConnectionHandlers,
  Transport,
  UploadRequest,
  UploadedFile,
} from '../protocol/link';
import { loadUploadChunk } from './load-upload-chunk';

/** The part of the WebSocket API the transport uses (browser WebSocket and `ws` both have it). */
interface SocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

type SocketConstructor = new (url: string) => SocketLike;

export interface WebSocketTransportOptions {
  /** ws:// or wss:// URL of the host; the `/ws` path is added when the URL has no path. */
  url: string;
  /** WebSocket constructor; defaults to globalThis.WebSocket. */
  WebSocket?: unknown;
  /** Bearer token for uploads (Node host with signed tokens). */
  token?: string;
  /** Dev-mode user for uploads when there is no token. */
  user?: string;
  /** Override the HTTP base (default: derived from `url`). */
  httpBase?: string;
}

/** `ws://host:port` → `ws://host:port/ws`; a URL with a path is kept as given. */
export function socketUrl(url: string): string {
  const u = new URL(url);
  if (u.pathname === '' || u.pathname === '/') u.pathname = '/ws';
  return u.toString();
}

/** `ws://host:port/ws` → `http://host:port`; `wss:` → `https:`. */
export function httpBaseOf(url: string): string {
  const u = new URL(url);
  const protocol = u.protocol === 'wss:' ? 'https:' : u.protocol === 'ws:' ? 'http:' : u.protocol;
  const path = u.pathname.replace(/\/ws\/?$/, '').replace(/\/$/, '');
  return `${protocol}//${u.host}${path}`;
}

function textOf(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  if (ArrayBuffer.isView(data)) return new TextDecoder().decode(data);
  return String(data);
}

export function createWebSocketTransport(options: WebSocketTransportOptions): Transport {
  const Ctor = (options.WebSocket ?? (globalThis as { WebSocket?: unknown }).WebSocket) as
    SocketConstructor | undefined;
  const base = options.httpBase ?? httpBaseOf(socketUrl(options.url));
  return {
    connect(handlers: ClientConnectionHandlers): ClientConnection {
      // Short: the text ships to every browser, which always has a WebSocket; only Node 20 lacks one.
      if (!Ctor)
        throw new NatterError(
          ErrorCode.WEBIM_CONNCTION_OPEN_ERROR,
          'no WebSocket: pass one as the WebSocket option (on Node 20, the ws package)',
        );
      const socket = new Ctor(socketUrl(options.url));
      let closed = false;
      const finish = (code: number, reason: string): void => {
        if (closed) return;
        closed = true;
        handlers.close({ code, reason });
      };
      socket.onopen = () => handlers.open();
      socket.onmessage = (ev) => {
        if (!closed) handlers.frame(textOf(ev.data));
      };
      socket.onclose = (ev) => finish(ev.code, ev.reason);
      // An error is always followed by close in the WebSocket API; nothing more to do here.
      socket.onerror = () => undefined;
      return {
        send: (data) => socket.send(data),
        close: () => {
          closed = true;
          try {
            socket.close(1000, 'client closed');
          } catch {
            // Closing a socket that never opened can throw in some implementations.
          }
        },
      };
    },
    upload(req: UploadRequest): Promise<UploadedFile> {
      // The HTTP half is in the upload chunk: many sessions never send a file.
      return loadUploadChunk().then((m) =>
        m.httpUpload(base, req.token ?? options.token, req.user || options.user, req),
      );
    },
  };
}
