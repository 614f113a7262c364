import path from 'node:path';
import type { SkippedFile } from '../../schemas/document.js';
import { corpusFingerprint, loadCorpus, type LoadedCorpus } from '../core/corpus/index.js';
import { modelFromParts } from '../core/model.js';
import { type BuildReport, type BuildState, buildIncrementally, settle } from './incremental.js';
import {
  corpusKey,
  ensureIndexDir,
  listSnapshots,
  pruneSnapshots,
  snapshotName,
} from './index-dir.js';
import { StampedFiles } from './known-files.js';
import { filesFromSections, snapshotSections, stateFromSections } from './model-snapshot.js';
import { pipelineVersion, SNAPSHOT_FORMAT } from './pipeline-version.js';
import {
  openSnapshot,
  type SnapshotExpectation,
  SnapshotError,
  writeSnapshot,
} from './snapshot-file.js';

/** Where the builder reads and writes. */
export interface IndexLocation {
  readonly dataDir: string;
  readonly indexDir: string;
  readonly maxFileBytes?: number;
}

/** A snapshot ready to be served, and how it came to be. */
export interface Published {
  readonly file: string;
  readonly fingerprint: string;
  readonly pipeline: string;
  /** False while the stories are provisional (a reload before re-clustering). */
  readonly exact: boolean;
  /** `index`: read from the index unchanged; `built`: from scratch; `incremental`: reusing an earlier build. */
  readonly source: 'index' | 'built' | 'incremental';
  readonly files: number;
  /** Files the load took from the last load or the index's stamps instead of reading them. */
  readonly reusedFiles: number;
  readonly skipped: readonly SkippedFile[];
  readonly message?: string;
  readonly report?: BuildReport;
  /** Why the index of this corpus state could not be used, when it existed. */
  readonly refused?: string;
  /** Where the snapshot was written when INDEX_DIR could not be (and why). */
  readonly fallback?: { readonly dir: string; readonly reason: string };
  readonly ms: { readonly load: number; readonly build: number; readonly write: number };
}

/** The build the next reload starts from (its state decoded from `file` when first needed). */
interface Current {
  readonly key: string;
  readonly file: string;
  readonly exact: boolean;
  state?: BuildState;
}

const now = () => performance.now();
const round = (x: number) => Math.round(x);

/**
 * Builds, persists and incrementally updates the model of one data folder. Starts from the index
 * when it holds this corpus state, builds incrementally from the newest usable snapshot
 * otherwise, and keeps the last build in memory for the next reload. Runs in the builder worker
 * (the server) or in-process (`npm run index`).
 */
export class IndexBuilder {
  readonly #location: IndexLocation;
  readonly #expected: SnapshotExpectation;
  #dir: { dir: string; persisted: boolean; reason?: string } | undefined;
  #current: Current | undefined;
  #previousFile: string | undefined;
  /** Files of the last load, reused by the next while their stamps are unchanged. */
  readonly #known: StampedFiles;

  /**
   * `expected`: the header a snapshot must carry (default: this code's format and pipeline);
   * `racyMs`: how recently modified a file may be to be remembered by its stamp (default 2 s).
   */
  constructor(
    location: IndexLocation,
    expected?: SnapshotExpectation,
    options: { racyMs?: number } = {},
  ) {
    this.#location = location;
    this.#known = new StampedFiles(options);
    this.#expected = expected ?? { format: SNAPSHOT_FORMAT, pipeline: pipelineVersion() };
  }

  async #load(): Promise<{ corpus: LoadedCorpus; key: string; fingerprint: string }> {
    const corpus = await loadCorpus(this.#location.dataDir, {
      ...(this.#location.maxFileBytes ? { maxFileBytes: this.#location.maxFileBytes } : {}),
      known: this.#known,
    });
    this.#known.settle();
    const fingerprint = corpusFingerprint(corpus.files);
    return { corpus, fingerprint, key: corpusKey({ ...corpus, fingerprint }) };
  }

  #indexDir() {
    this.#dir ??= ensureIndexDir(this.#location.indexDir);
    return this.#dir;
  }

  /** The build state of a snapshot file (checked and decoded), or why it cannot be used. */
  #readState(file: string): BuildState | string {
    try {
      const reader = openSnapshot(file, this.#expected);
      try {
        const view = reader.section('view');
        const model = reader.section('model');
        const reads = reader.header.sections.reads ? reader.section('reads') : new Map();
        return stateFromSections(view, model, reads, reader.header.exact);
      } finally {
        reader.close();
      }
    } catch (err) {
      return err instanceof SnapshotError ? err.message : String(err);
    }
  }

  async #publish(
    built: { key: string; state: BuildState; report?: BuildReport },
    base: Omit<Published, 'file' | 'pipeline' | 'exact' | 'ms' | 'files' | 'reusedFiles'> & {
      reusedFiles?: number;
      ms: { load: number; build: number };
    },
  ): Promise<Published> {
    const t = now();
    const { dir, persisted, reason } = this.#indexDir();
    const model = modelFromParts(built.state.parts);
    const file = path.join(dir, snapshotName(built.key, built.state.exact));
    writeSnapshot(
      file,
      { ...this.#expected, fingerprint: model.fingerprint, exact: built.state.exact },
      snapshotSections(built.state, model.documents, this.#known.stamps()),
    );
    this.#remember({ key: built.key, file, exact: built.state.exact, state: built.state });
    return {
      ...base,
      file,
      pipeline: this.#expected.pipeline,
      exact: built.state.exact,
      files: built.state.parts.files.length,
      reusedFiles: base.reusedFiles ?? this.#known.reused,
      ...(built.report ? { report: built.report } : {}),
      ...(persisted ? {} : { fallback: { dir, reason: reason ?? 'not writable' } }),
      ms: { ...base.ms, write: round(now() - t) },
    };
  }

  #remember(current: Current): void {
    if (this.#current && this.#current.file !== current.file)
      this.#previousFile = this.#current.file;
    this.#current = current;
    const keep = [current.file, ...(this.#previousFile ? [this.#previousFile] : [])];
    pruneSnapshots(path.dirname(current.file), keep);
  }

  /**
   * Takes the files and stamps of the newest snapshot that checks out (header and sections), so
   * the load that follows reads only files whose stamps changed since that snapshot was written.
   */
  #seed(): void {
    for (const file of listSnapshots(this.#indexDir().dir)) {
      try {
        const reader = openSnapshot(file, this.#expected);
        try {
          if (!reader.header.sections.stamps) continue;
          const { files, stamps } = filesFromSections(
            reader.section('view'),
            reader.section('stamps'),
          );
          this.#known.seed(files, stamps);
          return;
        } finally {
          reader.close();
        }
      } catch {
        // Not usable: the next one, or no seed (every file is read).
      }
    }
  }

  /**
   * The model of the folder as it is now: the index's snapshot when it holds this corpus state
   * (checked, not decoded), else a build (incremental from the newest usable snapshot), persisted.
   */
  async open(): Promise<Published> {
    const t0 = now();
    this.#seed();
    const { corpus, key, fingerprint } = await this.#load();
    const load = round(now() - t0);
    const common = {
      fingerprint,
      skipped: corpus.skipped,
      ...(corpus.message !== undefined ? { message: corpus.message } : {}),
    };
    const { dir } = this.#indexDir();
    const file = path.join(dir, snapshotName(key, true));
    let refused: string | undefined;
    try {
      const reader = openSnapshot(file, this.#expected);
      try {
        if (reader.header.fingerprint !== fingerprint || !reader.header.exact)
          throw new SnapshotError('built from other files');
        reader.verify();
      } finally {
        reader.close();
      }
      this.#remember({ key, file, exact: true });
      return {
        ...common,
        file,
        pipeline: this.#expected.pipeline,
        exact: true,
        source: 'index',
        files: corpus.files.length,
        reusedFiles: this.#known.reused,
        ms: { load, build: 0, write: 0 },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        refused = err instanceof SnapshotError ? err.message : String(err);
    }
    const t1 = now();
    let previous: BuildState | undefined;
    for (const candidate of listSnapshots(dir)) {
      const state = this.#readState(candidate);
      if (typeof state !== 'string') {
        previous = state;
        break;
      }
    }
    const { state, report } = buildIncrementally(corpus, previous);
    return this.#publish(
      { key, state, report },
      {
        ...common,
        source: previous ? 'incremental' : 'built',
        ...(refused ? { refused } : {}),
        ms: { load, build: round(now() - t1) },
      },
    );
  }

  /**
   * Decodes the last snapshot into the state the next reload starts from, if not done yet (call
   * when idle: after a start from the index, the first reload then need not decode).
   */
  warm(): void {
    const current = this.#current;
    if (!current || current.state) return;
    const state = this.#readState(current.file);
    if (typeof state !== 'string') current.state = state;
  }

  /**
   * Reads the folder again and, when it changed, builds incrementally from the last build with
   * provisional stories (call {@link settle} next). `undefined` when nothing changed.
   */
  async reload(): Promise<Published | undefined> {
    if (!this.#current) return this.open();
    const t0 = now();
    const { corpus, key, fingerprint } = await this.#load();
    const load = round(now() - t0);
    if (key === this.#current.key) return undefined;
    const t1 = now();
    this.warm();
    const previous = this.#current.state;
    const { state, report } = buildIncrementally(corpus, previous, { provisional: true });
    return this.#publish(
      { key, state, report },
      {
        fingerprint,
        skipped: corpus.skipped,
        ...(corpus.message !== undefined ? { message: corpus.message } : {}),
        source: previous ? 'incremental' : 'built',
        ms: { load, build: round(now() - t1) },
      },
    );
  }

  /** Clusters the stories of a provisional build (same parts as a full build); `undefined` when already exact. */
  async settle(): Promise<Published | undefined> {
    const current = this.#current;
    if (!current || current.exact || !current.state) return undefined;
    const t = now();
    const state = settle(current.state);
    const { parts } = state;
    return this.#publish(
      { key: current.key, state },
      {
        fingerprint: corpusFingerprint(parts.files),
        skipped: parts.skipped ?? [],
        ...(parts.message !== undefined ? { message: parts.message } : {}),
        source: 'incremental',
        reusedFiles: parts.files.length,
        ms: { load: 0, build: round(now() - t) },
      },
    );
  }
}
