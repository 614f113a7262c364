/**
 * Hostile files (issue 24): the five files of the issue in one folder (nested.md, deep.html, a
 * note, an 8.1 MB line of words with no sentence end, an 8.7 MB line of sentences), and apart:
 * the three small ones, the run-on line, and the same words written as sentences in paragraphs.
 * Each folder is built (loadCorpus + buildModel, stories included) in a fresh process
 * (hostile-child.ts); the run-on line and its paragraphs alternate, and the ratio is the median of
 * the per-round ratios, since the machine is shared.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { forkTs } from './child-processes.js';
import type { HostileBuild } from './hostile-child.js';
import { hostileFolder, sentenceParagraphs } from './hostile-files.js';
import {
  fmtMs,
  fmtNum,
  fmtRatio,
  markdownTable,
  median,
  round,
  type TargetCheck,
} from './stats.js';

/** One folder's builds: its size and the median of its rounds. */
export interface HostileRow {
  readonly folder: string;
  readonly files: number;
  readonly bytes: number;
  readonly sentences: number;
  readonly ms: number;
  readonly peakRssMb: number;
  readonly rounds: number;
  readonly fallbacks: readonly string[];
  readonly skipped: number;
  readonly logged: number;
  readonly stackTraces: number;
}

/** The section's results: one row per folder, and the run-on / paragraphs ratio. */
export interface HostileResult {
  readonly rows: readonly HostileRow[];
  /** Median of the per-round ratios: run-on line / the same words in paragraphs. */
  readonly runOnRatio: number;
}

function build(dir: string): Promise<HostileBuild> {
  return forkTs<HostileBuild>('hostile-child.ts', [dir], { ...process.env }).first;
}

function write(dir: string, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function row(folder: string, builds: readonly HostileBuild[]): HostileRow {
  const last = builds[builds.length - 1]!;
  return {
    folder,
    files: last.files,
    bytes: last.bytes,
    sentences: last.sentences,
    ms: round(median(builds.map((b) => b.ms)), 0),
    peakRssMb: round(Math.max(...builds.map((b) => b.peakRssMb)), 0),
    rounds: builds.length,
    fallbacks: last.fallbacks,
    skipped: last.skipped,
    logged: Math.max(...builds.map((b) => b.logged)),
    stackTraces: Math.max(...builds.map((b) => b.stackTraces)),
  };
}

/** Builds the hostile folders `rounds` times each, under `tmp`. */
export async function benchHostile(tmp: string, rounds: number): Promise<HostileResult> {
  const five = hostileFolder();
  const root = path.join(tmp, 'hostile');
  const dirs = {
    five: write(path.join(root, 'five'), five),
    small: write(path.join(root, 'small'), {
      'nested.md': five['nested.md']!,
      'deep.html': five['deep.html']!,
      'note.txt': five['note.txt']!,
    }),
    runOn: write(path.join(root, 'run-on'), { 'run-on.txt': five['run-on.txt']! }),
    paragraphs: write(path.join(root, 'paragraphs'), {
      'paragraphs.txt': sentenceParagraphs(8_200_000),
    }),
    sentences: write(path.join(root, 'sentences'), { 'sentences.txt': five['sentences.txt']! }),
  };
  try {
    const runs: Record<keyof typeof dirs, HostileBuild[]> = {
      five: [],
      small: [],
      runOn: [],
      paragraphs: [],
      sentences: [],
    };
    const ratios: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const key of ['five', 'small', 'sentences'] as const)
        runs[key].push(await build(dirs[key]));
      // The pair whose ratio is the target runs back to back, in alternating order.
      const pair =
        r % 2 === 0 ? (['runOn', 'paragraphs'] as const) : (['paragraphs', 'runOn'] as const);
      for (const key of pair) runs[key].push(await build(dirs[key]));
      ratios.push(runs.runOn[r]!.ms / runs.paragraphs[r]!.ms);
    }
    return {
      rows: [
        row('the five files of issue 24', runs.five),
        row('nested.md + deep.html + the note', runs.small),
        row('8.7 MB line of sentences', runs.sentences),
        row('8.1 MB line of words, no sentence end', runs.runOn),
        row('the same words as sentences in paragraphs', runs.paragraphs),
      ],
      runOnRatio: round(median(ratios), 3),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The section's table. */
export function hostileTable(result: HostileResult): string {
  return markdownTable(
    [
      'folder',
      'files',
      'MB',
      'build (median)',
      'MB/s',
      'peak RSS',
      'sentences',
      'fallbacks',
      'logged (stack traces)',
    ],
    result.rows.map((r) => [
      r.folder,
      fmtNum(r.files),
      fmtNum(r.bytes / 1e6, 2),
      fmtMs(r.ms),
      fmtNum(r.bytes / 1e6 / (r.ms / 1000), 2),
      `${fmtNum(r.peakRssMb)} MiB`,
      fmtNum(r.sentences),
      fmtNum(r.fallbacks.length),
      `${fmtNum(r.logged)} (${fmtNum(r.stackTraces)})`,
    ]),
  );
}

/** The section's targets (issue 24), met or not. */
export function hostileTargets(result: HostileResult): TargetCheck[] {
  const [five, small] = result.rows;
  const clean = result.rows.every((r) => r.stackTraces === 0 && r.logged === 0 && r.skipped === 0);
  return [
    {
      target: 'the five hostile files of issue 24 build in ≤ 5 s together',
      measured: fmtMs(five!.ms),
      met: five!.ms <= 5000,
    },
    {
      target: 'nested.md, deep.html and the note build in ≤ 5 s together',
      measured: fmtMs(small!.ms),
      met: small!.ms <= 5000,
    },
    {
      target: 'words with no sentence end on one line build in ≤ 2× the same words in paragraphs',
      measured: fmtRatio(result.runOnRatio),
      met: result.runOnRatio <= 2,
    },
    {
      target: 'hostile files: nothing skipped, nothing logged, no stack trace',
      measured: clean ? 'none' : 'see the table',
      met: clean,
    },
  ];
}
