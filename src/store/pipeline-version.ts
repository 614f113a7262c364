import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Version of the persisted model data. Raise it whenever what a snapshot stores changes shape
 * (a section added, a field's meaning changed); older snapshots are then rebuilt, never read.
 */
export const SNAPSHOT_FORMAT = 2;

const CORE_DIR = fileURLToPath(new URL('../core/', import.meta.url));
const STORE_DIR = fileURLToPath(new URL('./', import.meta.url));
const LOCKFILE = fileURLToPath(new URL('../../package-lock.json', import.meta.url));

function sources(dir: string, out: string[]): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) sources(full, out);
    else if (e.isFile()) out.push(full);
  }
  return out;
}

let cached: string | undefined;

/**
 * Digest of the code that computes and stores a model: every file of `src/core` and `src/store`
 * and the lockfile (the wink-nlp model and every other dependency's version). A snapshot built
 * by other code is rebuilt: a changed classifier rule, or a changed layout of the snapshot itself,
 * must never be answered from an index that code did not write.
 */
export function pipelineVersion(): string {
  if (cached) return cached;
  const h = createHash('sha256').update(`format ${SNAPSHOT_FORMAT}\n`);
  for (const dir of [CORE_DIR, STORE_DIR])
    for (const file of sources(dir, [])) {
      h.update(path.relative(dir, file)).update('\u0000').update(readFileSync(file));
      h.update('\u0000');
    }
  try {
    h.update(readFileSync(LOCKFILE));
  } catch {
    // Installed without a lockfile: the core's sources still key the index.
  }
  cached = h.digest('hex');
  return cached;
}
