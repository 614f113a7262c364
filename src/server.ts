import { type FSWatcher, watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { type Config, loadConfigOrExit } from './config.js';
import { HEADERS_TIMEOUT_MS, MAX_HEADER_BYTES, REQUEST_TIMEOUT_MS } from './core/limits.js';
import type { CorpusView } from './core/model.js';
import { corpusStats } from './core/queries/stats.js';
import type { AppState } from './http/context.js';
import { createLogger, type Logger } from './log.js';
import { ModelPublisher } from './workers/publisher.js';

/**
 * Whether a freshly loaded model answers exactly like the served one: same fingerprint (the
 * served files), same skipped files with the same reasons, in order, and the same empty-corpus
 * message. Anything less would leave `/v1/documents` (and its ETag) stale, e.g. after one
 * unreadable file is swapped for another.
 */
export function sameCorpus(a: CorpusView, b: CorpusView): boolean {
  return (
    a.fingerprint === b.fingerprint &&
    a.message === b.message &&
    a.skipped.length === b.skipped.length &&
    a.skipped.every((s, i) => s.file === b.skipped[i]!.file && s.reason === b.skipped[i]!.reason)
  );
}

/** Files of prose named in a warning (the documents list flags every one). */
const SILENT_LOSS_NAMED = 10;

/**
 * Warns when files of prose yield no content sentence: nothing of them reaches a summary, so the
 * user hears of it (`noContent` in `GET /v1/documents` says why for each).
 */
function warnProseWithoutContent(log: Logger, view: CorpusView): void {
  const files = view.documents.filter((d) => d.noContent).map((d) => d.file);
  if (files.length === 0) return;
  log.warn(
    { count: files.length, files: files.slice(0, SILENT_LOSS_NAMED) },
    'files of prose yield no content sentence (see noContent in GET /v1/documents)',
  );
}

/** A running service: its URL, its live state, and how to stop it. */
export interface RunningServer {
  readonly url: string;
  readonly state: AppState;
  /** The worker threads: the builder and the compute pool. */
  readonly workers: ModelPublisher;
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
function watchFolder(dir: string, onChange: () => void, log: Logger): () => void {
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
        log.warn({ dataDir: dir, error: String(err) }, 'data folder watch failed; polling for it');
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
 * const server = await startServer(loadConfig(), createLogger('info'))
 * console.log(server.url)
 */
export async function startServer(
  config: Config,
  log: Logger = createLogger(config.logLevel),
): Promise<RunningServer> {
  log.info(
    {
      dataDir: path.resolve(config.dataDir),
      indexDir: path.resolve(config.indexDir),
      workers: config.workers,
      maxQueue: config.maxQueue,
    },
    'loading corpus',
  );
  const workers = new ModelPublisher(config, log);
  // The builder starts on the folder at once; the HTTP stack loads meanwhile (the main thread
  // imports only what it needs to publish a model before that).
  const opening = workers.open();
  const http = Promise.all([import('./http/app.js'), import('./http/client-error.js')]);
  let state: AppState;
  try {
    const first = await opening;
    state = { model: first.view, loadedAt: new Date() };
    workers.commit(first);
    log.info({ ...corpusStats(first.view), ...first.facts }, 'corpus loaded');
    warnProseWithoutContent(log, first.view);
  } catch (err) {
    await workers.close();
    throw err;
  }
  workers.warm();

  const [{ createApp }, { answerClientErrors }] = await http;
  const app = createApp(state, {
    corsOrigin: config.corsOrigin,
    maxBodyBytes: config.maxBodyBytes,
    maxDocuments: config.maxDocuments,
    compute: workers.compute,
    log,
  });

  let reloading: Promise<void> | undefined;
  let again = false;
  /** Whether the served stories are provisional (an incremental reload not yet settled). */
  let provisional = false;
  /**
   * Publishes the folder's new state, then (unless another change is already waiting) settles
   * its stories: clustering runs in the builder and its result is swapped in the same way.
   */
  const reloadOnce = async () => {
    try {
      const next = await workers.reload();
      if (next) {
        const previous = state.model.fingerprint;
        // The one swap: the new view, its workers' copies already loaded.
        state.model = next.view;
        state.loadedAt = new Date();
        workers.commit(next);
        provisional = !next.facts.exact;
        log.info({ ...corpusStats(next.view), previous, ...next.facts }, 'corpus reloaded');
        warnProseWithoutContent(log, next.view);
      } else log.info({ corpus: state.model.fingerprint }, 'corpus unchanged');
      if (!provisional || again) return;
      // Swapped in even when another change is waiting: it is exact for the state it was built
      // from, and the builder continues from it.
      const settled = await workers.settle();
      if (!settled) return;
      state.model = settled.view;
      state.loadedAt = new Date();
      workers.commit(settled);
      provisional = false;
      log.info({ ...corpusStats(settled.view), ...settled.facts }, 'stories settled');
    } catch (err) {
      log.error(
        { error: err instanceof Error ? (err.stack ?? err.message) : String(err) },
        'reload failed; still serving the previous corpus',
      );
    }
  };
  /** Reloads now, or once more after the reload under way (changes during it are not lost). */
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
    const s = serve(
      {
        fetch: app.fetch,
        port: config.port,
        hostname: config.host,
        serverOptions: {
          maxHeaderSize: MAX_HEADER_BYTES,
          headersTimeout: HEADERS_TIMEOUT_MS,
          requestTimeout: REQUEST_TIMEOUT_MS,
        },
      },
      () => resolve(s as Server),
    ) as Server;
    // Before the event loop runs, so no connection is accepted without it.
    answerClientErrors(s, { log, corsOrigin: config.corsOrigin });
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  log.info({ url, port, docs: `${url}/docs` }, 'listening');

  const stopWatching = watchFolder(config.dataDir, () => void reload(), log);

  return {
    url,
    state,
    workers,
    reload,
    close: async () => {
      stopWatching();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await reloading;
      await workers.close();
    },
  };
}

/** `npm start`: configuration from the environment, graceful shutdown on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger(config.logLevel);
  /** Exits once the log records still buffered are written. */
  const exit = (code: number) => log.flush(() => process.exit(code));
  let running: RunningServer;
  try {
    running = await startServer(config, log);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    process.stderr.write(
      `citesum: cannot start: ${e.code === 'EADDRINUSE' ? `port ${config.port} on ${config.host} is already in use (set PORT)` : (e.message ?? String(err))}\n`,
    );
    return exit(1);
  }
  process.on('unhandledRejection', (reason) =>
    log.error({ error: String(reason) }, 'unhandled rejection'),
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.warn({}, 'open connections did not finish in 10 s; exiting');
      exit(1);
    }, 10_000).unref();
    running.close().then(() => {
      log.info({}, 'stopped');
      exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
