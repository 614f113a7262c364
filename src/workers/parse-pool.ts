import os from 'node:os';
import { Piscina } from 'piscina';
import type { SourceFile } from '../core/corpus/index.js';
import { parseFile, type ParsedDocument } from '../core/parse/index.js';
import { workerEntry } from './worker-entry.js';

/** Characters of source per parse task: small enough to share the work evenly, large enough that a message costs little. */
const BATCH_CHARS = 1 << 18;

/**
 * Parses Markdown and HTML files on every core: a pool of threads (one fewer than the cores) and
 * the calling thread take batches of files from one queue until none is left. Used by the
 * builder ahead of a build that must parse many files (a first build); returns each file's
 * `parseFile` result by id, exactly what the build would have computed itself.
 */
export async function parseInThreads(
  files: readonly Pick<SourceFile, 'id' | 'text'>[],
  threads = Math.max(1, os.availableParallelism() - 1),
): Promise<Map<string, ParsedDocument | undefined>> {
  const out = new Map<string, ParsedDocument | undefined>();
  if (files.length === 0) return out;
  const batches: Pick<SourceFile, 'id' | 'text'>[][] = [];
  let batch: Pick<SourceFile, 'id' | 'text'>[] = [];
  let chars = 0;
  for (const f of files) {
    batch.push(f);
    chars += f.text.length;
    if (chars >= BATCH_CHARS) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) batches.push(batch);
  const keep = (b: readonly Pick<SourceFile, 'id'>[], docs: (ParsedDocument | undefined)[]) =>
    b.forEach((f, k) => out.set(f.id, docs[k]));
  let next = 0;
  const pool = new Piscina({
    ...workerEntry('parse-worker'),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 0,
  });
  try {
    const inThread = async () => {
      while (next < batches.length) {
        const b = batches[next++]!;
        keep(
          b,
          (await pool.run(b.map((f) => ({ id: f.id, text: f.text })))) as (
            ParsedDocument | undefined
          )[],
        );
      }
    };
    const here = async () => {
      while (next < batches.length) {
        const b = batches[next++]!;
        keep(
          b,
          b.map((f) => parseFile(f)),
        );
        // Let the threads' answers in (and hand them their next batch) between two batches.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all([...Array.from({ length: threads }, inThread), here()]);
  } finally {
    await pool.destroy();
  }
  return out;
}
