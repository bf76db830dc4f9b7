// Owns the `natter` command line: `natter serve` (the Node host),
// `natter token <user>` (mint a signed token) and `natter migrate-db` (SQLite
// to PostgreSQL), with --help for each.
import { pathToFileURL } from 'node:url';
import { createWordFilter } from '../server/word-filter';
import { optionText, parseCommandLine } from './cli-args';
import { intOption, jwtOptions, parseQuota, parseRateLimit, webPushOptions, wordList } from './cli-options';
import { MIN_SECRET_BYTES } from './jwt-auth';
import { createToken } from './token';
import { startServer } from './serve';
import { iceServersFor, parseIceServers } from './ice-servers';
import { isPostgresUrl } from './cluster-backend';
import { SERVER_VERSION } from './version';
import { HELP } from './cli-help';
import { generateVapidKeys } from './push-sender';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  /** Called once the server is up, with a function that stops it (tests and signal handlers). */
  onServer?(stop: () => Promise<void>): void;
}

const defaultIo: CliIo = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  env: process.env,
};

/** Runs the CLI; resolves with the exit code (serve resolves once listening, with 0). */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '-v' || command === '--version' || command === 'version') {
    io.out(`${SERVER_VERSION}\n`);
    return 0;
  }
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    io.out(HELP);
    return command ? 0 : 1;
  }
  try {
    if (command === 'serve') return await serve(rest, io);
    if (command === 'token') return token(rest, io);
    if (command === 'migrate-db') return await migrateDb(rest, io);
    if (command === 'vapid-keys') return vapidKeys(io);
  } catch (e) {
    io.err(`natter: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  io.err(`natter: unknown command "${command}"\n\n${HELP}`);
  return 2;
}

function token(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandLine({
    args,
    allowPositionals: true,
    options: { ttl: { type: 'string' }, secret: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const user = positionals[0];
  if (!user || positionals.length > 1) throw new Error('usage: natter token <user> [--ttl 3600] [--secret s]');
  const secret = values.secret ?? io.env['NATTER_SECRET'];
  if (!secret) throw new Error('a secret is required: --secret or NATTER_SECRET');
  // A short HMAC secret can be brute-forced offline from any one token.
  if (Buffer.byteLength(secret) < MIN_SECRET_BYTES)
    throw new Error(`the secret must be at least ${MIN_SECRET_BYTES} bytes (e.g. \`openssl rand -base64 32\`)`);
  io.out(`${createToken(user, { secret, ttlSeconds: intOption(values.ttl, 'ttl') ?? 3600 })}\n`);
  return 0;
}

function vapidKeys(io: CliIo): number {
  const { publicKey, privateKey } = generateVapidKeys();
  io.out(`${optionText('vapid-public-key', publicKey)}\n${optionText('vapid-private-key', privateKey)}\n`);
  return 0;
}

async function migrateDb(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine({
    args,
    options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  if (!values.from || !values.to || !isPostgresUrl(values.to))
    throw new Error('usage: natter migrate-db --from <file.sqlite> --to <postgres://…>');
  // Loaded for this command only: the PostgreSQL driver is no part of the other commands' start-up.
  const { migrateSqliteToPostgres } = await import('./migrate-db');
  const report = await migrateSqliteToPostgres(values.from, values.to);
  io.out(`migrated ${JSON.stringify(report)}\n`);
  return 0;
}

async function serve(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine({
    args,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      redis: { type: 'string' },
      'node-lease': { type: 'string' },
      files: { type: 'string' },
      secret: { type: 'string' },
      dev: { type: 'boolean' },
      synchronous: { type: 'string' },
      'recall-window': { type: 'string' },
      'edit-window': { type: 'string' },
      'delete-window': { type: 'string' },
      'event-max-age': { type: 'string' },
      'max-file-bytes': { type: 'string' },
      'ping-interval': { type: 'string' },
      'public-url': { type: 'string' },
      'rate-limit': { type: 'string' },
      'max-connections': { type: 'string' },
      'max-connections-per-ip': { type: 'string' },
      'hello-timeout': { type: 'string' },
      'headers-timeout': { type: 'string' },
      'request-timeout': { type: 'string' },
      'upload-rate': { type: 'string' },
      'upload-quota': { type: 'string' },
      'reject-words': { type: 'string' },
      'intercept-words': { type: 'string' },
      'jwt-secret': { type: 'string' },
      'jwt-jwks': { type: 'string' },
      'jwt-issuer': { type: 'string' },
      'jwt-audience': { type: 'string' },
      'jwt-clock-skew': { type: 'string' },
      'jwt-user-claim': { type: 'string' },
      'jwt-algorithms': { type: 'string' },
      'ice-servers': { type: 'string' },
      'turn-secret': { type: 'string' },
      'turn-ttl': { type: 'string' },
      'vapid-public-key': { type: 'string' },
      'vapid-private-key': { type: 'string' },
      'vapid-subject': { type: 'string' },
      'push-text': { type: 'boolean' },
      'push-allow-loopback-http': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length > 0) {
    io.out(HELP);
    return values.help ? 0 : 2;
  }
  const sync = (values.synchronous ?? 'normal').toLowerCase();
  if (sync !== 'normal' && sync !== 'full')
    throw new Error(`--synchronous must be normal or full, got ${values.synchronous}`);
  const maxFileBytes = intOption(values['max-file-bytes'], 'max-file-bytes');
  const recallWindowMs = intOption(values['recall-window'], 'recall-window');
  const pingIntervalMs = intOption(values['ping-interval'], 'ping-interval');
  const editWindowMs = intOption(values['edit-window'], 'edit-window');
  const deleteWindowMs = intOption(values['delete-window'], 'delete-window');
  const limits = {
    ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
    ...(editWindowMs !== undefined ? { editWindowMs } : {}),
    ...(deleteWindowMs !== undefined ? { deleteWindowMs } : {}),
  };
  const eventMaxAgeMs = intOption(values['event-max-age'], 'event-max-age');
  const secret = values.secret ?? io.env['NATTER_SECRET'];
  const rateLimit = parseRateLimit(values['rate-limit']);
  const uploadRateLimit = parseRateLimit(values['upload-rate']);
  const uploadQuota = parseQuota(values['upload-quota']);
  const helloTimeoutMs = intOption(values['hello-timeout'], 'hello-timeout');
  const maxConnections = intOption(values['max-connections'], 'max-connections');
  const maxConnectionsPerAddress = intOption(values['max-connections-per-ip'], 'max-connections-per-ip');
  const headersTimeoutMs = intOption(values['headers-timeout'], 'headers-timeout');
  const requestTimeoutMs = intOption(values['request-timeout'], 'request-timeout');
  const nodeLeaseMs = intOption(values['node-lease'], 'node-lease');
  const reject = wordList(values['reject-words'], 'reject-words');
  const intercept = wordList(values['intercept-words'], 'intercept-words');
  const moderate =
    reject || intercept
      ? createWordFilter({ ...(reject ? { reject } : {}), ...(intercept ? { intercept } : {}) })
      : undefined;
  const jwt = jwtOptions(values, io.env);
  const webPush = webPushOptions(values, io.env);
  const turnSecret = values['turn-secret'] ?? io.env['NATTER_TURN_SECRET'];
  const turnTtlSeconds = intOption(values['turn-ttl'], 'turn-ttl');
  if (turnSecret && !values['ice-servers'])
    throw new Error('--turn-secret needs --ice-servers with at least one turn: URL');
  const iceServers = values['ice-servers']
    ? iceServersFor({
        servers: parseIceServers(values['ice-servers']),
        ...(turnSecret ? { turnSecret } : {}),
        ...(turnTtlSeconds !== undefined ? { turnTtlSeconds } : {}),
      })
    : undefined;
  const server = await startServer({
    port: intOption(values.port, 'port') ?? 8080,
    host: values.host ?? '127.0.0.1',
    db: values.db ?? io.env['NATTER_DB'] ?? './natter.sqlite',
    ...((values.redis ?? io.env['NATTER_REDIS']) ? { redis: (values.redis ?? io.env['NATTER_REDIS'])! } : {}),
    ...(nodeLeaseMs !== undefined ? { nodeLeaseMs } : {}),
    files: values.files ?? './files',
    dev: values.dev ?? false,
    synchronous: sync === 'full' ? 'FULL' : 'NORMAL',
    ...(secret ? { secret } : {}),
    ...(Object.keys(limits).length > 0 ? { limits } : {}),
    ...(recallWindowMs !== undefined ? { recallWindowMs } : {}),
    ...(pingIntervalMs !== undefined ? { pingIntervalMs } : {}),
    ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
    ...(iceServers !== undefined ? { iceServers } : {}),
    ...(jwt ? { jwt } : {}),
    ...(webPush ? { webPush } : {}),
    ...(maxConnections !== undefined ? { maxConnections } : {}),
    ...(maxConnectionsPerAddress !== undefined ? { maxConnectionsPerAddress } : {}),
    ...(headersTimeoutMs !== undefined ? { headersTimeoutMs } : {}),
    ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
    core: {
      ...(rateLimit !== undefined ? { rateLimit } : {}),
      ...(eventMaxAgeMs !== undefined ? { eventMaxAgeMs } : {}),
      ...(uploadRateLimit !== undefined ? { uploadRateLimit } : {}),
      ...(uploadQuota !== undefined ? { uploadQuota } : {}),
      ...(helloTimeoutMs !== undefined ? { helloTimeoutMs } : {}),
      ...(moderate ? { moderate } : {}),
    },
  });
  io.out(
    `natter listening on ${server.httpUrl} (WebSocket ${server.url})${values.dev ? ' [dev mode: no tokens required]' : ''}\n`,
  );
  if (io.onServer) io.onServer(() => server.close());
  else {
    const stop = (signal: string): void => {
      io.err(`natter: ${signal}, shutting down\n`);
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  }
  return 0;
}

// Run when executed directly (`node --import tsx src/node/cli.ts …` or the built bin).
const invokedPath = process.argv[1];
if (invokedPath && import.meta.url === pathToFileURL(invokedPath).href) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      if (code !== 0) process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`natter: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
