/**
 * The first build of a folder, stage by stage:
 * `npx tsx tools/bench/build-stages.ts [--parse-ahead] <dir> [out.snap]`.
 *
 * Runs the stages in the order and with the calls `buildIncrementally` (the builder of
 * `npm run index` and of the server's first start) makes, and times each: load, parse (Markdown
 * and HTML), line reading (rendering markup lines, distinct lines), repetition counts,
 * classification (recording what each file read of the counts, as the builder does), segmentation and tokenisation, the columns, the term index, story clustering,
 * facets and naming, and the snapshot write (then, outside the totals, the stories alone). Parse, reading, classification and segmentation
 * are timed per file and summed (a build interleaves them per file); everything else once.
 * `--parse-ahead`: Markdown and HTML files are parsed first on every core (src/workers/parse-pool.ts),
 * as `npm run index` and the server's builder do; `parse` then counts only what is left.
 * Prints a JSON line: each stage's milliseconds, the total, CPU time, peak RSS, and a digest of
 * the snapshot's column sections (the model every answer reads; the builder's `reads` bookkeeping
 * is v8-serialized and not byte-stable across runs) so two versions of the code can be checked to build the same bytes.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classifyEach, distinctLines, type FileLines } from '../../src/core/classify/index.js';
import { LineColumnsBuilder } from '../../src/core/classify/line-columns.js';
import { fileColumns } from '../../src/core/corpus/file-columns.js';
import { formatOf, loadCorpus, type SourceFile } from '../../src/core/corpus/index.js';
import { modelFromColumns, storiesWithCopies } from '../../src/core/model.js';
import {
  lazyParsedFiles,
  type ParsedDocument,
  type ParsedFiles,
} from '../../src/core/parse/index.js';
import { Dictionary } from '../../src/core/shared/shared-arrays.js';
import { SentenceColumnsBuilder, segmentFileSafely } from '../../src/core/segment/index.js';
import { nlp } from '../../src/core/text/nlp.js';
import { discoverStories } from '../../src/core/topics/index.js';
import { storyColumns } from '../../src/core/topics/story-columns.js';
import { fileKey } from '../../src/store/incremental.js';
import { COLUMN_SECTIONS, snapshotSections } from '../../src/store/model-snapshot.js';
import { pipelineVersion, SNAPSHOT_FORMAT } from '../../src/store/pipeline-version.js';
import { type Reads, recordReads } from '../../src/store/read-record.js';
import { writeSnapshot } from '../../src/store/snapshot-file.js';
import { parseInThreads } from '../../src/workers/parse-pool.js';

const args = process.argv.slice(2);
const parseAhead = args.includes('--parse-ahead');
const [dir, out] = args.filter((a) => !a.startsWith('--'));
if (!dir) throw new Error('usage: build-stages [--parse-ahead] <dir> [out.snap]');

const ms: Record<string, number> = {};
const add = (stage: string, t: number) => (ms[stage] = (ms[stage] ?? 0) + performance.now() - t);
function timed<T>(stage: string, fn: () => T): T {
  const t = performance.now();
  try {
    return fn();
  } finally {
    add(stage, t);
  }
}

// The language model loads before anything is timed (a server loads it once too).
nlp().readDoc('Warm up the model. It is loaded once.');
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const corpus = await timed('load', () => loadCorpus(dir));
ms.load = performance.now() - t0;
const files = corpus.files;

// --parse-ahead: Markdown and HTML parsed first on every core, as the builder does.
let ready: ReadonlyMap<string, ParsedDocument | undefined> | undefined;
if (parseAhead) {
  const t = performance.now();
  ready = await parseInThreads(files.filter((f) => formatOf(f.id) !== 'plain'));
  add('parse ahead (threads)', t);
}
// Parsing happens when a stage first asks for a file: timed inside the lazy cache.
const lazy = lazyParsedFiles(files, ready);
const parsedIds = new Set<string>();
const parsed: ParsedFiles = {
  get(id) {
    if (parsedIds.has(id)) return lazy.get(id);
    parsedIds.add(id);
    return timed('parse', () => lazy.get(id));
  },
  release: (id) => lazy.release!(id),
};
const reads = new Map<string, Reads>();
const lines = new LineColumnsBuilder();
const sentences = new SentenceColumnsBuilder({ stems: new Dictionary(), words: new Dictionary() });
let fileIndex = 0;
const parseMs = () => ms.parse ?? 0;
const classifyStart = performance.now();
classifyEach(
  files,
  parsed,
  {
    // Reading a file's lines includes parsing it (subtracted below) and its distinct lines.
    fileLines: (_file: SourceFile, read: () => FileLines) => {
      const before = parseMs();
      const t = performance.now();
      const r = read();
      distinctLines(r);
      ms.read = (ms.read ?? 0) + performance.now() - t - (parseMs() - before);
      return r;
    },
    // As the builder does: what each file's rules read of the counts is recorded (for reloads).
    classifyFile: (file, repetition, classify) => {
      if (ms.repetition === undefined)
        ms.repetition = performance.now() - classifyStart - (ms.read ?? 0) - parseMs();
      return timed('classify', () => {
        const rec = recordReads(repetition);
        const out = classify(rec.view);
        reads.set(fileKey(file), rec.reads());
        return out;
      });
    },
  },
  (file, fileLines) => {
    timed('columns', () => lines.add(fileLines!));
    const segs = timed('segment', () => segmentFileSafely(file, fileLines!, parsed));
    timed('columns', () => {
      for (const s of segs) sentences.add(fileIndex, s);
    });
    parsed.release?.(file.id);
    fileIndex++;
  },
);
const base = timed('columns', () => ({
  files: fileColumns(files),
  lines: lines.finish(),
  sentences: sentences.finish(),
  stories: storyColumns([]),
  skipped: corpus.skipped,
  ...(corpus.message !== undefined ? { message: corpus.message } : {}),
}));
const model = modelFromColumns(base, { files });
timed('sentence views', () => model.sentences);
const index = timed('term index', () => model.index);
const withFacets = timed('stories+facets', () => discoverStories(model.sentences, index));
const columns = timed('story columns', () => ({
  ...base,
  stories: storyColumns(storiesWithCopies(withFacets, model)),
}));
const buildMs = performance.now() - t0;
const tmp = out ? undefined : mkdtempSync(path.join(os.tmpdir(), 'build-stages-'));
const file = out ?? path.join(tmp!, 'model.snap');
// Each section's SHA-256 as it is written (stamps left out: they hold times).
const sectionDigests: Record<string, string> = {};
timed('snapshot write', () => {
  const made = snapshotSections(columns, { stamps: new Map(), reads });
  const hashed = Object.fromEntries(
    Object.entries(made).map(([name, section]) => [
      name,
      () => {
        const bytes = typeof section === 'function' ? section() : section;
        sectionDigests[name] = createHash('sha256').update(bytes).digest('hex');
        return bytes;
      },
    ]),
  );
  writeSnapshot(
    file,
    { format: SNAPSHOT_FORMAT, pipeline: pipelineVersion(), fingerprint: '', exact: true },
    hashed,
  );
});
const totalMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const digest = createHash('sha256');
for (const name of Object.keys(sectionDigests).sort())
  if (COLUMN_SECTIONS.includes(name)) digest.update(`${name} ${sectionDigests[name]}\n`);
if (tmp) rmSync(tmp, { recursive: true, force: true });
// Stories alone (no facets), outside the totals: splits the clustering from the facets.
const stories = timed('of which stories', () =>
  discoverStories(model.sentences, index, { facets: false }),
);
const round = (x: number) => Math.round(x);
process.stdout.write(
  `${JSON.stringify({
    dir,
    files: files.length,
    sentences: model.sentences.length,
    stories: stories.length,
    stagesMs: Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, round(v)])),
    buildMs: round(buildMs),
    totalMs: round(totalMs),
    cpuMs: round((cpu.user + cpu.system) / 1000),
    peakRssMb: round(process.resourceUsage().maxRSS / 1024),
    columnsSha256: digest.digest('hex'),
    sections: Object.fromEntries(
      Object.entries(sectionDigests).map(([k, v]) => [k, v.slice(0, 16)]),
    ),
  })}\n`,
);
