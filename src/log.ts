import pino from 'pino';

/**
 * The service's one logger: pino, one JSON object per line on stdout, written asynchronously so a
 * request never waits for the terminal or a pipe. The only module that imports pino; everything
 * else logs through {@link Logger}.
 */

/** Levels `LOG_LEVEL` accepts, most severe first; `silent` writes nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The fields of a record besides its level, time and message. */
export type LogFields = Record<string, unknown>;

/** A level method: fields first, then the message (pino's call shape). */
export type LogMethod = (fields: LogFields, msg: string) => void;

/**
 * What the server, the app and the HTTP client-error handler log through. Records are
 * `{"level":"info","time":"<ISO 8601>",…fields,"msg":"…"}`.
 */
export interface Logger {
  readonly error: LogMethod;
  readonly warn: LogMethod;
  readonly info: LogMethod;
  readonly debug: LogMethod;
  /** Whether records of `level` are written: check before building a costly record. */
  isLevelEnabled(level: string): boolean;
  /** Writes out what is buffered, then calls `done` (call before the process exits). */
  flush(done?: (err?: Error) => void): void;
}

/** Where records go: anything with `write(line)` (tests pass an in-memory one). */
export interface LogDestination {
  write(line: string): unknown;
}

/** Bytes of log records gathered before one write to stdout. */
const LOG_BUFFER_BYTES = 4096;
/** Longest a record waits in that buffer, in milliseconds. */
const LOG_FLUSH_MS = 200;

/**
 * A logger at `level` writing to `destination` (default: stdout through an asynchronous
 * SonicBoom that gathers records into writes of 4 KB, or every 200 ms, whichever comes first,
 * and is flushed on exit: one write per record cost as much as the rest of a cached answer). Levels are written as their names and times as ISO 8601, as the
 * service's log lines always were; no pid or hostname.
 *
 * @example
 * const log = createLogger('info')
 * log.info({ url }, 'listening')
 */
export function createLogger(
  level: LogLevel,
  destination: LogDestination = pino.destination({
    dest: 1,
    sync: false,
    minLength: LOG_BUFFER_BYTES,
    periodicFlush: LOG_FLUSH_MS,
  }),
): Logger {
  return pino(
    {
      level,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
