import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Version of the persisted model data. Raise it whenever what a snapshot stores changes shape
 * (a section added, a field's meaning changed); older snapshots are then rebuilt, never read.
 */
export const SNAPSHOT_FORMAT = 4;

/**
 * Where the compiled service finds the digest of the sources it was compiled from: written beside
 * the compiled form of this module by the build (tools/build.mjs).
 */
export const PIPELINE_VERSION_FILE = 'pipeline-version.json';

/** True when this module is `tsc` output (dist/src/store/), false when it runs from its source. */
const COMPILED = import.meta.url.endsWith('.js');

/** The repository's root: two folders up from the source, three from the compiled module. */
const ROOT = fileURLToPath(new URL(COMPILED ? '../../../' : '../../', import.meta.url));

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

/**
 * Digest of the TypeScript sources that compute and store a model under `root`: every file of
 * `src/core` and `src/store`, and the lockfile (the wink-nlp model and every other dependency's
 * version). The build computes it from the sources it compiles and stores it in dist/, so the
 * compiled service and the sources run by tsx key the same index the same way.
 */
export function sourceDigest(root: string = ROOT): string {
  const h = createHash('sha256').update(`format ${SNAPSHOT_FORMAT}\n`);
  for (const dir of [path.join(root, 'src', 'core'), path.join(root, 'src', 'store')])
    for (const file of sources(dir, [])) {
      h.update(path.relative(dir, file)).update('\u0000').update(readFileSync(file));
      h.update('\u0000');
    }
  try {
    h.update(readFileSync(path.join(root, 'package-lock.json')));
  } catch {
    // Installed without a lockfile: the core's sources still key the index.
  }
  return h.digest('hex');
}

/** The digest the build stored beside the compiled module, if any. */
function builtDigest(): string | undefined {
  if (!COMPILED) return undefined;
  try {
    const stored = JSON.parse(
      readFileSync(new URL(`./${PIPELINE_VERSION_FILE}`, import.meta.url), 'utf8'),
    ) as { pipeline?: unknown };
    return typeof stored.pipeline === 'string' ? stored.pipeline : undefined;
  } catch {
    return undefined;
  }
}

let cached: string | undefined;

/**
 * Digest of the code that computes and stores a model ({@link sourceDigest}): read from dist/ when
 * the service runs compiled, computed from the sources otherwise. A snapshot built by other code
 * is rebuilt: a changed classifier rule, or a changed layout of the snapshot itself, must never
 * be answered from an index that code did not write.
 */
export function pipelineVersion(): string {
  cached ??= builtDigest() ?? sourceDigest();
  return cached;
}
