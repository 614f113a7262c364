import type { Worker } from 'node:worker_threads';
import type { Config } from '../config.js';
import type { CorpusView } from '../core/model.js';
import type { Logger } from '../log.js';
import type { Published } from '../store/index-builder.js';
import { readView } from '../store/read-view.js';
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
  /** The compute pool the app sends summaries, topic details and posted summaries to. */
  readonly compute: ComputePool;
  readonly #builder = new BuilderPool();
  readonly #config: Config;
  readonly #log: Logger;
  #generation = 0;

  constructor(config: Config, log: Logger) {
    this.#config = config;
    this.#log = log;
    this.compute = new ComputePool({ workers: config.workers, maxQueue: config.maxQueue });
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
    const ref: ModelRef = {
      generation: ++this.#generation,
      file: published.file,
      pipeline: published.pipeline,
    };
    // The workers decode the model while this thread decodes its view. At start nothing is served
    // yet, so no old model answers meanwhile: the view is served as soon as it is read, and a
    // summary asked before its worker holds the model waits while that worker reads the snapshot.
    // Later models are swapped in only once every worker holds them.
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
      view = readView(published.file, published.pipeline);
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

  /** The model of the data folder at start: from the index when it holds it, else built. */
  async open(): Promise<ReadyModel> {
    return (await this.#run('open'))!;
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

  /** Every worker thread with its pool's name (for the metrics). */
  threads(): { readonly pool: 'compute' | 'builder'; readonly worker: Worker }[] {
    return [
      ...this.compute.workerThreads.map((worker) => ({ pool: 'compute' as const, worker })),
      ...this.#builder.workerThreads.map((worker) => ({ pool: 'builder' as const, worker })),
    ];
  }

  /** Stops every worker thread. */
  async close(): Promise<void> {
    await Promise.all([this.compute.close(), this.#builder.close()]);
  }
}
