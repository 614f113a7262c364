/**
 * Loaders for the summarization benchmarks in `shared/bench` (see its README.md): MultiLing 2011
 * English (topics, the official peer submissions) and Opinosis 1.0. Files are read as UTF-8 text,
 * exactly as stored; nothing is normalised here, as the ROUGE scorer does its own tokenization.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One input document of a topic. */
export interface BenchDocument {
  file: string;
  text: string;
}

/** One benchmark topic: its input documents and its human reference summaries. */
export interface BenchTopic {
  topic: string;
  documents: BenchDocument[];
  references: string[];
}

/** Peer summaries by peer id, then by topic: `peers.ID3.M000` is ID3's summary of topic M000. */
export type PeerSummaries = Record<string, Record<string, string>>;

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The benchmark folder: `$BENCH_DIR` when set, else `../shared/bench` relative to the repository root. */
export function benchDir(): string {
  const fromEnv = process.env['BENCH_DIR'];
  return fromEnv && fromEnv.length > 0
    ? resolve(fromEnv)
    : resolve(REPO_ROOT, '..', 'shared', 'bench');
}

/** Whether the benchmark folder (or the given one) holds the MultiLing and Opinosis data. */
export function benchAvailable(dir: string = benchDir()): boolean {
  return (
    existsSync(join(dir, 'multiling2011-en')) &&
    existsSync(join(dir, 'multiling2011-en-peers')) &&
    existsSync(join(dir, 'opinosis'))
  );
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Peer ids in numeric order (ID1, ID2, …, ID10); other names after them, by name. */
function byPeerId(a: string, b: string): number {
  const na = /^ID(\d+)$/.exec(a);
  const nb = /^ID(\d+)$/.exec(b);
  if (na && nb) return Number(na[1]) - Number(nb[1]);
  if (na) return -1;
  if (nb) return 1;
  return byName(a, b);
}

function subdirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort(byName);
}

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => e.name)
    .sort(byName);
}

const read = (path: string): string => readFileSync(path, 'utf8');

/**
 * MultiLing 2011 English: one entry per topic (M000…M009, sorted), its 10 articles `M00TD.txt`
 * in file-name order and its references `ref-A.txt`, `ref-B.txt`, `ref-C.txt` in that order.
 * `dir` is the benchmark folder that contains `multiling2011-en/`.
 */
export function loadMultiLing(dir: string = benchDir()): BenchTopic[] {
  const root = join(dir, 'multiling2011-en');
  return subdirs(root).map((topic) => {
    const topicDir = join(root, topic);
    return {
      topic,
      documents: files(topicDir, /^M\d+\.txt$/).map((file) => ({
        file,
        text: read(join(topicDir, file)),
      })),
      references: files(topicDir, /^ref-.+\.txt$/).map((file) => read(join(topicDir, file))),
    };
  });
}

/**
 * The official MultiLing 2011 English submissions: `{ ID1: { M000: text, … }, … }`, peers in numeric
 * order. `dir` is the benchmark folder that contains `multiling2011-en-peers/`.
 */
export function loadMultiLingPeers(dir: string = benchDir()): PeerSummaries {
  const root = join(dir, 'multiling2011-en-peers');
  const peers: PeerSummaries = {};
  for (const peer of subdirs(root).sort(byPeerId)) {
    const byTopic: Record<string, string> = {};
    for (const file of files(join(root, peer), /\.txt$/)) {
      byTopic[file.replace(/\.txt$/, '')] = read(join(root, peer, file));
    }
    peers[peer] = byTopic;
  }
  return peers;
}

/**
 * Opinosis 1.0: one entry per topic (51, sorted by name), its single input `sentences.txt` (one review
 * sentence per line) and its references `ref-1.txt` … `ref-5.txt` in numeric order (some topics have
 * fewer). `dir` is the benchmark folder that contains `opinosis/`.
 */
export function loadOpinosis(dir: string = benchDir()): BenchTopic[] {
  const root = join(dir, 'opinosis');
  return subdirs(root).map((topic) => {
    const topicDir = join(root, topic);
    return {
      topic,
      documents: [{ file: 'sentences.txt', text: read(join(topicDir, 'sentences.txt')) }],
      references: opinosisReferences(topicDir),
    };
  });
}

/** One Opinosis topic folder's references, `ref-1.txt` … in numeric order. */
function opinosisReferences(topicDir: string): string[] {
  return files(topicDir, /^ref-\d+\.txt$/)
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
    .map((file) => read(join(topicDir, file)));
}

/**
 * The Opinosis references alone, one list per topic folder of `root` (sorted by name): what the
 * human ceiling is computed from, without the review sentences.
 */
export function loadOpinosisReferences(root: string): string[][] {
  return subdirs(root).map((topic) => opinosisReferences(join(root, topic)));
}
