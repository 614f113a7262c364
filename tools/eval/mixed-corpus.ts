/**
 * The "mixed corpus" evaluation of topic discovery: every MultiLing article in one flat folder
 * under a neutral name (nothing in the name says which story it belongs to), served through the
 * real pipeline (loader → classifier → … → stories), then compared with the ten source folders.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildModel,
  type CorpusModel,
  loadCorpus,
  sha256Hex,
  summarize,
} from '../../src/core/index.js';
import type { BenchTopic } from './bench-data.js';
import { auditCitations, summaryLines } from './evaluate.js';
import {
  bootstrapAverageResults,
  type RougeOptions,
  type RougeResult,
  scoreSummary,
} from './rouge.js';

/** How the stories of the mixed folder compare with the source folders. */
export interface MixedCorpusReport {
  readonly files: number;
  readonly stories: number;
  readonly facets: number;
  /** Fraction of files in a story whose majority folder is theirs. */
  readonly purity: number;
  /** Normalized mutual information of stories and folders (geometric mean normalization). */
  readonly nmi: number;
  /** Files that are in no story. */
  readonly filesInNoStory: number;
  /** Folders that are the majority folder of no story. */
  readonly foldersNotMajority: string[];
  /** ROUGE of each folder's story summary (the story holding most of its files) against its references. */
  readonly scores: RougeResult;
  readonly citations: { total: number; exact: number; nonContent: number };
  readonly buildMs: number;
}

function entropy(counts: readonly number[], n: number): number {
  return -counts.reduce((s, c) => (c > 0 ? s + (c / n) * Math.log(c / n) : s), 0);
}

/** Purity and NMI (Strehl & Ghosh 2002) of a clustering against gold labels. */
export function clusteringAgreement(clusters: readonly (readonly string[])[]): {
  purity: number;
  nmi: number;
} {
  const n = clusters.reduce((s, c) => s + c.length, 0);
  const classes = new Map<string, number>();
  for (const c of clusters) for (const l of c) classes.set(l, (classes.get(l) ?? 0) + 1);
  let majority = 0;
  let mutual = 0;
  for (const c of clusters) {
    const counts = new Map<string, number>();
    for (const l of c) counts.set(l, (counts.get(l) ?? 0) + 1);
    majority += Math.max(...counts.values());
    for (const [l, k] of counts)
      mutual += (k / n) * Math.log((k * n) / (c.length * classes.get(l)!));
  }
  const hc = entropy(
    clusters.map((c) => c.length),
    n,
  );
  const hk = entropy([...classes.values()], n);
  return {
    purity: majority / n,
    nmi: hc > 0 && hk > 0 ? mutual / Math.sqrt(hc * hk) : hc === hk ? 1 : 0,
  };
}

/** Copies the benchmark's articles into one folder under neutral names; returns name → folder. */
export function writeMixedFolder(dir: string, topics: readonly BenchTopic[]): Map<string, string> {
  const folderOf = new Map<string, string>();
  for (const t of topics)
    for (const d of t.documents) {
      const name = `doc-${sha256Hex(`${t.topic}/${d.file}`).slice(0, 12)}.txt`;
      writeFileSync(path.join(dir, name), d.text);
      folderOf.set(name, t.topic);
    }
  return folderOf;
}

function storyOfFolder(model: CorpusModel, folderOf: Map<string, string>, folder: string) {
  let best: { id: string; n: number; size: number } | undefined;
  for (const s of model.stories) {
    const n = s.files.filter((f) => folderOf.get(f) === folder).length;
    if (n > 0 && (!best || n > best.n || (n === best.n && s.files.length > best.size)))
      best = { id: s.topic.id, n, size: s.files.length };
  }
  return best?.id;
}

/**
 * Runs the mixed-corpus evaluation: stories against folders, and each folder's story summarized
 * at `maxWords` and scored against the folder's references (end to end, as a user would get it).
 */
export async function mixedCorpusReport(
  topics: readonly BenchTopic[],
  maxWords: number,
  options: RougeOptions,
): Promise<MixedCorpusReport> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citesum-mixed-'));
  try {
    const folderOf = writeMixedFolder(dir, topics);
    const started = performance.now();
    const model = buildModel(await loadCorpus(dir));
    const buildMs = performance.now() - started;
    const inStory = new Set(model.stories.flatMap((s) => s.files));
    const { purity, nmi } = clusteringAgreement(
      model.stories.map((s) => s.files.map((f) => folderOf.get(f)!)),
    );
    const majorityFolders = new Set(
      model.stories.map((s) => {
        const counts = new Map<string, number>();
        for (const f of s.files)
          counts.set(folderOf.get(f)!, (counts.get(folderOf.get(f)!) ?? 0) + 1);
        return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
      }),
    );
    const results: RougeResult[] = [];
    const summaries = [];
    for (const t of topics) {
      const id = storyOfFolder(model, folderOf, t.topic);
      const summary = id
        ? summarize(model, { topicId: id, maxWords, maxSentences: 1000 })!
        : undefined;
      if (summary) summaries.push(summary);
      results.push(scoreSummary(summary ? summaryLines(summary) : '', t.references, options));
    }
    const audit = auditCitations(model, summaries);
    return {
      files: model.files.length,
      stories: model.stories.length,
      facets: model.stories.reduce((n, s) => n + s.facets.length, 0),
      purity,
      nmi,
      filesInNoStory: model.files.filter((f) => !inStory.has(f.id)).length,
      foldersNotMajority: topics.map((t) => t.topic).filter((f) => !majorityFolders.has(f)),
      scores: bootstrapAverageResults(results),
      citations: { total: audit.citations, exact: audit.exact, nonContent: audit.nonContent },
      buildMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
