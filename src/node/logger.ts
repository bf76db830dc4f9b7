// Owns the Node host's structured logs: one JSON object per line per event,
// written to a caller-supplied sink or to stderr.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
}

/** A logger that writes `{"ts":…,"level":…,"event":…,…}` lines to `write` (default stderr). */
export function createJsonLogger(options: { write?: (line: string) => void; level?: LogLevel } = {}): Logger {
  const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
  const min = order[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  return {
    log(level, event, fields) {
      if (order[level] < min) return;
      const entry: Record<string, unknown> = { ts: new Date().toISOString(), level, event, ...fields };
      if (fields?.['error'] instanceof Error) {
        const e = fields['error'];
        entry['error'] = { name: e.name, message: e.message, code: (e as { code?: unknown }).code };
      }
      write(`${JSON.stringify(entry)}\n`);
    },
  };
}

/** A logger that drops everything (tests that don't look at logs). */
export const silentLogger: Logger = { log() {} };
