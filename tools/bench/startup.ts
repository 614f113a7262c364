/**
 * The start-up section of `npm run bench`: spawn → first 200 from /healthz, for citesum on data/
 * and on the 1,000-article corpus, next to a minimal Hono server started the same way.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { ROOT, SEED_DATA, STARTUP_RUNS, TSX_BIN } from './bench-config.js';
import { log } from './bench-log.js';
import { freePort, httpGet } from './loopback.js';
import { fmtMs, median, round } from './stats.js';

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

/** One start-up case: median and samples, the model's share, and the ratio to the reference. */
export interface StartupRow {
  readonly what: string;
  readonly documents: number;
  readonly ms: number;
  readonly samples: number[];
  /** Median of the service's own "corpus loaded" time (load + buildModel), when it logs one. */
  readonly modelMs?: number;
  readonly ratio: number;
}

/** Times every start-up case `STARTUP_RUNS` times, interleaved; the reference first. */
export async function benchStartup(corpus1k: string | undefined): Promise<StartupRow[]> {
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
