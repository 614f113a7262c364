/**
 * Digests of every API answer on a few corpora, so a change to the model's layout, the store or
 * the workers can prove that no answer moved by a byte (issue 19). For each corpus it serves the
 * folder through the real HTTP app and records the SHA-256 of the status and body of: the
 * document list, every document and its lines, every page of the topic list, every story's and
 * facet's detail and summary (JSON, Markdown, a shorter budget), the corpus summary, a few
 * queries, the verification of the corpus summary's citations, `/healthz` (without `loadedAt`)
 * and, for the seeds and the first MultiLing topics, `POST /v1/summarize` with topics.
 *
 * Corpora: the seeds (data/), the mixed MultiLing folder (every MultiLing 2011 article under a
 * neutral name in one folder, as tools/eval/mixed-corpus.ts writes it) and the first 1,000
 * articles of the bench generator.
 *
 * Usage:
 *   tsx tools/golden/api-answers.ts record <dir>   writes <dir>/<corpus>.json
 *   tsx tools/golden/api-answers.ts check <dir>    compares with <dir>/<corpus>.json, exit 1 on a difference
 * Options (environment): GOLDEN_MODE=app (default: the app in-process over buildModel) or
 * GOLDEN_MODE=server (the real server: worker threads and the persisted index);
 * GOLDEN_ONLY=seeds,mixed,bench1000.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildModel, loadCorpus, solverReady } from '../../src/core/index.js';
import { createApp } from '../../src/http/app.js';
import { startServer } from '../../src/server.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { writeCorpus } from '../bench/generate-corpus.js';
import { benchDir, loadMultiLing } from '../eval/bench-data.js';
import { writeMixedFolder } from '../eval/mixed-corpus.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

type Fetch = (pathAndQuery: string, init?: RequestInit) => Promise<Response>;

/** One answer: status and body digest (and the body's length, to tell what moved). */
export interface Answer {
  readonly status: number;
  readonly sha256: string;
  readonly bytes: number;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

async function record(
  answers: Record<string, Answer>,
  fetch: Fetch,
  key: string,
  init?: RequestInit,
  strip?: (body: string) => string,
): Promise<string> {
  const res = await fetch(key.replace(/^[A-Z]+ /u, ''), init);
  const raw = await res.text();
  const body = strip ? strip(raw) : raw;
  answers[key] = { status: res.status, sha256: sha(body), bytes: body.length };
  return raw;
}

const enc = encodeURIComponent;

/** Every answer of one served corpus. */
async function answersOf(fetch: Fetch, posted?: unknown[]): Promise<Record<string, Answer>> {
  const a: Record<string, Answer> = {};
  const get = (p: string, init?: RequestInit) => record(a, fetch, `GET ${p}`, init);
  await record(a, fetch, 'GET /healthz', undefined, (b) =>
    JSON.stringify({ ...JSON.parse(b), loadedAt: undefined, uptime: undefined }),
  );
  const docs = JSON.parse(await get('/v1/documents')) as { documents: { file: string }[] };
  for (const d of docs.documents) {
    await get(`/v1/documents/${enc(d.file)}`);
    await get(`/v1/documents/${enc(d.file)}/lines`);
    await get(`/v1/documents/${enc(d.file)}/lines?start=2&end=7`);
  }
  const ids: string[] = [];
  const labels: string[] = [];
  for (let page = '/v1/topics?limit=10'; page;) {
    const list = JSON.parse(await get(page)) as {
      topics: { id: string; label: string; subtopics: { id: string }[] }[];
      next?: string;
    };
    for (const t of list.topics) {
      ids.push(t.id, ...t.subtopics.map((s) => s.id));
      labels.push(t.label);
    }
    page = list.next ?? '';
  }
  await get('/v1/topics');
  for (const id of ids) {
    await get(`/v1/topics/${enc(id)}`);
    await get(`/v1/topics/${enc(id)}/summary`);
    await get(`/v1/topics/${enc(id)}/summary?maxSentences=2&maxWords=60`);
  }
  for (const id of ids.slice(0, 5)) await get(`/v1/topics/${enc(id)}/summary.md`);
  const summary = JSON.parse(await get('/v1/summary')) as {
    sentences: { citations: unknown[] }[];
  };
  await get('/v1/summary.md');
  await get('/v1/summary?maxSentences=10&maxWords=400');
  const queries = ['monthly users', 'the minister said on Monday', ...labels.slice(0, 4)];
  for (const q of queries) await get(`/v1/summary?query=${enc(q)}`);
  if (ids[0]) await get(`/v1/summary?topicId=${enc(ids[0])}&query=${enc(queries[0]!)}`);
  const citations = summary.sentences.flatMap((s) => s.citations);
  await record(a, fetch, 'POST /v1/citations/verify', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ citations }),
  });
  for (const [k, body] of (posted ?? []).entries())
    await record(a, fetch, `POST /v1/summarize#${k}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return a;
}

/** Serves `dir` and collects its answers, in-process or through the real server. */
export async function serve(
  dir: string,
  posted?: unknown[],
  mode = process.env.GOLDEN_MODE,
): Promise<Record<string, Answer>> {
  if (mode === 'server') {
    const indexDir = mkdtempSync(path.join(os.tmpdir(), 'citesum-golden-index-'));
    const config = { ...loadConfig({ DATA_DIR: dir, INDEX_DIR: indexDir, PORT: '0' }) };
    const server = await startServer(config, createLogger('silent'));
    try {
      return await answersOf((p, init) => globalThis.fetch(`${server.url}${p}`, init), posted);
    } finally {
      await server.close();
      rmSync(indexDir, { recursive: true, force: true });
    }
  }
  const model = buildModel(await loadCorpus(dir));
  const app = createApp({ model, loadedAt: new Date(0) });
  return answersOf(async (p, init) => app.request(p, init), posted);
}

/** A corpus of the golden answers: its name, folder and posted bodies. */
export interface GoldenCorpus {
  readonly name: string;
  readonly dir: string;
  readonly posted?: unknown[];
}

/**
 * The corpora, each written to a scratch folder under `tmp` when it is not one already
 * (`only`: some of seeds, mixed, bench1000; `bench`: the folder holding multiling2011-en).
 */
export async function corpora(
  tmp: string,
  only = (process.env.GOLDEN_ONLY ?? 'seeds,mixed,bench1000').split(','),
  bench = benchDir(),
): Promise<GoldenCorpus[]> {
  const out: GoldenCorpus[] = [];
  const multiling = loadMultiLing(bench);
  if (only.includes('seeds')) {
    const seeds = path.join(ROOT, 'data');
    const { files } = await loadCorpus(seeds);
    const documents = files.map((f) => ({ file: f.id, text: f.text }));
    const posted = [
      { documents, topics: true },
      { documents, query: 'monthly users', maxSentences: 3 },
      ...multiling.slice(0, 3).map((t) => ({ documents: t.documents, topics: true })),
    ];
    out.push({ name: 'seeds', dir: seeds, posted });
  }
  if (only.includes('mixed')) {
    const dir = path.join(tmp, 'mixed');
    mkdirSync(dir);
    writeMixedFolder(dir, multiling);
    out.push({ name: 'mixed', dir });
  }
  if (only.includes('bench1000')) {
    const dir = path.join(tmp, 'bench1000');
    writeCorpus(dir, { count: 1000 });
    out.push({ name: 'bench1000', dir });
  }
  return out;
}

/** Keys whose status or digest differ between two sets of answers. */
export function differences(
  golden: Readonly<Record<string, Answer>>,
  answers: Readonly<Record<string, Answer>>,
): string[] {
  const keys = new Set([...Object.keys(golden), ...Object.keys(answers)]);
  return [...keys].filter(
    (k) => golden[k]?.sha256 !== answers[k]?.sha256 || golden[k]?.status !== answers[k]?.status,
  );
}

/** Where the golden test keeps its digests. */
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'golden');

/** `status sha256-prefix` per request: the compact form the golden test compares. */
export function compact(answers: Readonly<Record<string, Answer>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(answers).map(([k, a]) => [k, `${a.status} ${a.sha256.slice(0, 16)}`]),
  );
}

/**
 * Re-records the golden test's digests from the code as it is (in-process, on the vendored bench
 * data the test reads): for a change meant to alter answers, after checking which ones moved.
 */
async function writeFixtures(): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'citesum-golden-'));
  try {
    for (const c of await corpora(tmp, undefined, path.join(ROOT, 'test', 'fixtures', 'bench'))) {
      const digests = compact(await serve(c.dir, c.posted, 'app'));
      const body = JSON.stringify(digests).replace(/,"/g, ',\n"');
      writeFileSync(path.join(FIXTURES, `${c.name}.json`), `${body}\n`);
      process.stdout.write(`${c.name}: ${Object.keys(digests).length} digests written\n`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [command, where] = process.argv.slice(2);
  if (command === 'fixtures') return writeFixtures();
  if ((command !== 'record' && command !== 'check') || !where) {
    process.stderr.write('usage: tsx tools/golden/api-answers.ts record|check <dir> | fixtures\n');
    process.exit(2);
  }
  await solverReady;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'citesum-golden-'));
  let failed = false;
  try {
    for (const c of await corpora(tmp)) {
      const t = performance.now();
      const answers = await serve(c.dir, c.posted);
      const file = path.join(where, `${c.name}.json`);
      const n = Object.keys(answers).length;
      const secs = ((performance.now() - t) / 1000).toFixed(1);
      if (command === 'record') {
        mkdirSync(where, { recursive: true });
        writeFileSync(file, `${JSON.stringify(answers, null, 1)}\n`);
        process.stdout.write(`${c.name}: ${n} answers recorded in ${secs} s\n`);
        continue;
      }
      const golden = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Answer>;
      const diffs = differences(golden, answers);
      process.stdout.write(
        `${c.name}: ${n} answers in ${secs} s, ${diffs.length} differ from ${file}\n`,
      );
      for (const k of diffs.slice(0, 20))
        process.stdout.write(
          `  ${k}: ${JSON.stringify(golden[k] ?? null)} → ${JSON.stringify(answers[k] ?? null)}\n`,
        );
      if (diffs.length) failed = true;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href)
  await main();
