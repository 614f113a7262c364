import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SkippedFile } from '../../schemas/document.js';

/**
 * Where snapshots live: the index folder (`INDEX_DIR`), its default beside the data folder, the
 * name of a corpus state's snapshot, and the removal of snapshots no longer needed.
 */

/**
 * The default index folder: hidden, beside the data folder (never inside it), named after the
 * data folder's absolute path so two data folders in one parent never share an index.
 *
 * @example
 * defaultIndexDir('/srv/news') // '/srv/.citesum-index-3f2a…' (12 hex digits)
 */
export function defaultIndexDir(dataDir: string): string {
  const abs = path.resolve(dataDir);
  const hash = createHash('sha256').update(abs).digest('hex').slice(0, 12);
  return path.join(path.dirname(abs), `.citesum-index-${hash}`);
}

/** True when `inner` is `outer` or lies inside it (after resolving both). */
export function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(path.resolve(outer), path.resolve(inner));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The key of a corpus state: its fingerprint (files and their SHA-256), its skipped files with
 * reasons and its message. Equal keys, equal served corpora.
 */
export function corpusKey(state: {
  fingerprint: string;
  skipped: readonly SkippedFile[];
  message?: string | undefined;
}): string {
  return createHash('sha256')
    .update(`${state.fingerprint}\n${JSON.stringify(state.skipped)}\n${state.message ?? ''}`)
    .digest('hex')
    .slice(0, 32);
}

/** The snapshot file of a corpus state: `<key>.snap`, or `<key>.provisional.snap` before its stories settle. */
export function snapshotName(key: string, exact: boolean): string {
  return exact ? `${key}.snap` : `${key}.provisional.snap`;
}

/** Snapshot files of an index folder, newest first. */
export function listSnapshots(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.snap'));
  } catch {
    return [];
  }
  return names
    .map((n) => {
      const file = path.join(dir, n);
      try {
        return { file, mtime: statSync(file).mtimeMs };
      } catch {
        return undefined;
      }
    })
    .filter((x): x is { file: string; mtime: number } => x !== undefined)
    .sort((a, b) => b.mtime - a.mtime || (a.file < b.file ? -1 : 1))
    .map((x) => x.file);
}

/**
 * Removes the snapshots of an index folder other than `keep`, and temporary files a crashed
 * writer left (older than an hour). Best effort: a file another process still reads is unlinked
 * but stays readable through its open handle.
 */
export function pruneSnapshots(dir: string, keep: readonly string[]): void {
  const kept = new Set(keep.map((f) => path.resolve(f)));
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const hourAgo = Date.now() - 3_600_000;
  for (const n of names) {
    const file = path.join(dir, n);
    try {
      if (n.endsWith('.snap') && !kept.has(path.resolve(file))) rmSync(file, { force: true });
      else if (n.endsWith('.tmp') && statSync(file).mtimeMs < hourAgo)
        rmSync(file, { force: true });
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/** Creates the index folder, or a temporary one when it cannot be written (returned with `persisted: false`). */
export function ensureIndexDir(dir: string): { dir: string; persisted: boolean; reason?: string } {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = mkdtempSync(path.join(dir, '.probe-'));
    rmSync(probe, { recursive: true, force: true });
    return { dir, persisted: true };
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? String(err);
    return { dir: mkdtempSync(path.join(os.tmpdir(), 'citesum-index-')), persisted: false, reason };
  }
}
