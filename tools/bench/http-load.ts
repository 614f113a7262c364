/**
 * One HTTP load under autocannon (in this process) against a local server: throughput,
 * latency percentiles, status counts and the server's CPU time per request; and the merge of
 * several interleaved rounds of the same load into one row.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { median, round } from './stats.js';

/** What one load (or the merge of its rounds) measured on one route. */
export interface LoadResult {
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

/** One load: the route, its request and how long, with how many connections. */
export interface LoadSpec {
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

/** Runs one autocannon load on 127.0.0.1:`port`; with `serverPid`, also its CPU time per request. */
export async function load(port: number, spec: LoadSpec, serverPid?: number): Promise<LoadResult> {
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
export function mergeRounds(rounds: readonly LoadResult[]): LoadResult {
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
