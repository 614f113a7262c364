import path from 'node:path';
import { type Config, isLoopbackHost } from './config.js';
import type { CorpusView } from './core/model.js';
import { corpusStats } from './core/queries/stats.js';
import { bootHandler } from './http/boot.js';
import { Readiness, ServedState } from './http/readiness.js';
import { listen } from './listener.js';
import { createLogger, type Logger } from './log.js';
import type { BuildKind, Metrics } from './metrics.js';
import { watchFolder } from './watch-folder.js';
import { COMPILED } from './workers/worker-entry.js';
import type { ModelPublisher, ReadyModel } from './workers/publisher.js';

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
  readonly state: ServedState;
  readonly readiness: Readiness;
  /** The worker threads: the builder and the compute pool. */
  readonly workers: ModelPublisher;
  /** Settles once the first corpus is served; rejects when it could not be loaded. */
  readonly served: Promise<void>;
  /** Settles once the service is ready (`/readyz` 200): the compute workers hold the model too. */
  readonly ready: Promise<void>;
  /** Requests being answered now. */
  readonly inFlight: number;
  /**
   * Begins a shutdown: `/readyz` answers 503, no connection is accepted, every answer closes its
   * connection, idle ones are closed. Resolves `true` once the requests in flight finished, or
   * `false` after `timeoutMs` with their connections closed. Stops watching the folder.
   */
  drain(timeoutMs?: number): Promise<boolean>;
  /** {@link drain} without a time limit, then stops the worker threads. */
  close(): Promise<void>;
  /** Reloads the corpus now (the watcher calls this, debounced). */
  reload(): Promise<void>;
}

/** Options of {@link startServer}. */
export interface StartOptions {
  /** Phases of the start measured before {@link startServer} (ms), for the start-up log lines. */
  readonly phases?: Readonly<Record<string, number>>;
  /** Also export the process and Node.js runtime metrics (the service does; tests need not). */
  readonly runtimeMetrics?: boolean;
}

const since = (t: number) => Math.round(performance.now() - t);

/**
 * Starts the service: the worker threads first (the builder opens the corpus at once), then the
 * port, answering `/healthz` within milliseconds while the HTTP app loads, then the app, the
 * first corpus and the workers' copies of it, each as soon as it is there. Resolves once
 * listening; `served` and `ready` say when the rest is done. Reloads when the folder changes.
 *
 * @example
 * const server = await startServer(loadConfig(), createLogger('info'))
 * await server.ready
 */
export async function startServer(
  config: Config,
  log: Logger = createLogger(config.logLevel),
  options: StartOptions = {},
): Promise<RunningServer> {
  const began = performance.now();
  const startup: Record<string, number> = { ...options.phases };
  const readiness = new Readiness('starting');
  const state = new ServedState();
  let generation = 0;
  let appLoaded = false;
  let held = false;
  /** Moves readiness forward from what is done (the steps finish in any order). */
  const update = () =>
    readiness.set(
      !appLoaded ? 'starting' : !state.served ? 'loading' : !held ? 'workers' : 'ready',
    );

  // The port answers /healthz first (the listener and its boot handler import next to nothing);
  // then the publisher, which imports the core (~0.4 s of module loading on this thread), starts
  // the threads (below): they load the pipeline on the other cores while this one loads the app.
  let metrics: Metrics | undefined;
  let t = performance.now();
  const listener = await listen(
    config,
    bootHandler({ readiness, corsOrigin: config.corsOrigin, log }),
    { log, onRefused: (status) => metrics?.clientError(status) },
  );
  startup.listen = since(t);
  const { url, port } = listener;
  log.info(
    {
      url,
      port,
      docs: `${url}/docs`,
      dataDir: path.resolve(config.dataDir),
      indexDir: path.resolve(config.indexDir),
      workers: config.workers,
      maxQueue: config.maxQueue,
      auth: config.apiKeySource ?? 'none',
      compiled: COMPILED,
      startup,
      startMs: Math.round(performance.now()),
    },
    'listening',
  );
  if (!config.apiKey && !isLoopbackHost(config.host))
    log.warn(
      { host: config.host },
      'listening beyond this machine without an API key: whoever reaches the port reads the corpus; set API_KEY or API_KEY_FILE',
    );

  t = performance.now();
  let workers: ModelPublisher;
  let opening: Promise<ReadyModel>;
  try {
    const { ModelPublisher: Publisher } = await import('./workers/publisher.js');
    workers = new Publisher(config, log);
    opening = workers.open();
  } catch (err) {
    await listener.drain(0);
    throw err;
  }
  startup.threads = since(t);

  // The HTTP app: its import (routes, schemas, the core) is most of a start's main-thread work.
  t = performance.now();
  const app = (async () => {
    const [{ createApp }, { Metrics }] = await Promise.all([
      import('./http/app.js'),
      import('./metrics.js'),
    ]);
    metrics = new Metrics({ runtime: options.runtimeMetrics ?? false });
    metrics.watch({
      corpus: () => {
        const model = state.served;
        return model ? { ...corpusStats(model), generation, loadedAt: state.loadedAt } : undefined;
      },
      queue: () => ({ depth: workers.compute.queued, capacity: config.maxQueue }),
      threads: () => workers.threads(),
      ready: () => readiness.ready,
    });
    const created = createApp(state, {
      corsOrigin: config.corsOrigin,
      maxBodyBytes: config.maxBodyBytes,
      maxDocuments: config.maxDocuments,
      compute: workers.compute,
      log,
      metrics,
      readiness,
      ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    });
    listener.use((req, env) => created.fetch(req, env));
    startup.app = since(t);
    appLoaded = true;
    update();
    return metrics;
  })();
  app.catch((err: unknown) =>
    log.error(
      { error: err instanceof Error ? (err.stack ?? err.message) : String(err) },
      'the HTTP app could not be loaded',
    ),
  );
  /** Records in the metrics once they are loaded (a build may end before they are). */
  const record = (f: (m: Metrics) => void) => void app.then(f, () => undefined);

  /** Serves a model: the one swap, then the workers drop the older ones. */
  const swap = (next: ReadyModel) => {
    state.model = next.view;
    state.loadedAt = new Date();
    generation = next.ref.generation;
    workers.commit(next);
  };

  let stopWatching: (() => void) | undefined;
  let reloading: Promise<void> | undefined;
  let again = false;
  /** Whether the served stories are provisional (an incremental reload not yet settled). */
  let provisional = false;
  /** Runs one builder step, recording its outcome and time in the metrics. */
  const step = async (kind: BuildKind, run: () => Promise<ReadyModel | undefined>) => {
    const started = performance.now();
    try {
      const next = await run();
      if (next) record((m) => m.published(kind, next.facts));
      else record((m) => m.build(kind, 'unchanged', (performance.now() - started) / 1000));
      return next;
    } catch (err) {
      record((m) => m.build(kind, 'failed', (performance.now() - started) / 1000));
      throw err;
    }
  };
  /**
   * Publishes the folder's new state, then (unless another change is already waiting) settles
   * its stories: clustering runs in the builder and its result is swapped in the same way.
   */
  const reloadOnce = async () => {
    try {
      const next = await step('reload', () => workers.reload());
      if (next) {
        const previous = state.model.fingerprint;
        // The one swap: the new view, its workers' copies already loaded.
        swap(next);
        held = true;
        update();
        provisional = !next.facts.exact;
        log.info({ ...corpusStats(next.view), previous, ...next.facts }, 'corpus reloaded');
        warnProseWithoutContent(log, next.view);
      } else log.info({ corpus: state.model.fingerprint }, 'corpus unchanged');
      if (!provisional || again) return;
      // Swapped in even when another change is waiting: it is exact for the state it was built
      // from, and the builder continues from it.
      const settled = await step('settle', () => workers.settle());
      if (!settled) return;
      swap(settled);
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

  // The first corpus: served as soon as the main thread has read its view.
  const first = (async () => {
    let next: ReadyModel;
    try {
      next = (await step('open', () => opening))!;
    } catch (err) {
      // Stopped while it loaded: nothing failed.
      if (readiness.phase === 'draining') throw err;
      log.error(
        { error: err instanceof Error ? (err.stack ?? err.message) : String(err) },
        'the corpus could not be loaded',
      );
      throw err;
    }
    swap(next);
    startup.corpus = since(began);
    update();
    log.info({ ...corpusStats(next.view), ...next.facts }, 'corpus loaded');
    warnProseWithoutContent(log, next.view);
    workers.warm();
    if (readiness.phase !== 'draining')
      stopWatching = watchFolder(config.dataDir, () => void reload(), log);
    return next;
  })();
  // Served: the corpus, and the app to answer from it (an app that cannot load is fatal too).
  const served = Promise.all([first, app]).then(() => undefined);
  const ready = first.then(async (next) => {
    await next.held.catch(() => {
      throw new Error('a compute worker could not read the first model; not ready until a reload');
    });
    const metricsLoaded = await app;
    held = true;
    startup.workers = since(began);
    update();
    const startMs = Math.round(performance.now());
    metricsLoaded.startup({ ...startup, total: startMs });
    log.info({ ...corpusStats(next.view), startup, startMs }, 'ready');
  });
  // Callers await what they need; nothing here is an unhandled rejection.
  served.catch(() => undefined);
  ready.catch((err: unknown) => {
    if (readiness.phase !== 'draining') log.warn({ error: String(err) }, 'not ready');
  });

  const drain = (timeoutMs?: number): Promise<boolean> => {
    readiness.set('draining');
    stopWatching?.();
    return listener.drain(timeoutMs);
  };

  return {
    url,
    state,
    readiness,
    workers,
    served,
    ready,
    get inFlight() {
      return listener.inFlight;
    },
    reload,
    drain,
    close: async () => {
      await drain();
      await reloading;
      await workers.close();
    },
  };
}
