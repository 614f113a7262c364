import type { Worker } from 'node:worker_threads';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CorpusStats } from './core/queries/stats.js';

/**
 * The service's Prometheus metrics (prom-client, the one module that imports it), exposed in the
 * text format at `GET /metrics`. Counters and histograms are updated as things happen (requests,
 * compute tasks, builds); gauges of state (queue, threads, the served corpus, readiness) are read
 * from their {@link MetricsSources} when Prometheus scrapes. Every name starts with `citesum_`;
 * the process and Node.js runtime metrics keep prom-client's standard names.
 */

/** Why a model was (or was not) built: the first load, a change of the folder, settled stories. */
export type BuildKind = 'open' | 'reload' | 'settle';
/** What came of it: a new model served, nothing new, or an error (the old model still served). */
export type BuildOutcome = 'published' | 'unchanged' | 'failed';
/** The costly answers computed on the worker pool. */
export type ComputeKind = 'summary' | 'topic' | 'posted';
/** How a compute task ended: answered, refused (queue full), or failed. */
export type ComputeOutcome = 'ok' | 'rejected' | 'error';

/** What a published model tells the metrics (the server's `ReadyModel.facts`). */
export interface PublishedFacts {
  readonly ms: number;
  readonly source: 'index' | 'built' | 'incremental';
  readonly files: { readonly read: number; readonly reused: number };
  readonly stages: Readonly<Record<string, number>>;
  readonly reused?: { readonly classified: number; readonly segmented: number };
}

/** The state the gauges read at each scrape. */
export interface MetricsSources {
  /** The served corpus and its model generation, or `undefined` before the first. */
  corpus(): (CorpusStats & { readonly generation: number; readonly loadedAt: Date }) | undefined;
  /** Compute tasks waiting for a thread, and how many may wait. */
  queue(): { readonly depth: number; readonly capacity: number };
  /** The worker threads, by pool. */
  threads(): readonly { readonly pool: string; readonly worker: Worker }[];
  /** Whether `/readyz` answers 200. */
  ready(): boolean;
}

/** Latency buckets of HTTP answers (s): a cached read takes ~0.2 ms, a new summary up to seconds. */
const HTTP_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];
/** Buckets of compute tasks (s): queue wait included. */
const COMPUTE_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** Buckets of builds and reloads (s): from a one-file reload to a 10,000-article first build. */
const BUILD_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

/** prom-client runtime gauges whose `_total` suffix Prometheus reserves for counters. */
const RUNTIME_MISNAMED = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

/** Options of {@link Metrics}. */
export interface MetricsOptions {
  /**
   * Also export prom-client's process and Node.js runtime metrics (CPU, memory, heap, event-loop
   * lag, GC): the server turns them on; apps built by tests and tools leave them off.
   */
  readonly runtime?: boolean;
}

/** The metrics of one service instance, in a registry of their own. */
export class Metrics {
  readonly registry = new Registry();
  #sources: MetricsSources | undefined;

  readonly #requests: Counter<'method' | 'route' | 'status'>;
  readonly #latency: Histogram<'method' | 'route' | 'status'>;
  readonly #inFlight: Gauge;
  readonly #clientErrors: Counter<'status'>;
  readonly #tasks: Counter<'kind' | 'outcome'>;
  readonly #taskLatency: Histogram<'kind'>;
  readonly #builds: Counter<'kind' | 'outcome'>;
  readonly #buildLatency: Histogram<'kind' | 'outcome'>;
  readonly #stages: Counter<'stage'>;
  readonly #models: Counter<'source'>;
  readonly #files: Counter<'how'>;
  readonly #stageReuse: Counter<'stage'>;
  readonly #startup: Gauge<'phase'>;

  constructor(options: MetricsOptions = {}) {
    const registers = [this.registry];
    const sources = () => this.#sources;
    if (options.runtime) {
      collectDefaultMetrics({ register: this.registry });
      // Gauges named like counters (`promtool check metrics` refuses them); the same counts stay
      // exported by type as nodejs_active_handles, nodejs_active_requests, nodejs_active_resources.
      for (const name of RUNTIME_MISNAMED) this.registry.removeSingleMetric(name);
    }

    this.#requests = new Counter({
      name: 'citesum_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern (unmatched: no route) and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.#latency = new Histogram({
      name: 'citesum_http_request_duration_seconds',
      help: 'Time from a request reaching the app to its answer, by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: HTTP_BUCKETS,
      registers,
    });
    this.#inFlight = new Gauge({
      name: 'citesum_http_requests_in_flight',
      help: 'Requests being answered now.',
      registers,
    });
    this.#clientErrors = new Counter({
      name: 'citesum_http_client_errors_total',
      help: "Requests Node's HTTP server refused before the app saw them (malformed, too slow, headers too large), by status.",
      labelNames: ['status'],
      registers,
    });

    new Gauge({
      name: 'citesum_compute_queue_depth',
      help: 'Compute tasks (summaries, topic details, posted summaries) waiting for a worker thread.',
      registers,
      collect() {
        this.set(sources()?.queue().depth ?? 0);
      },
    });
    new Gauge({
      name: 'citesum_compute_queue_capacity',
      help: 'Compute tasks that may wait (MAX_QUEUE); beyond it requests are refused with 503.',
      registers,
      collect() {
        this.set(sources()?.queue().capacity ?? 0);
      },
    });
    this.#tasks = new Counter({
      name: 'citesum_compute_tasks_total',
      help: 'Compute tasks by kind and outcome (ok, rejected: the queue was full, error).',
      labelNames: ['kind', 'outcome'],
      registers,
    });
    this.#taskLatency = new Histogram({
      name: 'citesum_compute_task_duration_seconds',
      help: 'Time of a compute task as the HTTP layer waits for it (queue wait and run), by kind.',
      labelNames: ['kind'],
      buckets: COMPUTE_BUCKETS,
      registers,
    });
    new Gauge({
      name: 'citesum_worker_threads',
      help: 'Worker threads running, by pool (compute: summaries; builder: loads and builds).',
      labelNames: ['pool'],
      registers,
      collect() {
        this.reset();
        for (const pool of ['compute', 'builder']) this.set({ pool }, 0);
        for (const t of sources()?.threads() ?? []) this.inc({ pool: t.pool });
      },
    });
    new Counter({
      name: 'citesum_worker_event_loop_seconds_total',
      help: "Time each worker thread's event loop spent busy (running tasks, loading models) or idle since the thread started; utilisation = rate(busy) / rate(busy + idle).",
      labelNames: ['pool', 'thread', 'state'],
      registers,
      collect() {
        this.reset();
        for (const { pool, worker } of sources()?.threads() ?? []) {
          const elu = worker.performance.eventLoopUtilization();
          const thread = String(worker.threadId);
          this.inc({ pool, thread, state: 'busy' }, elu.active / 1000);
          this.inc({ pool, thread, state: 'idle' }, elu.idle / 1000);
        }
      },
    });

    const corpusGauge = (name: string, help: string, value: (s: CorpusStats) => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const corpus = sources()?.corpus();
          this.set(corpus ? value(corpus) : 0);
        },
      });
    new Gauge({
      name: 'citesum_model_generation',
      help: 'Generation of the served model: 1 for the first, one more per model swapped in (0: none yet).',
      registers,
      collect() {
        this.set(sources()?.corpus()?.generation ?? 0);
      },
    });
    new Gauge({
      name: 'citesum_model_loaded_timestamp_seconds',
      help: 'When the served model was swapped in (Unix time; 0: none yet).',
      registers,
      collect() {
        const at = sources()?.corpus()?.loadedAt;
        this.set(at ? at.getTime() / 1000 : 0);
      },
    });
    corpusGauge('citesum_corpus_documents', 'Files served.', (s) => s.documents);
    corpusGauge('citesum_corpus_skipped_files', 'Files the loader skipped.', (s) => s.skipped);
    corpusGauge('citesum_corpus_sentences', 'Content sentences served.', (s) => s.sentences);
    corpusGauge('citesum_corpus_stories', 'Stories discovered.', (s) => s.topics);
    corpusGauge('citesum_corpus_facets', 'Facets of all stories.', (s) => s.facets);
    new Gauge({
      name: 'citesum_ready',
      help: 'Whether the service is ready (GET /readyz answers 200): 1 or 0.',
      registers,
      collect() {
        this.set(sources()?.ready() ? 1 : 0);
      },
    });

    this.#builds = new Counter({
      name: 'citesum_model_builds_total',
      help: 'Builds of the model by kind (open: at start; reload: the folder changed; settle: stories re-clustered) and outcome (published, unchanged, failed).',
      labelNames: ['kind', 'outcome'],
      registers,
    });
    this.#buildLatency = new Histogram({
      name: 'citesum_model_build_duration_seconds',
      help: 'Time from asking the builder thread for a model to the model ready to serve, by kind and outcome.',
      labelNames: ['kind', 'outcome'],
      buckets: BUILD_BUCKETS,
      registers,
    });
    this.#stages = new Counter({
      name: 'citesum_model_build_stage_seconds_total',
      help: 'Time spent in each stage of the published builds (load: read the folder; build: the pipeline; write: the snapshot; publish: the main thread and the workers read it).',
      labelNames: ['stage'],
      registers,
    });
    this.#models = new Counter({
      name: 'citesum_index_models_total',
      help: 'Published models by source: index (read from the persisted index as is), incremental (reusing an earlier build), built (from scratch).',
      labelNames: ['source'],
      registers,
    });
    this.#files = new Counter({
      name: 'citesum_index_files_total',
      help: 'Files of the published models: read and hashed, or reused by their unchanged stamps (size, modification time).',
      labelNames: ['how'],
      registers,
    });
    this.#stageReuse = new Counter({
      name: 'citesum_index_reused_files_total',
      help: 'Files whose classified lines or sentences an incremental build reused from the previous build, by stage.',
      labelNames: ['stage'],
      registers,
    });
    this.#startup = new Gauge({
      name: 'citesum_startup_duration_seconds',
      help: 'How long each phase of the last start took (node: process start to the first line of the service; total: to ready).',
      labelNames: ['phase'],
      registers,
    });
  }

  /** The media type of {@link text}. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Where the gauges read the service's state (set once the server has it). */
  watch(sources: MetricsSources): void {
    this.#sources = sources;
  }

  /** The metrics in Prometheus' text format. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  /** A request started (in flight until {@link requestFinished}). */
  requestStarted(): void {
    this.#inFlight.inc();
  }

  /** A request was answered. */
  requestFinished(method: string, route: string, status: number, seconds: number): void {
    this.#inFlight.dec();
    const labels = { method, route, status: String(status) };
    this.#requests.inc(labels);
    this.#latency.observe(labels, seconds);
  }

  /** Node's HTTP server refused a request before the app saw it. */
  clientError(status: number): void {
    this.#clientErrors.inc({ status: String(status) });
  }

  /** A compute task ended. */
  computeTask(kind: ComputeKind, outcome: ComputeOutcome, seconds: number): void {
    this.#tasks.inc({ kind, outcome });
    if (outcome !== 'rejected') this.#taskLatency.observe({ kind }, seconds);
  }

  /** A build ended with a model served. */
  published(kind: BuildKind, facts: PublishedFacts): void {
    this.build(kind, 'published', facts.ms / 1000);
    for (const [stage, ms] of Object.entries(facts.stages)) this.#stages.inc({ stage }, ms / 1000);
    this.#models.inc({ source: facts.source });
    this.#files.inc({ how: 'read' }, facts.files.read);
    this.#files.inc({ how: 'reused' }, facts.files.reused);
    if (facts.reused) {
      this.#stageReuse.inc({ stage: 'classified' }, facts.reused.classified);
      this.#stageReuse.inc({ stage: 'segmented' }, facts.reused.segmented);
    }
  }

  /** A build ended (see {@link published} for one that served a model). */
  build(kind: BuildKind, outcome: BuildOutcome, seconds: number): void {
    this.#builds.inc({ kind, outcome });
    this.#buildLatency.observe({ kind, outcome }, seconds);
  }

  /** How long the phases of this start took, in milliseconds. */
  startup(phases: Readonly<Record<string, number>>): void {
    for (const [phase, ms] of Object.entries(phases)) this.#startup.set({ phase }, ms / 1000);
  }
}
