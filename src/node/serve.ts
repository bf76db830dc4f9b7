// Owns starting and stopping a natter server on Node: one http.Server carrying
// the WebSocket endpoint (`/ws`), the file API (`/files`) and the health
// check (`/healthz`: 200 only while the database and Redis answer and the node
// is not stopping), the server core on SQLite — or PostgreSQL + Redis for
// several nodes (cluster-backend.ts) — and on-disk files, token and JWT auth,
// caps and timeouts on what a connection may hold, structured logs, and a
// graceful shutdown (stop accepting, commit what is queued, tell clients to
// reconnect elsewhere, close the database).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerLimits } from '../protocol/entities';
import type { UserId } from '../protocol/message';
import type { IceServer } from '../protocol/rtc';
import { createServerCore, type ServerCore, type ServerCoreOptions } from '../server/server-core';
import { createJsonLogger, type Logger } from './logger';
import type { SqliteStorage } from './sqlite-storage';
import type { PgStorage } from './pg-storage';
import { openBackend } from './cluster-backend';
import { DiskFileStore } from './disk-file-store';
import { createAuthenticator, createHelloAuthenticator } from './token';
import type { JwtAuthOptions } from './jwt-auth';
import { createFileApi } from './http-files';
import { attachWebSocketHost } from './ws-host';
import { enforceHeaderDeadline } from './header-deadline';
import { createWebPushSender, type WebPushOptions } from './push-sender';

export interface StartServerOptions {
  /** TCP port; 0 picks a free one. Default 8080. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** SQLite database file (':memory:' for a throwaway one), or postgres://user:pass@host:port/db. */
  db: string;
  /** redis://host:port: events reach sessions on other nodes (needs a PostgreSQL `db`). */
  redis?: string;
  /**
   * With `redis`: how long this node's lease lasts without a refresh (ms, 1000 to 600000; default
   * 15000). A node killed is taken over by a survivor after about this long; it is refreshed every
   * third of it, so a shorter lease costs more Redis calls and tolerates shorter stalls.
   */
  nodeLeaseMs?: number;
  /** Directory for uploaded files. */
  files: string;
  /** HMAC secret for tokens; required unless `dev`. */
  secret?: string;
  /** Accept `hello.user` / `X-Natter-User` without a token. Off by default. */
  dev?: boolean;
  /** SQLite durability: NORMAL survives a crash of the process, FULL also power loss. */
  synchronous?: 'NORMAL' | 'FULL' | 'normal' | 'full';
  limits?: Partial<ServerLimits>;
  recallWindowMs?: number;
  recallEnabled?: boolean;
  /** Base URL clients reach this server at, for file URLs (default http://<host>:<port>). */
  publicUrl?: string;
  /** Further core options (moderation, push hook, rate limit…). */
  core?: Partial<ServerCoreOptions>;
  logger?: Logger;
  /** Transport ping interval (dead peers are dropped after one missed pong). Default 30 s. */
  pingIntervalMs?: number;
  /** Outbound bytes a connection may have queued before it is closed as slow. Default 8 MiB. */
  maxBufferedBytes?: number;
  /** Also accept standard JWTs (HS256 secret, or a JWKS file/URL). */
  jwt?: JwtAuthOptions;
  /** Open WebSocket connections at most; more are refused with 503. Default 10000; 0 = no cap. */
  maxConnections?: number;
  /** Open WebSocket connections per remote address; more are refused with 429. Default 100; 0 = no cap. */
  maxConnectionsPerAddress?: number;
  /** Time a client has to send a request's headers (time the server was too busy to read them aside). Default 10 s. */
  headersTimeoutMs?: number;
  /** Time a client has to send a whole request, body included (Node's requestTimeout). Default 120 s. */
  requestTimeoutMs?: number;
  /** STUN/TURN servers for calls (see `iceServersFor` for short-lived TURN credentials). Default none. */
  iceServers?: IceServer[] | ((user: UserId) => IceServer[]);
  /** Web Push to subscribed browsers of users with no live session (VAPID keys and subject). Default off. */
  webPush?: WebPushOptions;
}

const DEFAULT_MAX_CONNECTIONS = 10_000;
const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 100;
const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;

export interface RunningServer {
  /** WebSocket URL, e.g. ws://127.0.0.1:8080/ws (what `createChatClient({ url })` takes). */
  url: string;
  /** HTTP base, e.g. http://127.0.0.1:8080 (file API). */
  httpUrl: string;
  port: number;
  host: string;
  core: ServerCore;
  /** SqliteStorage for a file `db`, PgStorage for a postgres:// one. */
  storage: SqliteStorage | PgStorage;
  /** Graceful shutdown; resolves when the database is closed. Idempotent. */
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? createJsonLogger();
  const dev = options.dev ?? false;
  if (!dev && !options.secret && !options.jwt)
    throw new Error(
      'natter serve: a token secret is required (--secret or NATTER_SECRET), a JWT setting (--jwt-secret, --jwt-jwks), or --dev',
    );
  const synchronous = options.synchronous?.toUpperCase() === 'FULL' ? 'FULL' : 'NORMAL';
  const onError = options.core?.onError ?? ((error: unknown) => logger.log('error', 'core.error', { error }));
  // Made before the database opens: malformed VAPID keys stop the start with nothing to close.
  const webPush = options.webPush ? createWebPushSender(options.webPush) : undefined;
  const backend = await openBackend({
    db: options.db,
    ...(options.redis ? { redis: options.redis } : {}),
    ...(options.nodeLeaseMs !== undefined ? { nodeLeaseMs: options.nodeLeaseMs } : {}),
    synchronous,
    onError,
  });
  const storage = backend.storage;
  const files = new DiskFileStore({ dir: options.files, fsync: synchronous === 'FULL' });
  const authOptions = {
    ...(options.secret ? { secret: options.secret } : {}),
    ...(options.jwt ? { jwt: options.jwt } : {}),
    dev,
  };
  // File URLs are absolute; the base is known once listening (or given as publicUrl).
  let publicBase = options.publicUrl?.replace(/\/$/, '') ?? '';
  const core = createServerCore({
    ...options.core,
    storage,
    files,
    fileUrl: (fileId) => `${publicBase}/files/${fileId}`,
    onError,
    ...(backend.cluster ? { cluster: { ...backend.cluster, ...options.core?.cluster } } : {}),
    ...(backend.rateLimitStore && !options.core?.rateLimitStore ? { rateLimitStore: backend.rateLimitStore } : {}),
    ...(backend.clock && !options.core?.clock ? { clock: backend.clock } : {}),
    // Sends read from every socket in one event-loop turn share one SQLite commit.
    scheduleCommit: options.core?.scheduleCommit ?? ((commit: () => void) => void setImmediate(commit)),
    authenticate: createHelloAuthenticator(authOptions),
    ...(webPush ? { webPush } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.recallWindowMs !== undefined ? { recallWindowMs: options.recallWindowMs } : {}),
    ...(options.recallEnabled !== undefined ? { recallEnabled: options.recallEnabled } : {}),
    ...(options.iceServers !== undefined ? { iceServers: options.iceServers } : {}),
  });
  const limits = core.limits;

  const fileApi = createFileApi({
    core,
    authenticate: createAuthenticator(authOptions),
    maxFileBytes: limits.maxFileBytes,
    logger,
  });
  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, headersTimeout);
  // Slow-drip bodies are cut by Node's own timers, checked this often; slow headers by
  // header-deadline.ts, which does not count the server's own busy time against the client.
  const connectionsCheckingInterval = Math.max(100, Math.min(1000, Math.floor(headersTimeout / 4)));
  // Set when shutdown begins: from then on /healthz says 503, so a load balancer stops sending here
  // while the node is still draining (its database still answers until the very end).
  let stopping = false;
  const unhealthy = (res: ServerResponse, body: Record<string, unknown>): void =>
    void res
      .writeHead(503, { 'Content-Type': 'application/json', ...(stopping ? { Connection: 'close' } : {}) })
      .end(JSON.stringify({ ok: false, node: backend.nodeId, ...body }));
  const server = createServer(
    { headersTimeout: requestTimeout, requestTimeout, connectionsCheckingInterval },
    (req: IncomingMessage, res: ServerResponse) => {
      if (fileApi(req, res)) return;
      if (req.url === '/healthz') {
        if (stopping) return unhealthy(res, { stopping: true });
        backend.check().then(
          () =>
            stopping
              ? unhealthy(res, { stopping: true })
              : res
                  .writeHead(200, { 'Content-Type': 'application/json' })
                  .end(JSON.stringify({ ok: true, node: backend.nodeId, connections: ws.connections })),
          (e: unknown) => unhealthy(res, { error: String(e) }),
        );
        return;
      }
      if (req.url === '/health') {
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ ok: true, connections: ws.connections }));
        return;
      }
      res
        .writeHead(404, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ code: 4040, message: 'not found' }));
    },
  );
  const detachHeaderDeadline = enforceHeaderDeadline(server, headersTimeout);
  const ws = attachWebSocketHost({
    server,
    connect: (peer) => core.connect(peer),
    // Frames up to maxFrameBytes reach the core, which answers oversized ones with 511; far
    // larger ones are cut by ws before being buffered.
    maxPayload: Math.max(limits.maxFrameBytes * 2, 1024 * 1024),
    maxBufferedBytes: options.maxBufferedBytes ?? 8 * 1024 * 1024,
    pingIntervalMs: options.pingIntervalMs ?? 30_000,
    maxConnections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    maxConnectionsPerAddress: options.maxConnectionsPerAddress ?? DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
    logger,
  });

  core.start();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    await core.close();
    await backend.close();
    throw e;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const httpUrl = `http://${host}:${address.port}`;
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  if (!publicBase) publicBase = wildcard ? `http://localhost:${address.port}` : httpUrl;
  logger.log('info', 'server.listening', {
    url: httpUrl,
    ws: `ws://${host}:${address.port}/ws`,
    db: options.db.replace(/\/\/[^@/]*@/, '//***@'),
    redis: options.redis,
    node: backend.nodeId,
    files: files.dir,
    dev,
    synchronous,
  });

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      stopping = true;
      logger.log('info', 'server.stopping', { connections: ws.connections });
      const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // The core says bye (5030) to every session and closes it (1001); then wait for the sockets.
      await core.close();
      await ws.close();
      // Uploads still in flight get a moment to finish before their sockets are cut.
      const cut = setTimeout(() => server.closeAllConnections(), 2000);
      await httpClosed;
      clearTimeout(cut);
      detachHeaderDeadline();
      await backend.close();
      logger.log('info', 'server.stopped', {});
    })();
    return closing;
  };

  return {
    url: `ws://${host}:${address.port}/ws`,
    httpUrl,
    port: address.port,
    host: address.address,
    core,
    storage,
    close,
  };
}
