/**
 * npm run eval — summary quality, measured.
 *
 * Prints the scorer's calibration against the published MultiLing 2011 scores, then citesum's
 * ROUGE on MultiLing 2011 English (250 words) and Opinosis (25 words) next to the baselines and
 * the official submissions, then a citation audit of the served corpus. Writes every summary as
 * plain text, one sentence per line, under eval-out/ (or EVAL_OUT) for any external ROUGE scorer,
 * reports the prose kept on the served folder, MultiLing and Opinosis as saved and reshaped
 * (tools/eval/prose-kept.ts), audits summaries of a folder of real Markdown (the READMEs of
 * node_modules, tools/eval/markdown.ts) and how the summaries of documentation folders read
 * (tools/eval/docs-quality.ts: the READMEs and the held-out docs-site fixture).
 * Exits 1 when the scorer is off calibration, the quality bar is missed, or a citation fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus, modelFromTexts } from '../../src/core/index.js';
import { SELECTION, SELECTION_GRID } from '../../src/core/summarize/index.js';
import {
  benchAvailable,
  benchDir,
  loadMultiLing,
  loadMultiLingPeers,
  loadOpinosis,
} from './bench-data.js';
import {
  CALIBRATION_TOLERANCE,
  calibrationReport,
  leadBaselineSummary,
  opinosisFirstLine,
  PUBLISHED_MULTILING,
} from './calibrate.js';
import { auditCitations, buildModel, corpusSummaries, runCitesum, scoreFixed } from './evaluate.js';
import { docsQuality, docsQualityTable } from './docs-quality.js';
import { markdownReport, markdownTable } from './markdown.js';
import { compareSolvers, pointLabel } from './loto.js';
import { mixedCorpusReport } from './mixed-corpus.js';
import { proseKeptMet, proseKeptRows, proseKeptTable } from './prose-kept.js';
import { DEFECTS, readabilityReport, readabilityRows } from './readability.js';
import { DUC_OPTIONS, MULTILING_OPTIONS, OPINOSIS_OPTIONS, type RougeResult } from './rouge.js';
import { timeSummarize } from './timing.js';
import { solverReady } from '../../src/core/index.js';

await solverReady;

const BAR_ROUGE2 = 16.0;
/** Held-out MultiLing ROUGE-2 recall the summarizer must reach (leave-one-topic-out). */
const BAR_HELD_OUT_ROUGE2 = 17.5;
/** Most readability defects of each kind per 100 MultiLing summary sentences. */
const BAR_DEFECTS = 2;
/** Most documentation defects (colon intros, definition fragments, dangling openings, templates) per 100 summary sentences. */
const BAR_DOC_DEFECTS = 1;
/** Largest share of story and facet labels of the kinds no reader writes. */
const BAR_BAD_LABELS = 0.02;
const out = path.resolve(process.env.EVAL_OUT ?? 'eval-out');
const pct = (x: number) => (x * 100).toFixed(2).padStart(6);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
let failed = false;

function recallRow(label: string, r: RougeResult): string {
  return `${label.padEnd(34)} | ${pct(r.rouge1.recall)} | ${pct(r.rouge2.recall)} | ${pct(r.rougeSU4.recall)}`;
}
function rpfRow(label: string, r: RougeResult): string {
  const cell = (s: { recall: number; precision: number; f: number }) =>
    `${pct(s.recall)} ${pct(s.precision)} ${pct(s.f)}`;
  return `${label.padEnd(34)} | ${cell(r.rouge1)} | ${cell(r.rouge2)} | ${cell(r.rougeSU4)}`;
}
function writeSummaries(folder: string, summaries: { topic: string; text: string }[]): void {
  mkdirSync(folder, { recursive: true });
  for (const s of summaries) writeFileSync(path.join(folder, `${s.topic}.txt`), `${s.text}\n`);
}

if (!benchAvailable()) {
  console.error(`benchmark folder not found at ${benchDir()} (set BENCH_DIR)`);
  process.exit(1);
}

// 1. The scorer, calibrated.
const calibration = calibrationReport();
console.log('# Scorer calibration (ROUGE-1.5.5 reimplementation)\n');
console.log(calibration.text);
if (calibration.maxAbsDiff > CALIBRATION_TOLERANCE) {
  console.log(
    `\nFAIL: scorer is ${calibration.maxAbsDiff.toFixed(2)} points off the published scores`,
  );
  failed = true;
}

// 2. MultiLing 2011 English, 250 words, official settings.
const multiling = loadMultiLing();
// Leave-one-topic-out first: it also warms the solver's WebAssembly up for the timings below.
const mlModels = multiling.map((t) => modelFromTexts(t.documents, { topics: false }));
const solvers = compareSolvers(multiling, mlModels, SELECTION_GRID, 250, MULTILING_OPTIONS);
const heldOut = solvers[solvers.winner];
const ml = runCitesum(multiling, 250, MULTILING_OPTIONS);
writeSummaries(path.join(out, 'multiling2011-en'), ml.summaries);
const peers = loadMultiLingPeers();
console.log(
  '\n# MultiLing 2011 English: 10 topics, ≤ 250 words, ROUGE recall % (-a -x -2 4 -u -c 95 -r 1000 -n 2 -f A -p 0.5 -t 0)\n',
);
console.log(`${'system'.padEnd(34)} |   R-1  |   R-2  |  SU4`);
console.log(recallRow(`citesum held out (LOTO, ${solvers.winner})`, heldOut.heldOut));
console.log(recallRow('citesum in sample (defaults)', ml.scores));
console.log(
  recallRow(
    'lead baseline (first sentences)',
    scoreFixed(multiling, (t) => leadBaselineSummary(t), MULTILING_OPTIONS),
  ),
);
for (const id of Object.keys(PUBLISHED_MULTILING).sort(
  (a, b) => PUBLISHED_MULTILING[b]![1] - PUBLISHED_MULTILING[a]![1],
)) {
  const label =
    id === 'ID10'
      ? `${id} (topline, used the references)`
      : id === 'ID9'
        ? `${id} (centroid baseline)`
        : id;
  console.log(
    recallRow(
      `official ${label}`,
      scoreFixed(multiling, (t) => peers[id]?.[t.topic] ?? '', MULTILING_OPTIONS),
    ),
  );
}
console.log(
  `\nsummarize one topic (10 articles, model built from the texts): median ${median(ml.millis).toFixed(0)} ms, max ${Math.max(...ml.millis).toFixed(0)} ms`,
);
const r2 = ml.scores.rouge2.recall * 100;
console.log(
  `bar: ROUGE-2 ≥ ${BAR_ROUGE2.toFixed(2)} → ${r2 >= BAR_ROUGE2 ? 'met' : 'MISSED'} (${r2.toFixed(2)}); best official submission ID3 17.35 → ${r2 > 17.35 ? 'beaten' : 'not beaten'}`,
);
if (r2 < BAR_ROUGE2) failed = true;

// 2a. Held out: the tuned constants chosen by leave-one-topic-out, for the exact ILP and greedy.
console.log(
  '\n## Leave-one-topic-out (each topic summarized with constants chosen on the other nine)\n',
);
console.log(solvers.lines.join('\n'));
const ho2 = heldOut.heldOut.rouge2.recall * 100;
const defaults = pointLabel(heldOut.inSample.point);
const shipped = Object.keys(heldOut.inSample.point)
  .map((k) => `${k}=${SELECTION[k as keyof typeof SELECTION]}`)
  .join(' ');
console.log(
  `defaults (${shipped}) ${shipped === defaults ? 'are' : 'are NOT'} the in-sample choice (${defaults})\nbar: held-out ROUGE-2 ≥ ${BAR_HELD_OUT_ROUGE2.toFixed(2)} → ${ho2 >= BAR_HELD_OUT_ROUGE2 ? 'met' : 'MISSED'} (${ho2.toFixed(2)})`,
);
if (ho2 < BAR_HELD_OUT_ROUGE2 || shipped !== defaults) failed = true;

// 2c. The same topics at 100 words, scored as DUC 2004 is: every constant was chosen at 250
// words, so this length is held out. Published 100-word systems ran on DUC 2004, not on these
// topics; the official MultiLing submissions cut to their first 100 words are the same topics.
const ml100 = runCitesum(multiling, 100, DUC_OPTIONS);
writeSummaries(path.join(out, 'multiling2011-en-100'), ml100.summaries);
console.log(
  '\n## The same topics at ≤ 100 words, DUC 2004 settings (-n 4 -m -a -l 100 -x), recall %\n',
);
console.log(`${'system'.padEnd(34)} |   R-1  |   R-2  |  SU4`);
console.log(recallRow('citesum (maxWords 100)', ml100.scores));
console.log(
  recallRow(
    'lead baseline (first sentences)',
    scoreFixed(multiling, (t) => leadBaselineSummary(t, 100), DUC_OPTIONS),
  ),
);
for (const id of ['ID3', 'ID2', 'ID4'])
  console.log(
    recallRow(
      `official ${id}, first 100 words`,
      scoreFixed(multiling, (t) => peers[id]?.[t.topic] ?? '', DUC_OPTIONS),
    ),
  );
console.log(
  'published on DUC 2004 (another dataset, for scale): ICSISumm 38.44 / 9.81, DPP 39.84 / 9.62, Submodular 39.23 / 9.37, LexRank 36.00 / 7.51 (R-1 / R-2)',
);

// 2b. The same articles as one mixed folder: stories found, then each folder's story summarized.
const mixed = await mixedCorpusReport(multiling, 250, MULTILING_OPTIONS);
console.log(
  `\n# Mixed corpus: all ${mixed.files} MultiLing articles in one folder under neutral names, through the real pipeline\n`,
);
console.log(
  `stories ${mixed.stories} (facets ${mixed.facets}) for 10 folders · purity ${mixed.purity.toFixed(3)} · NMI ${mixed.nmi.toFixed(3)} · files in no story ${mixed.filesInNoStory} · folders that are no story's majority: ${mixed.foldersNotMajority.join(', ') || 'none'} · build ${(mixed.buildMs / 1000).toFixed(1)} s`,
);
console.log(`\n${'end to end, ≤ 250 words'.padEnd(34)} |   R-1  |   R-2  |  SU4`);
console.log(recallRow("each folder's story (GET summary)", mixed.scores));
console.log(recallRow('each folder posted (POST summarize)', ml.scores));
console.log(
  `citations of the story summaries: ${mixed.citations.exact}/${mixed.citations.total} exact, ${mixed.citations.nonContent} on non-content lines`,
);
const mixedOk =
  mixed.stories >= 8 &&
  mixed.stories <= 12 &&
  mixed.purity >= 0.95 &&
  mixed.foldersNotMajority.length === 0 &&
  mixed.filesInNoStory <= mixed.files * 0.05 &&
  mixed.scores.rouge2.recall * 100 >= 17.0 &&
  mixed.citations.exact === mixed.citations.total;
console.log(
  `bar: 8–12 stories, purity ≥ 0.95, every folder a story's majority, ≤ 5% files in no story, ROUGE-2 ≥ 17.00, every citation exact → ${mixedOk ? 'met' : 'MISSED'}`,
);
if (!mixedOk) failed = true;

// 3. Opinosis, 25 words.
const opinosis = loadOpinosis();
const op = runCitesum(opinosis, 25, OPINOSIS_OPTIONS);
writeSummaries(path.join(out, 'opinosis'), op.summaries);
const first = scoreFixed(opinosis, opinosisFirstLine, OPINOSIS_OPTIONS);
console.log(
  '\n# Opinosis 1.0: 51 topics, ≤ 25 words, ROUGE % recall / precision / F (-n 2 -2 4 -u -m -s -c 95 -r 1000 -f A -p 0.5 -t 0)\n',
);
console.log(
  `${'system'.padEnd(34)} |  R-1 R    P      F   |  R-2 R    P      F   |  SU4 R    P      F`,
);
console.log(rpfRow('citesum', op.scores));
console.log(rpfRow('first line of sentences.txt', first));
console.log(
  `\nbar: ROUGE-1 F above the first-sentence baseline → ${op.scores.rouge1.f > first.rouge1.f ? 'met' : 'MISSED'}`,
);
if (op.scores.rouge1.f <= first.rouge1.f) failed = true;

// 4. The served corpus: every citation re-checked.
const dataDir = process.env.DATA_DIR ?? 'data';
const model = buildModel(await loadCorpus(dataDir));
const seedSummaries = corpusSummaries(model);
const audit = auditCitations(model, seedSummaries);
console.log(
  `\n# Citations on ${dataDir}/ (${model.files.length} files, ${model.stories.length} stories with ${model.stories.reduce((n, s) => n + s.facets.length, 0)} facets; corpus summary + one per story and facet)\n`,
);
console.log(
  `summaries ${audit.summaries}, sentences ${audit.sentences}, citations ${audit.citations}, re-check exactly ${audit.exact}/${audit.citations}, cite non-content lines ${audit.nonContent}, sentences with several sources ${audit.multiSource}`,
);
if (audit.exact !== audit.citations || audit.nonContent !== 0) failed = true;

// 4b. Prose kept: the served folder and MultiLing as they are and in every shape users save
// articles in (one line, a paragraph per line, wrapped at 72), newswire quotes, each saved twice.
const served = model.files.map((f) => ({ file: f.id, text: f.text }));
const prose = [
  ...proseKeptRows(`${dataDir}/`, served),
  ...proseKeptRows(
    'MultiLing 2011',
    multiling.flatMap((t) =>
      t.documents.map((d) => ({ file: `${t.topic}/${d.file}`, text: d.text })),
    ),
  ),
  ...proseKeptRows(
    'Opinosis',
    opinosis.map((t) => ({ file: `${t.topic}.txt`, text: t.documents[0]!.text })),
    [],
  ),
];
console.log(
  '\n# Prose kept: sentence-shaped text that ends up content or duplicate, as saved and reshaped (newswire quotes, every article also under a second name)\n',
);
console.log(proseKeptTable(prose));
const proseOk = proseKeptMet(prose);
console.log(
  `\nbar: in every shape ≥ 99.50% of the original's content sentences kept, no file without content, every copy names its original → ${proseOk ? 'met' : 'MISSED'}`,
);
if (!proseOk) failed = true;

// 5. Markdown as users have it: the README.md files of node_modules, as Markdown and as plain lines.
const md = await markdownReport();
console.log(
  `\n# Markdown: the README.md of every installed package (${md.readmes} files, ${(md.bytes / 1e6).toFixed(1)} MB, copied to a temporary folder); corpus summary + one per story and facet\n`,
);
console.log(markdownTable(md));
const mdOk = md.asMarkdown.faulty === 0 && md.asMarkdown.exact === md.asMarkdown.citations;
console.log(
  `bar: no summary sentence cites code/HTML/badges/tables/definitions and none carries Markdown syntax, every citation exact → ${mdOk ? 'met' : 'MISSED'}`,
);
if (!mdOk) failed = true;

// 5b. Documentation folders read well: the READMEs above and a documentation site written for the
// tests (test/fixtures/docs-site, held out: no rule was written on it).
const docsSite = buildModel(await loadCorpus(path.resolve('test/fixtures/docs-site')));
const docsRows = [
  { label: 'READMEs (node_modules)', q: md.docs },
  { label: 'docs site (held-out fixture)', q: docsQuality(docsSite, corpusSummaries(docsSite)) },
];
console.log(
  '\n# Documentation folders: defects per 100 summary sentences (corpus, stories, facets) and labels of stories and facets no reader would write\n',
);
console.log(docsQualityTable(docsRows));
// Every kind counts against the bar: the summarizer's reading defects (intros, fragments,
// dangling openings) and the templates the classifier's repetition rule leaves in.
const docsOk = docsRows.every(
  ({ q }) => q.defectsPer100 <= BAR_DOC_DEFECTS && q.badLabels <= BAR_BAD_LABELS * q.labels,
);
console.log(
  `bar: colon intros, definition fragments, dangling openings and templates ≤ ${BAR_DOC_DEFECTS} per 100 summary sentences and ≤ ${BAR_BAD_LABELS * 100}% bad labels on each folder → ${docsOk ? 'met' : 'MISSED'} (${docsRows.map(({ label, q }) => `${label} ${q.defectsPer100.toFixed(2)}`).join(', ')})`,
);
if (!docsOk) failed = true;
// 6. Readability defects next to ROUGE, and the time of one posted topic.
const readability = [
  { label: 'MultiLing (≤ 250 words)', report: readabilityReport(ml.items) },
  { label: 'Opinosis (≤ 25 words)', report: readabilityReport(op.items) },
  {
    label: `${dataDir}/ (corpus, stories, facets)`,
    report: readabilityReport(seedSummaries.map((summary) => ({ summary, model }))),
  },
];
console.log('\n# Readability: defects per 100 summary sentences\n');
console.log(readabilityRows(readability));
const worst = Math.max(...DEFECTS.map((d) => readability[0]!.report.per100[d]));
console.log(
  `\nbar: each kind ≤ ${BAR_DEFECTS} per 100 MultiLing sentences → ${worst <= BAR_DEFECTS ? 'met' : 'MISSED'} (worst ${worst.toFixed(2)})`,
);
if (worst > BAR_DEFECTS) failed = true;
console.log(
  '\n# POST /v1/summarize, one MultiLing topic (10 articles), in-process, 3 rounds of the 10 topics after a warm-up round\n',
);
for (const body of [{}, { maxSentences: 50 }]) {
  const t = await timeSummarize(multiling, body);
  console.log(
    `${(JSON.stringify(body) === '{}' ? 'default options' : JSON.stringify(body)).padEnd(20)} median ${t.wallMedian.toFixed(1)} ms wall, ${t.cpuMedian.toFixed(1)} ms CPU; solver ${t.solverCpuMedian.toFixed(1)} ms CPU (median share ${(t.solverShare * 100).toFixed(0)}%); limit hit in ${t.limitHits} of ${t.solves} solves`,
  );
}

console.log(`\nsummaries written to ${out}/ (one sentence per line)`);
process.exit(failed ? 1 : 0);
