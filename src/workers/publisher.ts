import type { Worker } from 'node:worker_threads';
import type { Config } from '../config.js';
import type { CorpusView } from '../core/model.js';
import { viewFromColumns } from '../core/model-columns.js';
import type { Logger } from '../log.js';
import { IndexBuilder, type Published } from '../store/index-builder.js';
import type { BuilderTask, ModelRef } from './messages.js';
import { BuilderPool, ComputePool } from './pools.js';

/** A model ready to be swapped in: the main thread's view, loaded by every worker (at start: being loaded). */
export interface ReadyModel {
  readonly view: CorpusView;
  readonly ref: ModelRef;
  /**
   * Settles once every compute worker holds the model: at once for a reload (swapped in only
   * then), later for the first model (served while the workers read it). Rejects when a worker
   * could not read the snapshot.
   */
  readonly held: Promise<void>;
  /** What the log says about it. */
  readonly facts: {
    readonly ms: number;
    readonly source: Published['source'];
    readonly exact: boolean;
    readonly index: string;
    /** Files read and hashed, and files reused by their stamps. */
    readonly files: { readonly read: number; readonly reused: number };
    readonly stages: Published['ms'] & { readonly publish: number };
    readonly reused?: {
      readonly classified: number;
      readonly segmented: number;
      readonly stories: string;
    };
  };
}

/**
 * The server's side of the workers: asks the builder for a snapshot, reads its view on the main
 * thread, has every compute worker load the model, and hands the result to the server, which
 * swaps it in with one assignment and then calls {@link commit}.
 */
export class ModelPublisher {
  #compute: ComputePool | undefined;

  /** The builder thread, started when first needed (after a start from the index has served). */
  get #builder(): BuilderPool {
    return (this.#builderPool ??= new BuilderPool());
  }
  #builderPool: BuilderPool | undefined;
  readonly #config: Config;
  readonly #log: Logger;
  #generation = 0;

  constructor(config: Config, log: Logger) {
    this.#config = config;
    this.#log = log;
  }

  /**
   * The compute pool the app sends summaries, topic details and posted summaries to. Its threads
   * start when it is first asked for (once the first model is read), so at a start they do not
   * compete for the cores with the builder reading or building that model.
   */
  get compute(): ComputePool {
    this.#compute ??= new ComputePool({
      workers: this.#config.workers,
      maxQueue: this.#config.maxQueue,
    });
    return this.#compute;
  }

  #task(kind: BuilderTask['kind']): BuilderTask {
    const { dataDir, indexDir, maxFileBytes } = this.#config;
    return { kind, dataDir, indexDir, maxFileBytes };
  }

  async #ready(
    published: Published,
    started: number,
    kind: BuilderTask['kind'],
  ): Promise<ReadyModel> {
    const log = this.#log;
    if (kind !== 'settle') {
      // Reported once per corpus state (not again when its stories settle).
      for (const s of published.skipped)
        log.warn({ file: s.file, reason: s.reason }, 'skipped file');
      if (published.message)
        log.warn({ dataDir: this.#config.dataDir }, `empty corpus: ${published.message}`);
    }
    if (published.refused)
      log.warn({ index: published.file, reason: published.refused }, 'index not used; rebuilt');
    if (published.fallback)
      log.warn(
        { indexDir: this.#config.indexDir, ...published.fallback },
        'INDEX_DIR cannot be written; the index is kept in a temporary folder',
      );
    const t = performance.now();
    const ref: ModelRef = { generation: ++this.#generation, columns: published.columns };
    // The columns are shared, not copied: the workers and this thread read the same buffers. At
    // start nothing is served yet, so the view is served at once and a summary asked before its
    // worker holds the model waits for that worker. Later models are swapped in only once every
    // worker holds them.
    const first = kind === 'open';
    let loading: Promise<void>;
    if (first) {
      loading = this.compute.ready().then(() => this.compute.preload(ref));
      loading.catch((err: unknown) =>
        log.warn({ error: String(err) }, 'a worker will read the model on its first task'),
      );
    } else {
      await this.compute.ready();
      loading = this.compute.preload(ref);
    }
    let view: CorpusView;
    try {
      view = viewFromColumns(published.columns);
    } catch (err) {
      await loading.catch(() => undefined);
      this.compute.drop(ref.generation);
      throw err;
    }
    if (!first) await loading;
    this.compute.register(view, ref);
    const publish = Math.round(performance.now() - t);
    return {
      view,
      ref,
      held: first ? loading : Promise.resolve(),
      facts: {
        ms: Math.round(performance.now() - started),
        source: published.source,
        exact: published.exact,
        index: published.file,
        files: {
          read: published.files - published.reusedFiles,
          reused: published.reusedFiles,
        },
        stages: { ...published.ms, publish },
        ...(published.report
          ? {
              reused: {
                classified: published.report.classified,
                segmented: published.report.segmented,
                stories: published.report.stories,
              },
            }
          : {}),
      },
    };
  }

  async #run(kind: BuilderTask['kind']): Promise<ReadyModel | undefined> {
    const started = performance.now();
    const published = await this.#builder.run(this.#task(kind));
    return published ? this.#ready(published, started, kind) : undefined;
  }

  /**
   * The model of the data folder at start: from the index when it holds it, else built. When the
   * index holds the folder's state, this thread reads the snapshot itself (into shared memory, no
   * decoding) and serves it without waiting for the builder thread to start, which then takes
   * over the same buffers for the reloads to come.
   */
  async open(): Promise<ReadyModel> {
    const started = performance.now();
    const { dataDir, indexDir, maxFileBytes } = this.#config;
    let quick: Awaited<ReturnType<IndexBuilder['openFromIndex']>>;
    try {
      quick = await new IndexBuilder({ dataDir, indexDir, maxFileBytes }).openFromIndex();
    } catch (err) {
      this.#log.warn(
        { error: String(err) },
        'index not read on the main thread; the builder reads it',
      );
    }
    if (!quick) {
      // A build takes a while: the compute threads start meanwhile, ready when it is served.
      void this.compute;
      return (await this.#run('open'))!;
    }
    const adopt = { file: quick.published.file, sections: quick.sections };
    this.#builder
      .run({ ...this.#task('adopt'), adopt })
      .catch((err: unknown) =>
        this.#log.warn({ error: String(err) }, 'the builder could not take over the index'),
      );
    return this.#ready(quick.published, started, 'open');
  }

  /** The folder's new state after a change (stories provisional), or `undefined` when unchanged. */
  reload(): Promise<ReadyModel | undefined> {
    return this.#run('reload');
  }

  /** The settled stories of a provisional model, or `undefined` when there is nothing to settle. */
  settle(): Promise<ReadyModel | undefined> {
    return this.#run('settle');
  }

  /** Has the builder decode the served snapshot while idle, so the first reload starts warm. */
  warm(): void {
    this.#builder
      .run(this.#task('warm'))
      .catch((err: unknown) =>
        this.#log.warn({ error: String(err) }, 'could not prepare the index for reloads'),
      );
  }

  /** Called once the model is served: workers drop the models before it. */
  commit(ready: ReadyModel): void {
    this.compute.commit(ready.ref.generation);
  }

  /** Every running worker thread with its pool's name (for the metrics); pools not yet started have none. */
  threads(): { readonly pool: 'compute' | 'builder'; readonly worker: Worker }[] {
    return [
      ...(this.#compute?.workerThreads ?? []).map((worker) => ({
        pool: 'compute' as const,
        worker,
      })),
      ...(this.#builderPool?.workerThreads ?? []).map((worker) => ({
        pool: 'builder' as const,
        worker,
      })),
    ];
  }

  /** Stops every worker thread, once the builder has written the last model's snapshot. */
  async close(): Promise<void> {
    await this.#builderPool
      ?.run(this.#task('flush'))
      .catch((err: unknown) =>
        this.#log.warn({ error: String(err) }, 'the last snapshot could not be written'),
      );
    await Promise.all([this.#compute?.close(), this.#builderPool?.close()]);
  }
}
