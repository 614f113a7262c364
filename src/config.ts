import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { z } from 'zod';
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_DOCUMENTS,
  DEFAULT_MAX_FILE_BYTES,
} from './core/limits.js';
import { LOG_LEVELS, type LogLevel } from './log.js';
import { defaultIndexDir, isInside } from './store/index-dir.js';

/** Default worker threads: one per core but one (the event loop's), at least one, at most four. */
export const DEFAULT_WORKERS = Math.max(1, Math.min(4, os.availableParallelism() - 1));
/** Default queue of the worker pool: a burst of 100 concurrent requests waits rather than fails. */
export const DEFAULT_MAX_QUEUE = 128;

/**
 * Default of `SHUTDOWN_TIMEOUT_MS`: how long a SIGTERM waits for requests in flight. Under the
 * 30 s an orchestrator (Kubernetes' `terminationGracePeriodSeconds`, systemd's `TimeoutStopSec`
 * is 90 s) grants before it kills the process, so the service, not the orchestrator, decides.
 */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * Shortest API key accepted: 16 characters of a random base64 key are 96 bits, beyond guessing
 * over HTTP. `openssl rand -base64 32` gives 44.
 */
export const MIN_API_KEY_CHARS = 16;

/** Environment variables whose values are secrets: never echoed, not even in an error. */
const SECRET_VARS: ReadonlySet<string> = new Set(['API_KEY']);

/**
 * A secret value (the API key) that does not leak by accident: JSON, string conversion and
 * `util.inspect` (what a logger or `console.log` would print) all say `[redacted]`; only
 * {@link Secret.reveal} gives the value.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  /** The value itself: for the one comparison that needs it. */
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[redacted]';
  }
  toJSON(): string {
    return '[redacted]';
  }
  [inspect.custom](): string {
    return '[redacted]';
  }
}

/**
 * An API key: at least {@link MIN_API_KEY_CHARS} characters of RFC 6750's `b64token` (letters,
 * digits, `-._~+/`, then `=` padding), so it travels unchanged in `Authorization: Bearer …`.
 */
const ApiKeySchema = z
  .string()
  .min(MIN_API_KEY_CHARS, {
    message: `must be at least ${MIN_API_KEY_CHARS} characters (generate one with \`openssl rand -base64 32\`)`,
  })
  .regex(/^[A-Za-z0-9\-._~+/]+=*$/, {
    message:
      'may hold only letters, digits and -._~+/ (then = padding), as a bearer token must (generate one with `openssl rand -base64 32`)',
  });

/** True when `host` only ever accepts connections from this machine (loopback addresses, `localhost`). */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const version = isIP(h);
  if (version === 4) return h.startsWith('127.');
  if (version === 6) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

/** A whole number from an environment string, with a clear message when it is not one. */
function intVar(min: number, max: number, fallback: number) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, { message: `must be a whole number between ${min} and ${max}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { message: `must be at least ${min}` })
        .max(max, { message: `must be at most ${max}` }),
    )
    .default(fallback);
}

const OriginSchema = z.string().refine(
  (s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === s;
    } catch {
      return false;
    }
  },
  {
    message:
      'each origin must look like https://example.org (scheme, host and optional port, no path or trailing slash)',
  },
);

/** Environment variables the service reads, with their defaults. */
export const EnvSchema = z.object({
  PORT: intVar(0, 65535, 3000),
  HOST: z.string().trim().min(1, { message: 'must not be empty' }).default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1, { message: 'must not be empty' }).default('data'),
  MAX_FILE_BYTES: intVar(1, 2 ** 31 - 1, DEFAULT_MAX_FILE_BYTES),
  MAX_BODY_BYTES: intVar(1, 2 ** 31 - 1, DEFAULT_MAX_BODY_BYTES),
  MAX_DOCUMENTS: intVar(1, 1_000_000, DEFAULT_MAX_DOCUMENTS),
  INDEX_DIR: z.string().trim().min(1, { message: 'must not be empty' }).optional(),
  WORKERS: intVar(1, 64, DEFAULT_WORKERS),
  MAX_QUEUE: intVar(0, 100_000, DEFAULT_MAX_QUEUE),
  CORS_ORIGIN: z
    .string()
    .trim()
    .default('*')
    .transform((s, ctx): '*' | string[] => {
      if (s === '*') return '*';
      if (s === '' || s === 'none') return [];
      const list = s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
      for (const o of list) {
        const r = OriginSchema.safeParse(o);
        if (!r.success)
          ctx.addIssue({
            code: 'custom',
            message: `${JSON.stringify(o)}: ${r.error.issues[0]!.message}`,
          });
      }
      return list;
    }),
  API_KEY: ApiKeySchema.optional(),
  API_KEY_FILE: z.string().trim().min(1, { message: 'must not be empty' }).optional(),
  SHUTDOWN_TIMEOUT_MS: intVar(0, 3_600_000, DEFAULT_SHUTDOWN_TIMEOUT_MS),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  /** Deprecated: `off` is the old spelling of `LOG_LEVEL=silent`, `json` of the default. */
  LOG: z
    .enum(['json', 'off'], { message: 'must be "json" or "off" (deprecated: use LOG_LEVEL)' })
    .optional(),
});

/** The validated configuration. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly maxFileBytes: number;
  readonly maxBodyBytes: number;
  readonly maxDocuments: number;
  /** Where the persisted index lives (default: a hidden folder beside the data folder). */
  readonly indexDir: string;
  /** Worker threads computing summaries (each holds a copy of the served model). */
  readonly workers: number;
  /** Requests that may wait for a worker; beyond them the answer is 503 with Retry-After. */
  readonly maxQueue: number;
  /** `*`, a list of allowed origins, or `[]` for no CORS. */
  readonly corsOrigin: '*' | readonly string[];
  /** `LOG_LEVEL` (default `info`); the deprecated `LOG=off` means `silent` unless `LOG_LEVEL` is set. */
  readonly logLevel: LogLevel;
  /**
   * The API key (`API_KEY`, or the content of `API_KEY_FILE`): when set, every route but
   * `/healthz` and `/readyz` wants `Authorization: Bearer <key>`. Absent: no authentication.
   */
  readonly apiKey?: Secret;
  /** Where the key came from, for the start-up log (never the key itself). */
  readonly apiKeySource?: 'API_KEY' | 'API_KEY_FILE';
  /** How long a SIGTERM waits for requests in flight before it closes their connections. */
  readonly shutdownTimeoutMs: number;
}

/** Thrown by {@link loadConfig} with one line per bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads and validates the configuration from environment variables. Empty variables count as
 * unset. Throws a {@link ConfigError} naming every bad variable and what it must be.
 *
 * @example
 * loadConfig({ PORT: '8080' }).port // 8080
 * loadConfig({ PORT: 'abc' }) // throws: PORT="abc": must be a whole number between 0 and 65535
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  const r = EnvSchema.safeParse(raw);
  if (!r.success) {
    const lines = r.error.issues.map((i) => {
      const key = String(i.path[0] ?? '');
      const value = raw[key] ?? '';
      const shown = SECRET_VARS.has(key)
        ? `<${value.length} characters, not shown>`
        : JSON.stringify(value);
      return `  ${key}=${shown}: ${i.message}`;
    });
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = r.data;
  const apiKey = readApiKey(e.API_KEY, e.API_KEY_FILE);
  const indexDir = e.INDEX_DIR ?? defaultIndexDir(e.DATA_DIR);
  if (isInside(indexDir, e.DATA_DIR))
    throw new ConfigError(
      `invalid configuration:\n  INDEX_DIR=${JSON.stringify(indexDir)}: must not be inside DATA_DIR (${path.resolve(e.DATA_DIR)}), which may be read-only and is watched for changes`,
    );
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    maxFileBytes: e.MAX_FILE_BYTES,
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxDocuments: e.MAX_DOCUMENTS,
    indexDir,
    workers: e.WORKERS,
    maxQueue: e.MAX_QUEUE,
    corsOrigin: e.CORS_ORIGIN,
    logLevel: e.LOG_LEVEL ?? (e.LOG === 'off' ? 'silent' : 'info'),
    ...(apiKey
      ? { apiKey: new Secret(apiKey), apiKeySource: e.API_KEY ? 'API_KEY' : 'API_KEY_FILE' }
      : {}),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}

/**
 * The API key from `API_KEY`, or read from `API_KEY_FILE` (a mounted secret: its content, without
 * the trailing line break), validated like `API_KEY`; `undefined` when neither is set.
 */
function readApiKey(key: string | undefined, file: string | undefined): string | undefined {
  const bad = (line: string) => new ConfigError(`invalid configuration:\n  ${line}`);
  if (key !== undefined && file !== undefined)
    throw bad(`API_KEY_FILE=${JSON.stringify(file)}: set API_KEY or API_KEY_FILE, not both`);
  if (file === undefined) return key;
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw bad(`API_KEY_FILE=${JSON.stringify(file)}: cannot be read (${code})`);
  }
  const value = content.replace(/\r?\n$/, '');
  const r = ApiKeySchema.safeParse(value);
  if (!r.success)
    throw bad(
      `API_KEY_FILE=${JSON.stringify(file)}: its content (${value.length} characters, not shown) ${r.error.issues[0]!.message}`,
    );
  return value;
}

/**
 * The configuration of a command (`npm start`, `npm run index`): {@link loadConfig}, or the
 * reason on stderr and exit status 1 when a variable is bad.
 */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`citesum: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
