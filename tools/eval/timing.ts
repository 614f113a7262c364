/**
 * The time of `POST /v1/summarize` for one 10-article MultiLing topic, through the real app
 * in-process (validation, model, summary, JSON), and the share of it the selection's solver
 * takes. Wall clock and process CPU time are both reported: the machine is shared, so the CPU
 * time is the steadier figure. Medians over several rounds of every topic, after a warm-up
 * round (the solver's WebAssembly is compiled lazily by V8 on first use).
 */
import { buildModel, modelFromTexts, postedHref, summarize } from '../../src/core/index.js';
import type { SolveReport } from '../../src/core/summarize/index.js';
import { createApp } from '../../src/http/app.js';
import type { BenchTopic } from './bench-data.js';

/** Medians (ms) of one request and of its solver, and how the solves ended. */
export interface SummarizeTiming {
  readonly requests: number;
  readonly wallMedian: number;
  readonly cpuMedian: number;
  /** The solver's CPU time in the same work done through the core (model + summary). */
  readonly solverCpuMedian: number;
  /** Median over requests of solver CPU / request CPU. */
  readonly solverShare: number;
  /** Solves stopped by the node limit or the safety time cap (of all solves). */
  readonly limitHits: number;
  readonly solves: number;
}

const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

/** Times `POST /v1/summarize` with `body` options for each topic, `rounds` times after a warm-up. */
export async function timeSummarize(
  topics: readonly BenchTopic[],
  body: { maxSentences?: number; maxWords?: number } = {},
  rounds = 3,
): Promise<SummarizeTiming> {
  const app = createApp({ model: buildModel({ files: [] }), loadedAt: new Date() });
  const wall: number[] = [];
  const cpu: number[] = [];
  const solverCpu: number[] = [];
  const share: number[] = [];
  const reports: SolveReport[] = [];
  for (let round = 0; round <= rounds; round++) {
    for (const t of topics) {
      const payload = JSON.stringify({ documents: t.documents, ...body });
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const res = await app.request('/v1/summarize', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: payload,
      });
      await res.text();
      const ms = performance.now() - t0;
      const requestCpu = cpuMs(process.cpuUsage(c0));
      if (res.status !== 200) throw new Error(`POST /v1/summarize answered ${res.status}`);
      // The same work through the core, to see the solver's part of it.
      let solver = 0;
      const model = modelFromTexts(t.documents, { hrefFor: postedHref, topics: false });
      summarize(model, body, {
        onSolve: (r) => {
          solver += r.cpuMs;
          if (round > 0) reports.push(r);
        },
      });
      if (round === 0) continue;
      wall.push(ms);
      cpu.push(requestCpu);
      solverCpu.push(solver);
      share.push(solver / Math.max(1e-9, requestCpu));
    }
  }
  return {
    requests: wall.length,
    wallMedian: median(wall),
    cpuMedian: median(cpu),
    solverCpuMedian: median(solverCpu),
    solverShare: median(share),
    limitHits: reports.filter((r) => r.status === 'node-limit' || r.status === 'time-limit').length,
    solves: reports.length,
  };
}
