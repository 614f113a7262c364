import path from 'node:path';
import { loadConfigOrExit } from './config.js';
import { IndexBuilder } from './store/index-builder.js';
import { parseInThreads } from './workers/parse-pool.js';

/**
 * `npm run index`: builds the persisted index of `DATA_DIR` into `INDEX_DIR` once, in this
 * process, and exits; servers started on the same folder and index then load it instead of
 * building (see docs/serving.md, "Replicas"). Prints one JSON line saying what it did.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const started = performance.now();
  const published = await new IndexBuilder(
    {
      dataDir: config.dataDir,
      indexDir: config.indexDir,
      maxFileBytes: config.maxFileBytes,
    },
    undefined,
    { parseAhead: parseInThreads },
  ).open();
  const line = {
    dataDir: path.resolve(config.dataDir),
    index: published.file,
    source: published.source,
    files: published.files,
    skipped: published.skipped.length,
    fingerprint: published.fingerprint,
    ms: Math.round(performance.now() - started),
    ...(published.refused ? { refused: published.refused } : {}),
    ...(published.fallback ? { fallback: published.fallback } : {}),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  if (published.fallback) {
    process.stderr.write(
      `citesum: INDEX_DIR ${config.indexDir} cannot be written (${published.fallback.reason})\n`,
    );
    process.exit(1);
  }
}

await main();
