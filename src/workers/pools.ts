import { randomUUID } from 'node:crypto';
import { BroadcastChannel, type Worker } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { SummarizeRequest } from '../../schemas/api.js';
import type { CorpusView } from '../core/model.js';
import type { SummaryRequest } from '../core/queries/index.js';
import type { Compute } from '../http/compute.js';
import { ServiceBusyError } from '../http/service-busy.js';
import type { Published } from '../store/index-builder.js';
import type { BuilderTask, ComputeTask, ModelMessage, ModelRef } from './messages.js';
import { workerEntry } from './worker-entry.js';

/**
 * The worker threads, seen from the main thread: a compute pool (piscina, a fixed number of
 * threads and a bounded queue) and the builder (one thread). The main thread only routes to them.
 */

const QUEUE_FULL = /queue is at limit|No task queue available/i;

/** Options of the compute pool. */
export interface ComputePoolOptions {
  /** Worker threads (each holds a copy of the served model). */
  readonly workers: number;
  /** Tasks that may wait for a thread; more are refused with {@link ServiceBusyError}. */
  readonly maxQueue: number;
}

/** The compute pool: runs summaries, topic details and posted summaries in worker threads. */
export class ComputePool implements Compute {
  readonly #pool: Piscina;
  readonly #channel: BroadcastChannel;
  readonly #refs = new WeakMap<CorpusView, ModelRef>();
  readonly #maxQueue: number;
  readonly #acks = new Map<number, (m: Extract<ModelMessage, { type: 'loaded' }>) => void>();
  /** Threads whose worker module is loaded and listens to the broadcasts. */
  readonly #listening = new Set<number>();
  #heard: (() => void) | undefined;
  readonly #workers: number;
  /** Moving average of task time, for `Retry-After`. */
  #meanMs = 50;

  constructor(options: ComputePoolOptions) {
    const channel = `citesum:models:${randomUUID()}`;
    this.#maxQueue = options.maxQueue;
    this.#workers = options.workers;
    // Listening before any worker starts, so no worker's hello is missed.
    this.#channel = new BroadcastChannel(channel);
    this.#channel.onmessage = (event) => {
      const m = (event as { data: ModelMessage }).data;
      if (m.type === 'hello') {
        this.#listening.add(m.threadId);
        this.#heard?.();
      } else if (m.type === 'loaded') this.#acks.get(m.generation)?.(m);
    };
    (this.#channel as unknown as { unref(): void }).unref();
    this.#pool = new Piscina({
      ...workerEntry('compute-worker'),
      minThreads: options.workers,
      maxThreads: options.workers,
      maxQueue: options.maxQueue,
      idleTimeout: Infinity,
      // Between tasks a worker's event loop runs, so it hears the model broadcasts.
      atomics: 'disabled',
      workerData: { channel },
    });
  }

  /** Resolves once every worker has started and listens (or after `timeoutMs`). */
  async ready(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.#listening.size < this.#workers && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.#heard = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Worker threads running. */
  get threads(): number {
    return this.#pool.threads.length;
  }

  /** Tasks waiting for a thread. */
  get queued(): number {
    return this.#pool.queueSize;
  }

  /** The threads (for the metrics: each one's event-loop utilisation). */
  get workerThreads(): readonly Worker[] {
    return this.#pool.threads;
  }

  /**
   * Has every listening worker load a model before it is served: resolves once each answered (or
   * after `timeoutMs`). A worker that did not (still starting, or replaced after a crash) loads
   * the model on its first task. Rejects when a worker could not read the snapshot.
   */
  async preload(ref: ModelRef, timeoutMs = 120_000): Promise<void> {
    const alive = new Set(this.#pool.threads.map((t) => t.threadId));
    for (const id of this.#listening) if (!alive.has(id)) this.#listening.delete(id);
    const expected = new Set(this.#listening);
    const errors: string[] = [];
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#acks.set(ref.generation, (m) => {
        if (m.error) errors.push(m.error);
        expected.delete(m.threadId);
        if (expected.size === 0) done();
      });
      if (expected.size === 0) done();
      this.#post({ type: 'load', model: ref });
    });
    this.#acks.delete(ref.generation);
    if (errors.length > 0) {
      this.#post({ type: 'drop', generation: ref.generation });
      throw new Error(`a worker could not load the model: ${errors[0]}`);
    }
  }

  /** Ties a served view to the model the workers compute on. */
  register(view: CorpusView, ref: ModelRef): void {
    this.#refs.set(view, ref);
  }

  /** Tells the workers to drop a model that will not be served after all. */
  drop(generation: number): void {
    this.#post({ type: 'drop', generation });
  }

  /** Tells the workers that `generation` is served: older models are dropped. */
  commit(generation: number): void {
    this.#post({ type: 'commit', generation });
  }

  #post(message: ModelMessage): void {
    this.#channel.postMessage(message);
  }

  /** Seconds a refused client should wait: the queue's expected drain time, 1 to 60. */
  retryAfter(): number {
    const threads = Math.max(1, this.#pool.threads.length);
    const s = ((this.#pool.queueSize + threads) * this.#meanMs) / threads / 1000;
    return Math.min(60, Math.max(1, Math.ceil(s)));
  }

  async #run<T>(task: ComputeTask): Promise<T> {
    if (this.#pool.queueSize >= this.#maxQueue) throw new ServiceBusyError(this.retryAfter());
    const started = performance.now();
    try {
      return (await this.#pool.run(task)) as T;
    } catch (err) {
      if (err instanceof Error && QUEUE_FULL.test(err.message))
        throw new ServiceBusyError(this.retryAfter());
      throw err;
    } finally {
      this.#meanMs = this.#meanMs * 0.9 + (performance.now() - started) * 0.1;
    }
  }

  #ref(model: CorpusView): ModelRef {
    const ref = this.#refs.get(model);
    if (!ref) throw new Error('no snapshot is registered for this model');
    return ref;
  }

  async summary(model: CorpusView, request: SummaryRequest): Promise<string | undefined> {
    const json = await this.#run<string | null>({
      kind: 'summary',
      model: this.#ref(model),
      request,
    });
    return json ?? undefined;
  }

  async topic(model: CorpusView, topicId: string): Promise<string | undefined> {
    const json = await this.#run<string | null>({
      kind: 'topic',
      model: this.#ref(model),
      topicId,
    });
    return json ?? undefined;
  }

  posted(body: SummarizeRequest, markdown: boolean): Promise<string> {
    return this.#run<string>({ kind: 'posted', body, markdown });
  }

  /** Stops the workers (queued tasks are rejected). */
  async close(): Promise<void> {
    this.#channel.close();
    await this.#pool.destroy();
  }
}

/** The builder thread: one task at a time, its state kept between tasks. */
export class BuilderPool {
  readonly #pool = new Piscina({
    ...workerEntry('builder-worker'),
    minThreads: 1,
    maxThreads: 1,
    idleTimeout: Infinity,
  });

  /** Runs a builder task: the snapshot to publish, or `null` when there is nothing new. */
  run(task: BuilderTask): Promise<Published | null> {
    return this.#pool.run(task) as Promise<Published | null>;
  }

  /** The thread (for the metrics: its event-loop utilisation). */
  get workerThreads(): readonly Worker[] {
    return this.#pool.threads;
  }

  async close(): Promise<void> {
    await this.#pool.destroy();
  }
}
