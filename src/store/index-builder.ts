import path from 'node:path';
import type { SkippedFile } from '../../schemas/document.js';
import {
  corpusFingerprint,
  formatOf,
  loadCorpus,
  type LoadedCorpus,
  type SourceFile,
} from '../core/corpus/index.js';
import { FileTable } from '../core/corpus/file-columns.js';
import type { ModelColumns } from '../core/model.js';
import type { ParsedDocument } from '../core/parse/index.js';
import {
  type BuildReport,
  type BuildState,
  buildIncrementally,
  fileKey,
  settle,
} from './incremental.js';
import {
  corpusKey,
  ensureIndexDir,
  listSnapshots,
  pruneSnapshots,
  snapshotName,
} from './index-dir.js';
import { StampedFiles } from './known-files.js';
import {
  columnsFromSections,
  filesOfColumns,
  readsFromSection,
  snapshotSections,
  stampsFromSection,
} from './model-snapshot.js';
import { pipelineVersion, SNAPSHOT_FORMAT } from './pipeline-version.js';
import {
  readSnapshotShared,
  type SnapshotExpectation,
  SnapshotError,
  type SnapshotHeader,
  writeSnapshot,
} from './snapshot-file.js';

/** Where the builder reads and writes. */
export interface IndexLocation {
  readonly dataDir: string;
  readonly indexDir: string;
  readonly maxFileBytes?: number;
}

/** A model ready to be served, and how it came to be. */
export interface Published {
  /** The snapshot file it is persisted in. */
  readonly file: string;
  /** The model's columns, in shared memory: what the threads read (handed over, never copied). */
  readonly columns: ModelColumns;
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

/** A snapshot read into shared memory: its header and sections (views into one buffer). */
interface ReadSnapshot {
  readonly file: string;
  readonly header: SnapshotHeader;
  readonly sections: Record<string, Uint8Array>;
}

/** The build the next reload starts from (its bookkeeping decoded when first needed). */
interface Current {
  readonly key: string;
  readonly file: string;
  readonly exact: boolean;
  readonly columns: ModelColumns;
  state?: BuildState;
  /** The snapshot's `reads` section, decoded by {@link IndexBuilder.warm}. */
  readsBytes?: Uint8Array;
}

const now = () => performance.now();

/** Parses Markdown and HTML files ahead of a build (in threads): `parseFile` of each, by id. */
export type ParseAhead = (
  files: readonly SourceFile[],
) => Promise<ReadonlyMap<string, ParsedDocument | undefined>>;

/**
 * Fewest characters of Markdown and HTML for a build to parse them ahead in threads. Each thread
 * starts cold (its parser not yet optimized by the JIT: measured, ~1 M characters parse no faster
 * on two threads than on one), while the parser runs at ~1 M characters a second on one thread;
 * a few million are worth it. Below, the build parses each file as a stage asks for it (a reload
 * that changed a few files).
 */
const PARSE_AHEAD_CHARS = 4 * 2 ** 20;

const round = (x: number) => Math.round(x);

/**
 * Builds, persists and incrementally updates the model of one data folder. Starts from the index
 * when it holds this corpus state, builds incrementally from the newest usable snapshot
 * otherwise, and keeps the last build for the next reload. Runs in the builder worker (the
 * server) or in-process (`npm run index`). Every model it hands out is its columns in shared
 * memory, never written again: the next build writes new buffers.
 */
export class IndexBuilder {
  readonly #location: IndexLocation;
  readonly #expected: SnapshotExpectation;
  #dir: { dir: string; persisted: boolean; reason?: string } | undefined;
  #current: Current | undefined;
  #previousFile: string | undefined;
  #lastWritten: string | undefined;
  /** Files of the last load, reused by the next while their stamps are unchanged. */
  readonly #known: StampedFiles;
  readonly #deferWrites: boolean;
  readonly #parseAhead: ParseAhead | undefined;
  readonly #parseAheadChars: number;
  /** The snapshot write under way (after its model was handed out); the next task waits for it. */
  #writing: Promise<void> = Promise.resolve();
  #writeError: unknown;

  /**
   * `expected`: the header a snapshot must carry (default: this code's format and pipeline);
   * `racyMs`: how recently modified a file may be to be remembered by its stamp (default 2 s);
   * `deferWrites`: hand a built model out first and write its snapshot right after (the server's
   * builder thread: the workers read the model from shared memory, not from the file), instead
   * of writing it before returning (`npm run index`, tests that read the file);
   * `parseAhead`: parses a build's new and changed Markdown and HTML files before it runs (on
   * every core, src/workers/parse-pool.ts) when they hold `parseAheadChars` characters or more
   * (default 4 Mi); without it a build parses each file when a stage first asks (one thread).
   */
  constructor(
    location: IndexLocation,
    expected?: SnapshotExpectation,
    options: {
      racyMs?: number;
      deferWrites?: boolean;
      parseAhead?: ParseAhead;
      parseAheadChars?: number;
    } = {},
  ) {
    this.#location = location;
    this.#known = new StampedFiles(options);
    this.#deferWrites = options.deferWrites ?? false;
    this.#parseAhead = options.parseAhead;
    this.#parseAheadChars = options.parseAheadChars ?? PARSE_AHEAD_CHARS;
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

  /** A snapshot read whole into shared memory and checked, or why it cannot be used. */
  #read(file: string): ReadSnapshot | string {
    try {
      return { file, ...readSnapshotShared(file, this.#expected) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'no such file';
      return err instanceof SnapshotError ? err.message : String(err);
    }
  }

  /** The build state of a snapshot read whole. */
  #stateOf(read: ReadSnapshot): BuildState {
    return {
      columns: columnsFromSections(read.sections),
      reads: readsFromSection(read.sections.reads),
      exact: read.header.exact,
    };
  }

  async #publish(
    built: { key: string; state: BuildState; report?: BuildReport },
    base: Omit<
      Published,
      'file' | 'columns' | 'pipeline' | 'exact' | 'ms' | 'files' | 'reusedFiles'
    > & {
      reusedFiles?: number;
      ms: { load: number; build: number };
    },
  ): Promise<Published> {
    const t = now();
    const { dir, persisted, reason } = this.#indexDir();
    const { columns, exact } = built.state;
    const file = path.join(dir, snapshotName(built.key, exact));
    const stamps = this.#known.stamps();
    const write = () => {
      writeSnapshot(
        file,
        { ...this.#expected, fingerprint: base.fingerprint, exact },
        snapshotSections(columns, { stamps, ...(exact ? { reads: built.state.reads } : {}) }),
      );
      this.#wrote(file);
    };
    this.#current = { key: built.key, file, exact, columns, state: built.state };
    if (this.#deferWrites) {
      this.#writing = new Promise((resolve) =>
        setImmediate(() => {
          try {
            write();
          } catch (err) {
            // Served already; the next start rebuilds what is missing. Reported by flush().
            this.#writeError = err;
          } finally {
            resolve();
          }
        }),
      );
    } else write();
    return {
      ...base,
      file,
      columns,
      pipeline: this.#expected.pipeline,
      exact,
      files: columns.files.bytes.length,
      reusedFiles: base.reusedFiles ?? this.#known.reused,
      ...(built.report ? { report: built.report } : {}),
      ...(persisted ? {} : { fallback: { dir, reason: reason ?? 'not writable' } }),
      ms: { ...base.ms, write: round(now() - t) },
    };
  }

  /**
   * The Markdown and HTML files a build from `previous` must parse (new or changed: an unchanged
   * file's lines and sentences are reused, or parsed in the build if its counts changed), parsed
   * ahead when there are enough of them; undefined otherwise.
   */
  async #parsedAhead(
    files: readonly SourceFile[],
    previous: BuildState | undefined,
  ): Promise<ReadonlyMap<string, ParsedDocument | undefined> | undefined> {
    if (!this.#parseAhead) return undefined;
    const known = new Set<string>();
    if (previous) {
      const table = new FileTable(previous.columns.files);
      for (const f of table.files()) known.add(fileKey(f));
    }
    const markup = files.filter((f) => formatOf(f.id) !== 'plain' && !known.has(fileKey(f)));
    const chars = markup.reduce((n, f) => n + f.text.length, 0);
    return markup.length > 0 && chars >= this.#parseAheadChars
      ? this.#parseAhead(markup)
      : undefined;
  }

  /** A snapshot is on disk: it and the one written before it are kept, older ones removed. */
  #wrote(file: string): void {
    if (this.#lastWritten && this.#lastWritten !== file) this.#previousFile = this.#lastWritten;
    this.#lastWritten = file;
    const keep = [file, ...(this.#previousFile ? [this.#previousFile] : [])];
    pruneSnapshots(path.dirname(file), keep);
  }

  /**
   * The newest snapshot that checks out (header and sections), read into shared memory; its files
   * and stamps seed the load that follows, which then reads only files whose stamps changed.
   */
  #newest(): ReadSnapshot | undefined {
    for (const file of listSnapshots(this.#indexDir().dir)) {
      const read = this.#read(file);
      if (typeof read === 'string') continue;
      const columns = columnsFromSections(read.sections);
      this.#known.seed(filesOfColumns(columns), stampsFromSection(read.sections.stamps));
      return read;
    }
    return undefined;
  }

  /**
   * The model of the folder when the index holds its state (read into shared memory, checked, not
   * decoded), or undefined: nothing is built. The server's main thread calls this at a start, so
   * a restart on an unchanged folder serves without waiting for the builder thread; the builder
   * then {@link adopt}s the same buffers.
   */
  async openFromIndex(): Promise<
    { published: Published; sections: Record<string, Uint8Array> } | undefined
  > {
    const t0 = now();
    const newest = this.#newest();
    if (!newest?.header.exact) return undefined;
    const loaded = await this.#load();
    const file = path.join(this.#indexDir().dir, snapshotName(loaded.key, true));
    if (newest.file !== file || newest.header.fingerprint !== loaded.fingerprint) return undefined;
    return {
      sections: newest.sections,
      published: this.#served(loaded, file, newest.sections, round(now() - t0)),
    };
  }

  /**
   * Serves snapshot `file`, whose `sections` hold the loaded corpus state exactly: its columns
   * become the current generation, and nothing is built or written.
   */
  #served(
    { corpus, key, fingerprint }: { corpus: LoadedCorpus; key: string; fingerprint: string },
    file: string,
    sections: Record<string, Uint8Array>,
    load: number,
  ): Published {
    const columns = columnsFromSections(sections);
    this.#current = { key, file, exact: true, columns, readsBytes: sections.reads };
    return {
      fingerprint,
      skipped: corpus.skipped,
      ...(corpus.message !== undefined ? { message: corpus.message } : {}),
      file,
      columns,
      pipeline: this.#expected.pipeline,
      exact: true,
      source: 'index',
      files: corpus.files.length,
      reusedFiles: this.#known.reused,
      ms: { load, build: 0, write: 0 },
    };
  }

  /**
   * Takes over a snapshot another thread opened ({@link openFromIndex}): its sections (the same
   * shared buffers, not a copy) become the build the next reload starts from, and its files and
   * stamps seed the next load.
   */
  adopt(file: string, sections: Record<string, Uint8Array>): void {
    const key = path.basename(file, '.snap');
    const columns = columnsFromSections(sections);
    this.#known.seed(filesOfColumns(columns), stampsFromSection(sections.stamps));
    this.#current = { key, file, exact: true, columns, readsBytes: sections.reads };
    this.#wrote(file);
  }

  /**
   * The model of the folder as it is now: the index's snapshot when it holds this corpus state
   * (read into shared memory and checked, not decoded), else a build (incremental from the newest
   * usable snapshot), persisted.
   */
  async open(): Promise<Published> {
    await this.#writing;
    const t0 = now();
    const newest = this.#newest();
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
    const found = newest?.file === file ? newest : this.#read(file);
    if (typeof found !== 'string') {
      if (found.header.fingerprint === fingerprint && found.header.exact) {
        const published = this.#served({ corpus, key, fingerprint }, file, found.sections, load);
        this.#wrote(file);
        return published;
      }
      refused = 'built from other files';
    } else if (found !== 'no such file') refused = found;
    const t1 = now();
    const previous = newest ? this.#stateOf(newest) : undefined;
    const parsed = await this.#parsedAhead(corpus.files, previous);
    const { state, report } = buildIncrementally(corpus, previous, parsed ? { parsed } : {});
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
   * Resolves once the snapshot of the last model handed out is on disk; rejects with the error of
   * a deferred write that failed (the model was served all the same).
   */
  async flush(): Promise<void> {
    await this.#writing;
    const err = this.#writeError;
    this.#writeError = undefined;
    if (err !== undefined) throw err;
  }

  /**
   * Decodes the served snapshot's bookkeeping into the state the next reload starts from, if not
   * done yet (call when idle: after a start from the index, the first reload then need not).
   */
  warm(): void {
    const current = this.#current;
    if (!current || current.state) return;
    current.state = {
      columns: current.columns,
      reads: readsFromSection(current.readsBytes),
      exact: current.exact,
    };
  }

  /**
   * Reads the folder again and, when it changed, builds incrementally from the last build with
   * provisional stories (call {@link settle} next). `undefined` when nothing changed.
   */
  async reload(): Promise<Published | undefined> {
    await this.#writing;
    if (!this.#current) return this.open();
    const t0 = now();
    const { corpus, key, fingerprint } = await this.#load();
    const load = round(now() - t0);
    if (key === this.#current.key) return undefined;
    const t1 = now();
    this.warm();
    const previous = this.#current.state;
    const parsed = await this.#parsedAhead(corpus.files, previous);
    const { state, report } = buildIncrementally(corpus, previous, {
      provisional: true,
      ...(parsed ? { parsed } : {}),
    });
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

  /** Clusters the stories of a provisional build (same columns as a full build); `undefined` when already exact. */
  async settle(): Promise<Published | undefined> {
    await this.#writing;
    const current = this.#current;
    if (!current || current.exact || !current.state) return undefined;
    const t = now();
    const state = settle(current.state);
    const { columns } = state;
    const files = filesOfColumns(columns);
    return this.#publish(
      { key: current.key, state },
      {
        fingerprint: corpusFingerprint(files),
        skipped: columns.skipped,
        ...(columns.message !== undefined ? { message: columns.message } : {}),
        source: 'incremental',
        reusedFiles: files.length,
        ms: { load: 0, build: round(now() - t) },
      },
    );
  }
}
