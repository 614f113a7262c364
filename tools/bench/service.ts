/**
 * The service benchmarks of `npm run bench` (issue 13), on a generated folder, with the real
 * server process (workers, persisted index):
 *
 *  1. first start on a cold index: spawn → ready (and → healthy), the model's share from its
 *     log, peak RSS;
 *  2. (optional) `/healthz` latency while 100 connections keep `POST /v1/summarize` busy with a
 *     10-article topic each (autocannon in its own process; the poller here is otherwise idle);
 *  3. one file edited: time until its old citations verify as `stale` (the edit is reflected), and
 *     until the stories settle, with `/healthz` latency throughout the reload;
 *  4. restart on the unchanged folder: spawn → ready from the index, against the first start.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate-corpus.js';
import {
  type LogRecord,
  percentile,
  pollHealth,
  request,
  type ServiceProcess,
  startService,
} from './service-process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Percentiles of a latency series, ms. */
export interface Latency {
  readonly samples: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

function latency(xs: readonly number[]): Latency {
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    samples: xs.length,
    p50: r(percentile(xs, 50)),
    p99: r(percentile(xs, 99)),
    max: r(Math.max(0, ...xs)),
  };
}

/** A start of the service. */
export interface StartResult {
  /** Spawn → ready (/readyz 200: the corpus served, every compute worker holding it). */
  readonly ms: number;
  /** Spawn → healthy (/healthz 200: the process answers). */
  readonly healthyMs: number;
  /** The service's own `ms` of its "corpus loaded" line (builder + publish). */
  readonly modelMs: number;
  readonly source: string;
  readonly peakRssMb: number;
}

/** What {@link benchService} measured on one folder. */
export interface ServiceResult {
  readonly size: number;
  readonly workers: number;
  readonly first: StartResult;
  readonly restart: StartResult & { readonly ratio: number };
  readonly underPosts?: {
    readonly health: Latency;
    readonly connections: number;
    readonly seconds: number;
    readonly posts: {
      requests: number;
      statusCodes: Record<string, number>;
      p50: number;
      p99: number;
    };
  };
  readonly edit: {
    /** Edit written → its old citations verify as `stale`. */
    readonly reflectMs: number;
    /** Edit written → the stories settled (clustered again) and swapped in. */
    readonly settledMs: number;
    readonly health: Latency;
    readonly reload?: LogRecord;
    readonly settle?: LogRecord;
  };
  /**
   * Successive one-file edits (the first is `edit`): each one's times, the RSS once its stories
   * settled, and the peak RSS of the process through all of them (no generation may leak).
   */
  readonly edits?: {
    readonly count: number;
    readonly reflectMs: number[];
    readonly settledMs: number[];
    readonly rssMb: number[];
    readonly peakRssMb: number;
  };
}

function startOf(s: ServiceProcess): StartResult {
  const loaded = s.logs.find((r) => r.msg === 'corpus loaded');
  return {
    ms: Math.round(s.startMs),
    healthyMs: Math.round(s.healthyMs),
    modelMs: Number(loaded?.ms ?? 0),
    source: String(loaded?.source ?? '?'),
    peakRssMb: Math.round(s.peakRssMb()),
  };
}

/** 100 connections of `POST /v1/summarize` (10 articles each) for `seconds`, in an autocannon process. */
async function postLoad(port: number, seconds: number, connections: number) {
  const docs = generateCorpus({ count: 10 }).map((a) => ({ file: a.file, text: a.text }));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citesum-post-'));
  const bodyFile = path.join(dir, 'body.json');
  writeFileSync(bodyFile, JSON.stringify({ documents: docs }));
  const cli = path.join(ROOT, 'node_modules', 'autocannon', 'autocannon.js');
  const child = spawn(
    process.execPath,
    [
      cli,
      ...['-c', String(connections), '-d', String(seconds), '-t', '120', '-m', 'POST'],
      ...['-H', 'content-type=application/json', '-i', bodyFile, '--json'],
      `http://127.0.0.1:${port}/v1/summarize`,
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  let running = true;
  const done = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running = false;
      resolve();
    }),
  );
  // Health is polled only once the load is on (autocannon's own start-up is not the service's).
  await new Promise((r) => setTimeout(r, 1000));
  const health = await pollHealth(port, () => !running);
  await done;
  rmSync(dir, { recursive: true, force: true });
  const r = JSON.parse(out) as {
    requests: { total: number };
    latency: { p50: number; p99: number };
    statusCodeStats?: Record<string, { count: number }>;
  };
  const statusCodes: Record<string, number> = {};
  for (const [k, v] of Object.entries(r.statusCodeStats ?? {})) statusCodes[k] = v.count;
  return {
    health: latency(health),
    connections,
    seconds,
    posts: {
      requests: r.requests.total,
      statusCodes,
      p50: r.latency.p50,
      p99: r.latency.p99,
    },
  };
}

interface Cited {
  file: string;
  citations: unknown[];
}

/** The citations of one file in the corpus summary (the file the edit will change). */
async function citationsOfOneFile(port: number): Promise<Cited> {
  const summary = JSON.parse((await request(port, '/v1/summary?maxSentences=10')).body) as {
    sentences: { citations: { file: string }[] }[];
  };
  const all = summary.sentences.flatMap((s) => s.citations);
  const file = all[0]!.file;
  return { file, citations: all.filter((c) => c.file === file) };
}

/** Edits one cited file; measures until its citations are stale and until the stories settle. */
async function editAndReflect(s: ServiceProcess, dataDir: string) {
  const { file, citations } = await citationsOfOneFile(s.port);
  const full = path.join(dataDir, ...file.split('/'));
  const text = readFileSync(full, 'utf8');
  const at = text.indexOf('. ') + 2;
  const before = s.logs.length;
  const t0 = performance.now();
  writeFileSync(
    full,
    `${text.slice(0, at)}Officials said the figures would be revised. ${text.slice(at)}`,
  );
  let settled = false;
  const health = pollHealth(s.port, () => settled);
  let reflectMs = 0;
  for (;;) {
    const r = await request(s.port, '/v1/citations/verify', {
      method: 'POST',
      body: JSON.stringify({ citations }),
    });
    const { results } = JSON.parse(r.body) as { results: { status: string }[] };
    if (results.every((x) => x.status === 'stale')) {
      reflectMs = performance.now() - t0;
      break;
    }
    await new Promise((res) => setTimeout(res, 20));
  }
  const after = (r: LogRecord) => s.logs.indexOf(r) >= before;
  const reload = await s.waitFor((r) => after(r) && r.msg === 'corpus reloaded');
  const settle = reload.exact
    ? reload
    : await s.waitFor((r) => after(r) && r.msg === 'stories settled');
  const settledMs = performance.now() - t0;
  await new Promise((res) => setTimeout(res, 300));
  settled = true;
  return {
    reflectMs: Math.round(reflectMs),
    settledMs: Math.round(settledMs),
    health: latency(await health),
    reload,
    ...(settle !== reload ? { settle } : {}),
  };
}

/**
 * Runs the service benchmarks on a copy-free folder (it is edited: pass a scratch copy) with a
 * fresh index folder.
 */
export async function benchService(
  dataDir: string,
  size: number,
  options: {
    posts?: { seconds: number; connections: number };
    workers?: number;
    /** One-file edits in a row (default 1). */
    edits?: number;
  } = {},
): Promise<ServiceResult> {
  const indexDir = mkdtempSync(path.join(os.tmpdir(), 'citesum-bench-index-'));
  const env: Record<string, string> = { DATA_DIR: dataDir, INDEX_DIR: indexDir };
  if (options.workers) env.WORKERS = String(options.workers);
  try {
    const s1 = await startService(env);
    const workers = Number(
      s1.logs.find((r) => r.msg === 'listening')?.workers ?? options.workers ?? 0,
    );
    let underPosts: ServiceResult['underPosts'];
    let edit: ServiceResult['edit'];
    let edits: ServiceResult['edits'];
    try {
      if (options.posts)
        underPosts = await postLoad(s1.port, options.posts.seconds, options.posts.connections);
      edit = await editAndReflect(s1, dataDir);
      const count = options.edits ?? 1;
      if (count > 1) {
        const series = {
          reflectMs: [edit.reflectMs],
          settledMs: [edit.settledMs],
          rssMb: [] as number[],
        };
        series.rssMb.push(Math.round(s1.rssMb()));
        for (let k = 1; k < count; k++) {
          const e = await editAndReflect(s1, dataDir);
          series.reflectMs.push(e.reflectMs);
          series.settledMs.push(e.settledMs);
          series.rssMb.push(Math.round(s1.rssMb()));
        }
        edits = { count, ...series, peakRssMb: Math.round(s1.peakRssMb()) };
      }
    } finally {
      await s1.stop();
    }
    const first = startOf(s1);
    const s2 = await startService(env);
    await s2.stop();
    const again = startOf(s2);
    return {
      size,
      workers,
      first,
      restart: { ...again, ratio: Math.round((again.ms / first.ms) * 100) / 100 },
      ...(underPosts ? { underPosts } : {}),
      edit,
      ...(edits ? { edits } : {}),
    };
  } finally {
    rmSync(indexDir, { recursive: true, force: true });
  }
}
