/**
 * npm run bench — speed, scale and memory, each measured against a reference in the same run.
 *
 *  1. Corpus scale: synthetic news corpora (tools/bench/generate-corpus.ts) of 100, 1,000 and
 *     10,000 articles; each size in its own child process (scale-child.ts): model build time,
 *     sentences/s, peak RSS, topic and query summary times, stage breakdown, and plain wink-nlp
 *     over the same texts as the throughput reference.
 *  2. HTTP: the real app on data/ (server-child.ts) under autocannon, 10 and 50 connections, on
 *     the read routes and on a trivial Hono route in the same process (the reference).
 *  3. Ad-hoc work: POST /v1/summarize with one MultiLing topic under 4 connections.
 *  4. Start-up: spawn to a healthy /healthz, on data/ and on the 1,000-article corpus, next to a
 *     minimal Hono server started the same way.
 *  5. Markdown load: two Markdown folders (package READMEs, synthetic articles) loaded and built
 *     as Markdown and as the same bytes under a .txt name (markdown-load.ts).
 *  6. Service (tools/bench/service.ts): the real server process on generated folders of 500 and
 *     10,000 articles: first start and restart from the persisted index, /healthz latency while
 *     100 connections post summaries (500) and while a reload runs, edit → old citations stale.
 *  7. Large (full run only, tools/bench/large-corpus.ts): 100,000 articles, `npm run index` time
 *     and peak RSS, then start-up from that index.
 *
 * Prints the tables, writes bench-out/bench.json and bench-out/bench.md (BENCH_OUT to change).
 * BENCH_QUICK=1: sizes 50/200/1,000, 3 s loads, service on 200 and 1,000 articles, no large
 * corpus, for a smoke test. BENCH_ONLY=scale,markdown,http,startup,service,large picks sections. Loopback only.
 * Exit status 0 even when targets are missed (it is a measurement, not a test); 1 on failure.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { benchQuery, DEFAULT_SEED, writeCorpus } from './generate-corpus.js';
import {
  fmtMs,
  fmtNum,
  fmtRatio,
  markdownTable,
  median,
  round,
  type TargetCheck,
} from './stats.js';
import { benchDir } from '../eval/bench-data.js';
import type { ScaleResult } from './scale-child.js';
import { benchMarkdownLoad, markdownLoadTable, type MarkdownLoadRow } from './markdown-load.js';
import { benchLarge, type LargeResult } from './large-corpus.js';
import { benchService, type ServiceResult } from './service.js';
import { serviceTables, serviceTargets } from './service-report.js';
import { solverReady } from '../../src/core/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HERE = fileURLToPath(new URL('.', import.meta.url));
const QUICK = process.env.BENCH_QUICK === '1';
const SIZES = QUICK ? [50, 200, 1000] : [100, 1000, 10_000];
const LOAD_SECONDS = QUICK ? 3 : 10;
const WARMUP_SECONDS = QUICK ? 1 : 2;
/** HTTP loads are split into this many interleaved rounds (LOAD_SECONDS in all per route). */
const ROUNDS = QUICK ? 3 : 5;
const CONNECTIONS = [10, 50];
const SEED = Number(process.env.BENCH_SEED ?? DEFAULT_SEED);
const OUT = path.resolve(ROOT, process.env.BENCH_OUT ?? 'bench-out');
const SERVER_LOG = process.env.BENCH_SERVER_LOG ?? 'info';
const STARTUP_RUNS = QUICK ? 2 : 3;
const TSX_BIN = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const SEED_DATA = path.join(ROOT, 'data');
/** The Markdown load section: synthetic Markdown articles and alternating rounds. */
const MARKDOWN = QUICK ? { articles: 100, rounds: 2 } : { articles: 500, rounds: 3 };

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

// ---------------------------------------------------------------------------
// Child processes.
// ---------------------------------------------------------------------------

/** Forks a TypeScript script under tsx with IPC; resolves with its first message. */
function forkTs<T>(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  extraExecArgv: string[] = [],
): { child: ChildProcess; first: Promise<T> } {
  const child = fork(path.join(HERE, script), args, {
    cwd: ROOT,
    execArgv: [...extraExecArgv, '--import', 'tsx'],
    env,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const first = new Promise<T>((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code, signal) =>
      reject(new Error(`${script} exited (${code ?? signal}) before reporting`)),
    );
    child.once('error', reject);
  });
  return { child, first };
}

async function runScale(size: number, dir: string, query: string): Promise<ScaleResult> {
  const { first } = forkTs<ScaleResult>(
    'scale-child.ts',
    [dir, String(size), query],
    { ...process.env },
    ['--expose-gc'],
  );
  return first;
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// ---------------------------------------------------------------------------
// HTTP load.
// ---------------------------------------------------------------------------

interface LoadResult {
  readonly route: string;
  readonly connections: number;
  readonly seconds: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly requests: number;
  readonly errors: number;
  readonly timeouts: number;
  /** Responses whose status was not the expected one (2xx, or 304 for conditional requests). */
  readonly unexpected: number;
  readonly non2xx: number;
  readonly statusCodes: Record<string, number>;
  readonly bytesPerResponse: number;
  /** Server CPU time (user + system, all its threads) per answered request, µs; noise from other processes barely touches it. */
  readonly cpuUsPerRequest?: number;
  ratio?: number;
}

interface LoadSpec {
  readonly route: string;
  readonly path: string;
  readonly connections: number;
  readonly seconds: number;
  readonly method?: 'GET' | 'POST';
  readonly body?: string;
  readonly headers?: Record<string, string>;
  /** Rewrites each request's path (distinct queries). */
  readonly nextPath?: () => string;
  /** The status every response must have (default: any 2xx). */
  readonly expectStatus?: number;
}

/** CPU time (user + system, every thread) a process has used so far, ms (Linux /proc). */
function processCpuMs(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

async function load(port: number, spec: LoadSpec, serverPid?: number): Promise<LoadResult> {
  const cpuBefore = processCpuMs(serverPid);
  const opts: autocannon.Options = {
    url: `http://127.0.0.1:${port}`,
    connections: spec.connections,
    duration: spec.seconds,
    timeout: 10,
    method: spec.method ?? 'GET',
    headers: {
      ...(spec.body ? { 'content-type': 'application/json' } : {}),
      ...(spec.headers ?? {}),
    },
    ...(spec.body ? { body: spec.body } : {}),
    requests: [
      {
        path: spec.path,
        ...(spec.nextPath
          ? {
              setupRequest: (req: autocannon.Request) => {
                req.path = spec.nextPath!();
                return req;
              },
            }
          : {}),
      },
    ],
  };
  const r = await autocannon(opts);
  const cpuAfter = processCpuMs(serverPid);
  const statusCodes: Record<string, number> = {};
  const stats =
    (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  for (const [code, v] of Object.entries(stats)) statusCodes[code] = Number(v.count);
  const total = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  const expected = spec.expectStatus
    ? (statusCodes[String(spec.expectStatus)] ?? 0)
    : Object.entries(statusCodes)
        .filter(([c]) => c.startsWith('2'))
        .reduce((a, [, n]) => a + n, 0);
  return {
    route: spec.route,
    connections: spec.connections,
    seconds: spec.seconds,
    rps: round(r.requests.average, 0),
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    requests: total,
    errors: r.errors,
    timeouts: r.timeouts,
    unexpected: total - expected,
    non2xx: r.non2xx,
    statusCodes,
    bytesPerResponse: total ? Math.round(r.throughput.total / total) : 0,
    ...(cpuBefore !== undefined && cpuAfter !== undefined && total > 0
      ? { cpuUsPerRequest: Math.round(((cpuAfter - cpuBefore) * 1000) / total) }
      : {}),
  };
}

/** One row from several rounds of the same load: medians of rates and percentiles, sums of counts. */
function mergeRounds(rounds: readonly LoadResult[]): LoadResult {
  const first = rounds[0]!;
  const sum = (f: (r: LoadResult) => number) => rounds.reduce((n, r) => n + f(r), 0);
  const statusCodes: Record<string, number> = {};
  for (const r of rounds)
    for (const [code, n] of Object.entries(r.statusCodes))
      statusCodes[code] = (statusCodes[code] ?? 0) + n;
  const requests = sum((r) => r.requests);
  return {
    route: first.route,
    connections: first.connections,
    seconds: sum((r) => r.seconds),
    rps: round(median(rounds.map((r) => r.rps)), 0),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    max: Math.max(...rounds.map((r) => r.max)),
    requests,
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    unexpected: sum((r) => r.unexpected),
    non2xx: sum((r) => r.non2xx),
    statusCodes,
    bytesPerResponse: requests
      ? Math.round(sum((r) => r.bytesPerResponse * r.requests) / requests)
      : 0,
    ...(rounds.every((r) => r.cpuUsPerRequest !== undefined)
      ? { cpuUsPerRequest: Math.min(...rounds.map((r) => r.cpuUsPerRequest!)) }
      : {}),
  };
}

function httpGet(
  port: number,
  urlPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
        }),
      );
    });
    req.on('error', reject);
    req.setTimeout(2000, () => req.destroy(new Error('timeout')));
  });
}

interface HttpSection {
  readonly server: { documents: number; sentences: number; topics: number; log: string };
  readonly runs: LoadResult[];
  readonly summarize: { files: number; bytes: number; topic: string; runs: LoadResult[] };
}

async function benchHttp(): Promise<HttpSection> {
  const { child, first } = forkTs<{
    port: number;
    barePort: number;
    documents: number;
    sentences: number;
    topics: number;
    log: string;
  }>('server-child.ts', [], {
    ...process.env,
    DATA_DIR: SEED_DATA,
    LOG_LEVEL: SERVER_LOG,
  });
  try {
    const info = await first;
    const { port } = info;
    log(
      `server on 127.0.0.1:${port} (${info.documents} documents, ${info.topics} topics, LOG_LEVEL=${info.log})`,
    );
    const topics = JSON.parse((await httpGet(port, '/v1/topics')).body) as {
      topics: { id: string; label: string; keywords: string[] }[];
    };
    const ids = topics.topics.map((t) => t.id);
    if (ids.length === 0) throw new Error('the seed corpus has no topics');
    const firstSummary = await httpGet(port, `/v1/topics/${ids[0]}/summary`);
    const etag = String(firstSummary.headers.etag ?? '');
    const fixedQuery = 'protests against restrictions on calls';
    const words = [
      ...new Set(topics.topics.flatMap((t) => [...t.label.split(/\s+/u), ...t.keywords])),
    ].filter((w) => /^[\p{L}]{3,}$/u.test(w));
    let k = 0;
    let n = 0;
    const rotateTopics = () => `/v1/topics/${ids[k++ % ids.length]}/summary`;
    // A different query on every request (three topic words and a counter): never a cache hit.
    const distinctQuery = () => {
      n++;
      const q = `${words[n % words.length]} ${words[(n * 7 + 3) % words.length]} ${words[(n * 13 + 5) % words.length]} ${n}`;
      return `/v1/summary?query=${encodeURIComponent(q)}`;
    };
    const routes = (c: number, seconds: number): LoadSpec[] => [
      { route: 'GET /v1/topics', path: '/v1/topics', connections: c, seconds },
      {
        route: 'GET /v1/topics/{id}/summary',
        path: `/v1/topics/${ids[0]}/summary`,
        connections: c,
        seconds,
      },
      {
        route: `GET /v1/topics/{id}/summary (rotating over all ${ids.length} topics)`,
        path: `/v1/topics/${ids[0]}/summary`,
        nextPath: rotateTopics,
        connections: c,
        seconds,
      },
      {
        route: 'GET /v1/topics/{id}/summary (If-None-Match → 304)',
        path: `/v1/topics/${ids[0]}/summary`,
        headers: { 'if-none-match': etag },
        expectStatus: 304,
        connections: c,
        seconds,
      },
      {
        route: 'GET /v1/summary?query= (same query, cached)',
        path: `/v1/summary?query=${encodeURIComponent(fixedQuery)}`,
        connections: c,
        seconds,
      },
      {
        route: 'GET /v1/summary?query= (distinct queries, computed)',
        path: distinctQuery(),
        nextPath: distinctQuery,
        connections: c,
        seconds,
      },
    ];
    const ref = (c: number, seconds: number): LoadSpec => ({
      route: 'reference: GET /__bench/ref (Hono, small JSON)',
      path: '/__bench/ref',
      connections: c,
      seconds,
    });

    log(
      `warm-up ${WARMUP_SECONDS} s per route; then per round, in this order: reference | ${routes(
        10,
        1,
      )
        .map((r) => r.route)
        .join(' | ')} | bare Hono`,
    );
    for (const spec of [ref(10, WARMUP_SECONDS), ...routes(10, WARMUP_SECONDS)])
      await load(port, spec);

    // Interleaved rounds: every round runs the reference, each route and the bare-Hono
    // calibration for a short slice, and each route is compared with the reference of its own
    // round (median of the per-round ratios), so drift on a shared machine hits both alike.
    const runs: LoadResult[] = [];
    const slice = Math.max(1, Math.round(LOAD_SECONDS / ROUNDS));
    for (const c of CONNECTIONS) {
      const specs: { spec: LoadSpec; port: number }[] = [
        { spec: ref(c, slice), port },
        ...routes(c, slice).map((spec) => ({ spec, port })),
        // Calibration: the same handler in a bare Hono app (no middleware), same process, other port.
        {
          spec: {
            route: 'calibration: same handler, bare Hono app (no middleware)',
            path: '/__bench/ref',
            connections: c,
            seconds: slice,
          },
          port: info.barePort,
        },
      ];
      const samples = specs.map(() => [] as LoadResult[]);
      for (let r = 0; r < ROUNDS; r++) {
        for (const [k, { spec, port: p }] of specs.entries())
          samples[k]!.push(await load(p, spec, child.pid));
        log(
          `c=${c} round ${r + 1}/${ROUNDS} req/s: ${samples.map((x) => fmtNum(x[r]!.rps)).join(' | ')}`,
        );
      }
      const refs = samples[0]!;
      for (const rounds of samples) {
        const merged = mergeRounds(rounds);
        merged.ratio = round(median(rounds.map((x, r) => x.rps / Math.max(1, refs[r]!.rps))), 3);
        runs.push(merged);
      }
    }

    // Ad-hoc work: one MultiLing topic posted under 4 connections (and 1, for unloaded latency).
    const topicDir = path.join(benchDir(), 'multiling2011-en', 'M000');
    const docs = readdirSync(topicDir)
      .filter((f) => /^M\d{4}\.txt$/u.test(f))
      .sort()
      .map((f) => ({ file: f, text: readFileSync(path.join(topicDir, f), 'utf8') }));
    const body = JSON.stringify({ documents: docs });
    const check = await fetch(`http://127.0.0.1:${port}/v1/summarize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    if (check.status !== 200)
      throw new Error(
        `POST /v1/summarize answered ${check.status}: ${(await check.text()).slice(0, 300)}`,
      );
    await load(port, {
      route: 'warm-up',
      path: '/v1/summarize',
      method: 'POST',
      body,
      connections: 1,
      seconds: WARMUP_SECONDS,
    });
    const summarizeRuns: LoadResult[] = [];
    for (const c of [1, 4]) {
      const r = await load(port, {
        route: `POST /v1/summarize (M000, ${docs.length} files)`,
        path: '/v1/summarize',
        method: 'POST',
        body,
        connections: c,
        seconds: LOAD_SECONDS,
      });
      log(`POST /v1/summarize c=${c}: ${fmtNum(r.rps, 1)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms`);
      summarizeRuns.push(r);
    }
    return {
      server: {
        documents: info.documents,
        sentences: info.sentences,
        topics: info.topics,
        log: info.log,
      },
      runs,
      summarize: {
        files: docs.length,
        bytes: Buffer.byteLength(docs.map((d) => d.text).join('')),
        topic: 'M000',
        runs: summarizeRuns,
      },
    };
  } finally {
    await stopChild(child);
  }
}

// ---------------------------------------------------------------------------
// Start-up.
// ---------------------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * Spawns `tsx <script>` (as `npm start` does) and times spawn → first 200 from /healthz; also
 * reads the service's own "corpus loaded" log line for the model-build share of that time.
 */
async function timeStartup(
  script: string,
  dataDir: string,
): Promise<{ ms: number; modelMs?: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(TSX_BIN, [script], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true, // its own process group: tsx runs the script in a child of its own
  });
  let modelMs: number | undefined;
  let pending = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      try {
        const rec = JSON.parse(line) as { msg?: string; ms?: number };
        if (rec.msg === 'corpus loaded' && typeof rec.ms === 'number') modelMs = rec.ms;
      } catch {
        // not a log line
      }
    }
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error(`${script} exited before it was healthy`);
      if (performance.now() - started > 180_000)
        throw new Error(`${script} not healthy after 180 s`);
      const ok = await httpGet(port, '/healthz').then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok)
        return { ms: performance.now() - started, ...(modelMs !== undefined ? { modelMs } : {}) };
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    if (!exited && child.pid) {
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(
        () => child.pid && !exited && process.kill(-child.pid, 'SIGKILL'),
        5000,
      );
      await gone;
      clearTimeout(timer);
    }
  }
}

interface StartupRow {
  readonly what: string;
  readonly documents: number;
  readonly ms: number;
  readonly samples: number[];
  /** Median of the service's own "corpus loaded" time (load + buildModel), when it logs one. */
  readonly modelMs?: number;
  readonly ratio: number;
}

async function benchStartup(corpus1k: string | undefined): Promise<StartupRow[]> {
  const cases: { what: string; script: string; dir: string; documents: number }[] = [
    {
      what: 'reference: minimal Hono server (tsx)',
      script: 'tools/bench/ref-server.ts',
      dir: SEED_DATA,
      documents: 0,
    },
    {
      what: 'citesum on data/ (seed corpus)',
      script: 'src/server.ts',
      dir: SEED_DATA,
      documents: readdirSync(SEED_DATA).length,
    },
  ];
  if (corpus1k)
    cases.push({
      what: 'citesum on the 1,000-article corpus',
      script: 'src/server.ts',
      dir: corpus1k,
      documents: 1000,
    });
  const samples = new Map<string, number[]>(cases.map((c) => [c.what, []]));
  const models = new Map<string, number[]>(cases.map((c) => [c.what, []]));
  // Interleaved, so that a noisy moment hits every case alike.
  for (let run = 0; run < STARTUP_RUNS; run++)
    for (const c of cases) {
      const { ms, modelMs } = await timeStartup(c.script, c.dir);
      samples.get(c.what)!.push(ms);
      if (modelMs !== undefined) models.get(c.what)!.push(modelMs);
      log(
        `start-up ${c.what}: ${fmtMs(ms)}${modelMs !== undefined ? ` (model ${fmtMs(modelMs)})` : ''}`,
      );
    }
  const refMs = median(samples.get(cases[0]!.what)!);
  return cases.map((c) => {
    const s = samples.get(c.what)!;
    const m = models.get(c.what)!;
    return {
      what: c.what,
      documents: c.documents,
      ms: round(median(s), 0),
      samples: s.map((x) => round(x, 0)),
      ...(m.length ? { modelMs: round(median(m), 0) } : {}),
      ratio: round(median(s) / refMs, 2),
    };
  });
}

// ---------------------------------------------------------------------------
// Report.
// ---------------------------------------------------------------------------

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadavg: os.loadavg().map((x) => round(x, 2)),
  };
}

/** Allowed growth for a corpus `n1 → n2` if the cost is n log n: (n2/n1)·log n2 / log n1 (10× from 1k ≈ 13.3×). */
function nLogNGrowth(n1: number, n2: number): number {
  return (n2 / n1) * (Math.log(n2) / Math.log(n1));
}

function scaleTables(results: readonly ScaleResult[]): string {
  const main = markdownTable(
    [
      'articles',
      'MB',
      'sentences',
      'stories / facets',
      'build (load→topics)',
      'sentences/s',
      'peak RSS (MiB): build / +summaries',
      'wink readDoc+split (2 passes)',
      'throughput vs wink',
      'topic summary',
      'query summary',
      'cached topic summary (app)',
      'cached query (app)',
      'body: topics / topic summary / query',
    ],
    results.map((r) => [
      fmtNum(r.size),
      (r.bytes / 2 ** 20).toFixed(1),
      fmtNum(r.sentences),
      `${fmtNum(r.topics)} / ${fmtNum(r.facets)}`,
      fmtMs(r.totalBuildMs),
      fmtNum(r.sentencesPerSec),
      `${fmtNum(r.buildPeakRssMb)} / ${fmtNum(r.peakRssMb)}`,
      r.wink.passesMs.map((x) => fmtMs(x)).join(', '),
      fmtRatio(r.throughputRatio),
      fmtMs(r.topicSummaryMs),
      fmtMs(r.querySummaryMs),
      fmtMs(r.cachedTopicSummaryMs),
      fmtMs(r.cachedQueryMs),
      `${fmtNum(r.topicsBodyBytes / 1024, 0)} / ${fmtNum(r.topicSummaryBytes / 1024, 0)} / ${fmtNum(r.queryBytes / 1024, 0)} KB`,
    ]),
  );
  const stages = markdownTable(
    [
      'articles',
      'load',
      'parse (Markdown)',
      'classify',
      'segment (wink)',
      'index',
      'topics (stories + facets)',
      'of which story discovery',
      'stage pass total',
      'largest topic (sentences)',
      'wink alone (whole files, faster pass)',
    ],
    results.map((r) => {
      const sum =
        r.loadMs +
        r.stages.parseMs +
        r.stages.classifyMs +
        r.stages.segmentMs +
        r.stages.indexMs +
        r.stages.topicsMs;
      const pct = (x: number) => `${fmtMs(x)} (${Math.round((100 * x) / sum)}%)`;
      return [
        fmtNum(r.size),
        pct(r.loadMs),
        pct(r.stages.parseMs),
        pct(r.stages.classifyMs),
        pct(r.stages.segmentMs),
        pct(r.stages.indexMs),
        pct(r.stages.topicsMs),
        pct(r.stages.storiesMs),
        fmtMs(sum),
        fmtNum(r.largestTopicSentences),
        fmtMs(r.wink.ms),
      ];
    }),
  );
  return `${main}\n\nStage breakdown (a second pass in the same child, stage by stage):\n\n${stages}`;
}

function httpTable(runs: readonly LoadResult[]): string {
  return markdownTable(
    [
      'route',
      'conns',
      'req/s',
      'vs ref',
      'p50',
      'p99',
      'max',
      'errors',
      'timeouts',
      'non-2xx',
      'unexpected status',
      'bytes/resp',
      'server CPU/req (best round)',
    ],
    runs.map((r) => [
      r.route,
      String(r.connections),
      fmtNum(r.rps),
      r.ratio === undefined ? '' : fmtRatio(r.ratio),
      `${r.p50} ms`,
      `${r.p99} ms`,
      `${r.max} ms`,
      String(r.errors),
      String(r.timeouts),
      String(r.non2xx),
      String(r.unexpected),
      fmtNum(r.bytesPerResponse),
      r.cpuUsPerRequest === undefined ? '' : `${r.cpuUsPerRequest} µs`,
    ]),
  );
}

function targets(scale: readonly ScaleResult[], web: HttpSection | undefined): TargetCheck[] {
  const out: TargetCheck[] = [];
  const largest = scale[scale.length - 1];
  const tenK = scale.find((r) => r.size === 10_000);
  if (tenK) {
    out.push({
      target: '10,000 articles indexed in ≤ 60 s',
      measured: fmtMs(tenK.totalBuildMs),
      met: tenK.totalBuildMs <= 60_000,
    });
    out.push({
      target: '10,000 articles indexed with peak RSS < 2 GiB',
      measured: `${fmtNum(tenK.buildPeakRssMb)} MiB`,
      met: tenK.buildPeakRssMb < 2048,
    });
    out.push({
      target: '10,000 articles: peak RSS < 2 GiB including the first topic and query summaries',
      measured: `${fmtNum(tenK.peakRssMb)} MiB`,
      met: tenK.peakRssMb < 2048,
    });
  } else if (largest) {
    out.push({
      target: '10,000 articles indexed in ≤ 60 s',
      measured: `not measured (quick mode; ${fmtNum(largest.size)} took ${fmtMs(largest.totalBuildMs)})`,
      met: false,
    });
  }
  if (scale.length >= 2) {
    const a = scale[scale.length - 2]!;
    const b = scale[scale.length - 1]!;
    const allowed = nLogNGrowth(a.size, b.size);
    const g = b.totalBuildMs / a.totalBuildMs;
    out.push({
      target: `build growth ${fmtNum(a.size)}→${fmtNum(b.size)} ≤ n log n (${allowed.toFixed(1)}×)`,
      measured: fmtRatio(g),
      met: g <= allowed,
    });
    const tg = b.cachedTopicSummaryMs / a.cachedTopicSummaryMs;
    const qg = b.cachedQueryMs / a.cachedQueryMs;
    out.push({
      target: `served topic-summary read does not grow with corpus (${fmtNum(a.size)}→${fmtNum(b.size)}, ≤ 1.5×)`,
      measured: fmtRatio(tg),
      met: tg <= 1.5,
    });
    out.push({
      target: `served repeated-query read does not grow with corpus (≤ 1.5×)`,
      measured: fmtRatio(qg),
      met: qg <= 1.5,
    });
    const ct = b.topicSummaryMs / a.topicSummaryMs;
    const cq = b.querySummaryMs / a.querySummaryMs;
    out.push({
      target: 'computing a topic summary (first request) does not grow with corpus (≤ 1.5×)',
      measured: `${fmtRatio(ct)} (${fmtMs(a.topicSummaryMs)} → ${fmtMs(b.topicSummaryMs)})`,
      met: ct <= 1.5,
    });
    out.push({
      target: 'computing a query summary (new query) does not grow with corpus (≤ 1.5×)',
      measured: `${fmtRatio(cq)} (${fmtMs(a.querySummaryMs)} → ${fmtMs(b.querySummaryMs)})`,
      met: cq <= 1.5,
    });
  }
  for (const r of scale)
    out.push({
      target: `pipeline ≥ 0.5× raw wink-nlp throughput (${fmtNum(r.size)} articles)`,
      measured: fmtRatio(r.throughputRatio),
      met: r.throughputRatio >= 0.5,
    });
  if (web) {
    for (const r of web.runs) {
      if (r.route.startsWith('reference') || r.route.startsWith('calibration')) continue;
      const need = r.route.includes('query') ? 0.3 : 0.8;
      out.push({
        target: `${r.route} c=${r.connections} ≥ ${need}× reference`,
        measured: fmtRatio(r.ratio ?? 0),
        met: (r.ratio ?? 0) >= need,
      });
    }
    const bad = web.runs.filter((r) => r.errors + r.timeouts + r.unexpected > 0);
    out.push({
      target: 'zero errors, timeouts and unexpected statuses under load',
      measured: bad.length
        ? bad
            .map(
              (r) =>
                `${r.route} c=${r.connections}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.unexpected} unexpected`,
            )
            .join('; ')
        : '0',
      met: bad.length === 0,
    });
    const four = web.summarize.runs.find((r) => r.connections === 4);
    if (four)
      out.push({
        target: 'POST /v1/summarize (one MultiLing topic) p50 < 100 ms at 4 connections',
        measured: `p50 ${four.p50} ms, p99 ${four.p99} ms`,
        met: four.p50 < 100,
      });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Main.
// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  await solverReady;
  const began = new Date();
  const startMachine = machine();
  log(
    `${QUICK ? 'QUICK mode: ' : ''}sizes ${SIZES.join(', ')}; loads ${LOAD_SECONDS} s; seed ${SEED}; ${startMachine.cores} cores, ${startMachine.cpu}`,
  );
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'citesum-bench-'));
  const only = (process.env.BENCH_ONLY ?? 'scale,markdown,http,startup,service,large').split(',');
  try {
    const query = benchQuery(SEED);
    const scale: ScaleResult[] = [];
    const corpora = new Map<number, { dir: string; bytes: number; words: number; ms: number }>();
    const needDirs = only.includes('scale') ? SIZES : only.includes('startup') ? [1000] : [];
    for (const size of needDirs) {
      const dir = path.join(tmp, `n${size}`);
      const t = performance.now();
      const w = writeCorpus(dir, { count: size, seed: SEED });
      corpora.set(size, { dir, bytes: w.bytes, words: w.words, ms: performance.now() - t });
      log(
        `generated ${fmtNum(size)} articles (${(w.bytes / 2 ** 20).toFixed(1)} MB, ${fmtNum(w.words / size)} words/article) in ${fmtMs(performance.now() - t)}`,
      );
    }
    if (only.includes('scale'))
      for (const size of SIZES) {
        log(`scale ${fmtNum(size)} articles…`);
        const r = await runScale(size, corpora.get(size)!.dir, query);
        log(
          `scale ${fmtNum(size)}: build ${fmtMs(r.totalBuildMs)}, ${fmtNum(r.sentencesPerSec)} sentences/s, peak RSS ${fmtNum(r.buildPeakRssMb)} MiB (${fmtNum(r.peakRssMb)} MiB with summaries), wink ratio ${fmtRatio(r.throughputRatio)}`,
        );
        scale.push(r);
      }
    let markdownLoad: MarkdownLoadRow[] = [];
    if (only.includes('markdown')) {
      log('Markdown load vs plain text of the same bytes…');
      markdownLoad = await benchMarkdownLoad(tmp, MARKDOWN);
      for (const r of markdownLoad)
        log(`markdown ${r.corpus}: ${fmtRatio(r.ratio)} the plain-text load time`);
    }
    const web = only.includes('http') ? await benchHttp() : undefined;
    const startup = only.includes('startup') ? await benchStartup(corpora.get(1000)?.dir) : [];
    const service: ServiceResult[] = [];
    if (only.includes('service'))
      for (const size of QUICK ? [200, 1000] : [500, 10_000]) {
        // A folder of its own: the benchmark edits it.
        const dir = path.join(tmp, `service-${size}`);
        writeCorpus(dir, { count: size, seed: SEED });
        log(`service on ${fmtNum(size)} articles…`);
        const posts =
          size === (QUICK ? 200 : 500)
            ? { posts: { seconds: QUICK ? 3 : 10, connections: 100 } }
            : {};
        const r = await benchService(dir, size, posts);
        log(
          `service ${fmtNum(size)}: first start ${fmtMs(r.first.ms)}, restart ${fmtMs(r.restart.ms)} (${fmtRatio(r.restart.ratio)}), edit → stale ${fmtMs(r.edit.reflectMs)}, settled ${fmtMs(r.edit.settledMs)}, /healthz p99 during reload ${r.edit.health.p99} ms${r.underPosts ? `, under ${r.underPosts.connections} POSTs ${r.underPosts.health.p99} ms` : ''}`,
        );
        service.push(r);
        rmSync(dir, { recursive: true, force: true });
      }
    let large: LargeResult | undefined;
    if (!QUICK && only.includes('large')) {
      const articles = Number(process.env.BENCH_LARGE ?? 100_000);
      const dir = path.join(tmp, `large-${articles}`);
      const t = performance.now();
      writeCorpus(dir, { count: articles, seed: SEED });
      log(
        `generated ${fmtNum(articles)} articles in ${fmtMs(performance.now() - t)}; npm run index…`,
      );
      large = await benchLarge(dir, path.join(tmp, `large-index`), articles);
      log(
        `large: ${large.build.ok ? `index built in ${fmtMs(large.build.ms)}, peak RSS ${fmtNum(large.build.peakRssMb)} MiB` : `build failed: ${large.build.error}`}${large.start ? `; start from the index ${fmtMs(large.start.ms)}` : ''}`,
      );
      rmSync(dir, { recursive: true, force: true });
    }
    const checks = [...targets(scale, web), ...serviceTargets(service, large)];
    for (const r of markdownLoad)
      checks.push({
        target: `Markdown load within 2× of plain text of the same size (${r.corpus})`,
        measured: fmtRatio(r.ratio),
        met: r.ratio <= 2,
      });

    const endMachine = machine();
    const md: string[] = [];
    md.push(`# citesum benchmark${QUICK ? ' (QUICK mode: smaller sizes and shorter loads)' : ''}`);
    md.push('');
    md.push(
      `Run ${began.toISOString()} on ${endMachine.cores} × ${endMachine.cpu}, ${endMachine.memoryGb} GB, Node ${endMachine.node}, ${endMachine.platform}; load average ${startMachine.loadavg.join(' ')} at the start, ${endMachine.loadavg.join(' ')} at the end. Shared machine: compare ratios, not absolute times.`,
    );
    if (scale.length) {
      md.push('');
      md.push(`## Corpus scale`);
      md.push('');
      md.push(
        `Synthetic news corpora (seed ${SEED}, ~${fmtNum([...corpora.values()].reduce((n, c) => n + c.words, 0) / [...corpora.keys()].reduce((n, k) => n + k, 0))} words/article), each size in its own process. Build = loadCorpus + buildModel (classify → segment → index → topics). Reference: plain wink-nlp readDoc + sentence split over the same file texts, same instance (model + sbd/pos), two passes (before and after the stage-by-stage pass, model released); "throughput vs wink" = faster wink pass / faster of the two builds (the real buildModel, and the stage-by-stage pass below). Summaries: median of computed summaries after warm-up (largest topic; query "${query}"); "cached … (app)" = the same reads through the HTTP app in process, as every request after the first is served.`,
      );
      md.push('');
      md.push(scaleTables(scale));
    }
    if (markdownLoad.length) {
      md.push('');
      md.push('## Markdown load (vs plain text of the same bytes)');
      md.push('');
      md.push(
        `loadCorpus + buildModel without topics (load → parse → classify → segment → index), each folder once as Markdown and once as the same files under a .txt name (the plain-text path), alternating for ${markdownLoad[0]!.rounds} rounds; medians, and the median of the per-round ratios. "Parser alone": parseFiles (mdast-util-from-markdown with GFM and front matter, then blocks and offset maps) on the files in memory. Parsing is per file, so it can move to worker threads or be cached by file sha256; neither is done yet.`,
      );
      md.push('');
      md.push(markdownLoadTable(markdownLoad));
    }
    if (web) {
      md.push('');
      md.push('## HTTP (seed corpus, loopback, autocannon in the parent process)');
      md.push('');
      md.push(
        `Server: createApp as in src/server.ts (LOG_LEVEL=${web.server.log}, stdout to /dev/null) on data/ (${web.server.documents} documents, ${web.server.topics} topics) + a bench-only reference route in the same process. ${LOAD_SECONDS} s per route and connection count, in ${ROUNDS} interleaved rounds (reference, every route, bare-Hono calibration); req/s and percentiles are medians over the rounds, "vs ref" the median of the per-round ratios to the reference. autocannon runs on the same 2 cores; rows with a per-request path (rotating topics, distinct queries) also pay its per-request setup.`,
      );
      md.push('');
      md.push(httpTable(web.runs));
      md.push('');
      md.push(
        `POST /v1/summarize, MultiLing 2011 ${web.summarize.topic} (${web.summarize.files} files, ${fmtNum(web.summarize.bytes / 1024, 1)} KB):`,
      );
      md.push('');
      md.push(httpTable(web.summarize.runs));
    }
    if (startup.length) {
      md.push('');
      md.push('## Start-up (spawn `tsx src/server.ts` → first 200 from /healthz)');
      md.push('');
      md.push(
        markdownTable(
          ['what', 'median', 'of which model (load + build, its log)', 'samples', 'vs reference'],
          startup.map((s) => [
            s.what,
            fmtMs(s.ms),
            s.modelMs !== undefined ? fmtMs(s.modelMs) : '',
            s.samples.map((x) => fmtMs(x)).join(', '),
            fmtRatio(s.ratio),
          ]),
        ),
      );
    }
    if (service.length || large) {
      md.push('');
      md.push('## Service (the server process: workers, persisted index, reloads)');
      md.push('');
      md.push(
        `Generated folders (seed ${SEED}), \`node --import tsx src/server.ts\` with default WORKERS and a fresh INDEX_DIR. First start builds the index; restart reads it. /healthz is polled back to back from the bench process on one keep-alive connection; the POST load is autocannon in its own process. "Edit → stale": a cited file gets one sentence more; time until \`POST /v1/citations/verify\` calls its old citations stale (debounce 200 ms included).`,
      );
      md.push('');
      md.push(serviceTables(service, large));
    }
    md.push('');
    md.push('## Targets');
    md.push('');
    md.push(
      markdownTable(
        ['target', 'measured', 'met'],
        checks.map((c) => [c.target, c.measured, c.met ? 'yes' : '**no**']),
      ),
    );
    md.push('');
    const text = md.join('\n');

    mkdirSync(OUT, { recursive: true });
    const json = {
      began: began.toISOString(),
      quick: QUICK,
      seed: SEED,
      machine: { ...endMachine, loadavgStart: startMachine.loadavg },
      corpora: Object.fromEntries(
        [...corpora].map(([n, c]) => [
          n,
          { bytes: c.bytes, words: c.words, generateMs: round(c.ms, 0) },
        ]),
      ),
      scale,
      markdownLoad,
      http: web,
      startup,
      service,
      large,
      targets: checks,
    };
    writeFileSync(path.join(OUT, 'bench.json'), `${JSON.stringify(json, null, 2)}\n`);
    writeFileSync(path.join(OUT, 'bench.md'), text);
    process.stdout.write(`${text}\n`);
    log(`wrote ${path.relative(ROOT, path.join(OUT, 'bench.json'))} and bench.md`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(
    `bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
