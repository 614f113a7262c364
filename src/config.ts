import os from 'node:os';
import path from 'node:path';
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
      return `  ${key}=${JSON.stringify(raw[key] ?? '')}: ${i.message}`;
    });
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = r.data;
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
  };
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
