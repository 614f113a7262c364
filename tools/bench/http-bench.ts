/**
 * The HTTP section of `npm run bench`: the real app on data/ (server-child.ts) under autocannon
 * on the read routes, interleaved with a trivial route in the same process (the reference) and
 * a bare Hono app (the calibration); then ad-hoc work, `POST /v1/summarize` with one MultiLing
 * topic.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { benchDir } from '../eval/bench-data.js';
import {
  CONNECTIONS,
  LOAD_SECONDS,
  ROUNDS,
  SEED_DATA,
  SERVER_LOG,
  WARMUP_SECONDS,
} from './bench-config.js';
import { log } from './bench-log.js';
import { forkTs, stopChild } from './child-processes.js';
import { load, type LoadResult, type LoadSpec, mergeRounds } from './http-load.js';
import { httpGet } from './loopback.js';
import { fmtNum, median, round } from './stats.js';

/** What the HTTP section measured: the server, the read routes and the summarize posts. */
export interface HttpSection {
  readonly server: { documents: number; sentences: number; topics: number; log: string };
  readonly runs: LoadResult[];
  readonly summarize: { files: number; bytes: number; topic: string; runs: LoadResult[] };
}

/** Runs the HTTP section against a forked server on data/ (stopped at the end). */
export async function benchHttp(): Promise<HttpSection> {
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
