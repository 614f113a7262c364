import type { FileStamp, KnownFiles, SourceFile } from '../core/corpus/index.js';

/**
 * Files read by the last load, by id, with the stamp (size, modification and change times,
 * inode) they were read under: the next reload reads and hashes only files whose stamp changed.
 * A file modified within the last two seconds before it was read is not remembered: a second
 * write inside the file system's timestamp granularity could leave its stamp unchanged (git's
 * "racily clean" entries), so it is read again next time.
 */
export class StampedFiles implements KnownFiles {
  readonly #racyMs: number;
  #files = new Map<string, { stamp: FileStamp; file: SourceFile }>();
  #next = new Map<string, { stamp: FileStamp; file: SourceFile }>();
  #hits = 0;
  /** Files the last load reused instead of reading them. */
  reused = 0;

  /** `racyMs`: how recent a modification makes a file unsafe to remember (default 2 s). */
  constructor(options: { racyMs?: number } = {}) {
    this.#racyMs = options.racyMs ?? 2000;
  }

  get(id: string, stamp: FileStamp): SourceFile | undefined {
    const known = this.#files.get(id);
    if (!known) return undefined;
    const s = known.stamp;
    if (
      s.size !== stamp.size ||
      s.mtimeMs !== stamp.mtimeMs ||
      s.ctimeMs !== stamp.ctimeMs ||
      s.ino !== stamp.ino
    )
      return undefined;
    this.#next.set(id, known);
    this.#hits++;
    return known.file;
  }

  set(id: string, stamp: FileStamp, file: SourceFile): void {
    if (Math.max(stamp.mtimeMs, stamp.ctimeMs) > Date.now() - this.#racyMs) return;
    this.#next.set(id, { stamp, file });
  }

  /** The files known now with their stamps (what a snapshot records for the next start). */
  stamps(): Map<string, FileStamp> {
    return new Map([...this.#files].map(([id, k]) => [id, k.stamp]));
  }

  /**
   * Adds files read by an earlier process, with the stamps it recorded: the next load reuses
   * those whose stamps still match instead of reading and hashing them (a start on an unchanged
   * folder then reads its files' stamps, not their bytes).
   */
  seed(files: readonly SourceFile[], stamps: ReadonlyMap<string, FileStamp>): void {
    for (const file of files) {
      const stamp = stamps.get(file.id);
      if (stamp && !this.#files.has(file.id)) this.#files.set(file.id, { stamp, file });
    }
  }

  /** Ends a load: what it read or reused is what the next load compares against. */
  settle(): void {
    this.#files = this.#next;
    this.#next = new Map();
    this.reused = this.#hits;
    this.#hits = 0;
  }
}
