import { type FSWatcher, watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { ConfigError, type Config, loadConfig } from './config.js';
import { buildModel, type CorpusModel, corpusStats, loadCorpus } from './core/index.js';
import { createApp } from './http/app.js';
import type { AppState, LogRecord } from './http/context.js';

/** Writes one JSON log line to stdout. */
export function jsonLog(record: LogRecord): void {
  process.stdout.write(
    `${JSON.stringify(record.time ? record : { time: new Date().toISOString(), ...record })}\n`,
  );
}

/** Loads the data folder and builds its model, logging what was skipped and why. */
async function loadModel(
  config: Config,
  log: (r: LogRecord) => void,
): Promise<{ model: CorpusModel; ms: number }> {
  const started = performance.now();
  const corpus = await loadCorpus(config.dataDir, { maxFileBytes: config.maxFileBytes });
  for (const s of corpus.skipped)
    log({ level: 'warn', msg: 'skipped file', file: s.file, reason: s.reason });
  if (corpus.message)
    log({ level: 'warn', msg: `empty corpus: ${corpus.message}`, dataDir: config.dataDir });
  const model = buildModel(corpus);
  return { model, ms: Math.round(performance.now() - started) };
}

/**
 * Whether a freshly loaded model answers exactly like the served one: same fingerprint (the
 * served files), same skipped files with the same reasons, in order, and the same empty-corpus
 * message. Anything less would leave `/v1/documents` (and its ETag) stale, e.g. after one
 * unreadable file is swapped for another.
 */
export function sameCorpus(a: CorpusModel, b: CorpusModel): boolean {
  return (
    a.fingerprint === b.fingerprint &&
    a.message === b.message &&
    a.skipped.length === b.skipped.length &&
    a.skipped.every((s, i) => s.file === b.skipped[i]!.file && s.reason === b.skipped[i]!.reason)
  );
}

/** A running service: its URL, its live state, and how to stop it. */
export interface RunningServer {
  readonly url: string;
  readonly state: AppState;
  /** Stops watching, stops accepting connections, and resolves once open requests finished. */
  close(): Promise<void>;
  /** Reloads the corpus now (the watcher calls this, debounced). */
  reload(): Promise<void>;
}

/** Debounce of the data-folder watcher: a burst of writes gives one reload. */
export const RELOAD_DEBOUNCE_MS = 200;

/**
 * Watches a folder recursively and calls `onChange` (debounced). When the folder is missing
 * or the watch fails (the folder was removed), polls for it every second and resumes.
 */
function watchFolder(dir: string, onChange: () => void, log: (r: LogRecord) => void): () => void {
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let poll: NodeJS.Timeout | undefined;
  let closed = false;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, RELOAD_DEBOUNCE_MS);
  };
  const start = () => {
    if (closed) return;
    try {
      watcher = watch(dir, { recursive: true }, changed);
      watcher.on('error', (err) => {
        log({
          level: 'warn',
          msg: 'data folder watch failed; polling for it',
          dataDir: dir,
          error: String(err),
        });
        watcher?.close();
        watcher = undefined;
        changed();
        startPolling();
      });
    } catch {
      startPolling();
    }
  };
  const startPolling = () => {
    if (closed || poll) return;
    poll = setInterval(() => {
      stat(dir).then(
        (st) => {
          if (!st.isDirectory() || closed) return;
          clearInterval(poll);
          poll = undefined;
          start();
          changed();
        },
        () => undefined,
      );
    }, 1000);
    poll.unref();
  };
  start();
  return () => {
    closed = true;
    clearTimeout(timer);
    clearInterval(poll);
    watcher?.close();
  };
}

/**
 * Loads the corpus, serves it, and reloads it when the data folder changes.
 *
 * @example
 * const server = await startServer(loadConfig(), jsonLog)
 * console.log(server.url)
 */
export async function startServer(
  config: Config,
  log: (r: LogRecord) => void = jsonLog,
): Promise<RunningServer> {
  log({ level: 'info', msg: 'loading corpus', dataDir: path.resolve(config.dataDir) });
  const first = await loadModel(config, log);
  log({ level: 'info', msg: 'corpus loaded', ...corpusStats(first.model), ms: first.ms });
  const state: AppState = { model: first.model, loadedAt: new Date() };

  const app = createApp(state, {
    corsOrigin: config.corsOrigin,
    maxBodyBytes: config.maxBodyBytes,
    maxDocuments: config.maxDocuments,
    log,
    logRequests: config.log === 'json',
  });

  let reloading: Promise<void> | undefined;
  let again = false;
  const reloadOnce = async () => {
    try {
      const { model, ms } = await loadModel(config, log);
      if (sameCorpus(model, state.model)) {
        log({ level: 'info', msg: 'corpus unchanged', corpus: model.fingerprint, ms });
        return;
      }
      const previous = state.model.fingerprint;
      state.model = model;
      state.loadedAt = new Date();
      log({ level: 'info', msg: 'corpus reloaded', ...corpusStats(model), previous, ms });
    } catch (err) {
      log({
        level: 'error',
        msg: 'reload failed; still serving the previous corpus',
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      });
    }
  };
  const reload = (): Promise<void> => {
    if (reloading) {
      again = true;
      return reloading;
    }
    reloading = (async () => {
      do {
        again = false;
        await reloadOnce();
      } while (again);
      reloading = undefined;
    })();
    return reloading;
  };

  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(s as Server),
    ) as Server;
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  log({ level: 'info', msg: 'listening', url, port, docs: `${url}/docs` });

  const stopWatching = watchFolder(config.dataDir, () => void reload(), log);

  return {
    url,
    state,
    reload,
    close: () =>
      new Promise<void>((resolve) => {
        stopWatching();
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/** `npm start`: configuration from the environment, graceful shutdown on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`citesum: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  let running: RunningServer;
  try {
    running = await startServer(config, jsonLog);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    process.stderr.write(
      `citesum: cannot start: ${e.code === 'EADDRINUSE' ? `port ${config.port} on ${config.host} is already in use (set PORT)` : (e.message ?? String(err))}\n`,
    );
    process.exit(1);
  }
  process.on('unhandledRejection', (reason) =>
    jsonLog({ level: 'error', msg: 'unhandled rejection', error: String(reason) }),
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    jsonLog({ level: 'info', msg: 'shutting down', signal });
    setTimeout(() => {
      jsonLog({ level: 'warn', msg: 'open connections did not finish in 10 s; exiting' });
      process.exit(1);
    }, 10_000).unref();
    running.close().then(() => {
      jsonLog({ level: 'info', msg: 'stopped' });
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
