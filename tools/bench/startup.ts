/**
 * The start-up section of `npm run bench` (issue 21): spawn → the first 200 of `/healthz` (the
 * process is alive: "healthy") and of `/readyz` (a corpus served, every compute worker holding
 * it: "ready"), for the compiled service (`node dist/src/main.js`, what `npm start` runs) on a
 * one-file folder, on data/ and on the 1,000-article corpus, through `npm start` itself (npm and
 * the prestart freshness check included), and from the sources under tsx (`npm run dev`), next to
 * a minimal Hono server run by Node. Every case starts once untimed first, so its index exists:
 * these are restarts, as every start after the first is.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, SEED_DATA, STARTUP_RUNS, TSX_BIN } from './bench-config.js';
import { log } from './bench-log.js';
import { freePort, httpGet } from './loopback.js';
import { fmtMs, median, round, type TargetCheck } from './stats.js';

/** How a case is started. */
type Runner = 'node' | 'npm' | 'tsx' | 'reference';

const COMMANDS: Record<Runner, { cmd: string; args: string[] }> = {
  node: { cmd: process.execPath, args: ['dist/src/main.js'] },
  npm: { cmd: 'npm', args: ['start', '--silent'] },
  tsx: { cmd: TSX_BIN, args: ['src/main.ts'] },
  reference: { cmd: process.execPath, args: ['tools/bench/ref-server.mjs'] },
};

/** One timed start. */
interface StartTimes {
  /** Spawn → first 200 of /healthz. */
  readonly healthyMs: number;
  /** Spawn → first 200 of /readyz. */
  readonly readyMs: number;
  /** The service's own phases from its `ready` log line (ms), when it logs one. */
  readonly phases?: Record<string, number>;
}

async function poll(port: number, urlPath: string, started: number, exited: () => boolean) {
  for (;;) {
    if (exited()) throw new Error('exited before it answered');
    if (performance.now() - started > 180_000) throw new Error(`${urlPath} not 200 after 180 s`);
    const ok = await httpGet(port, urlPath).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Spawns a case and times spawn → healthy and → ready; stops it (SIGTERM to its group). */
async function timeStart(runner: Runner, env: Record<string, string>): Promise<StartTimes> {
  const port = await freePort();
  const { cmd, args } = COMMANDS[runner];
  const started = performance.now();
  const child = spawn(cmd, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true, // its own process group: npm and tsx run the service in a child of their own
  });
  let phases: Record<string, number> | undefined;
  let pending = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      try {
        const rec = JSON.parse(line) as { msg?: string; startup?: Record<string, number> };
        if (rec.msg === 'ready') phases = rec.startup;
      } catch {
        // not a log line
      }
    }
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    const healthyMs = await poll(port, '/healthz', started, () => exited);
    const readyMs = await poll(port, '/readyz', started, () => exited);
    // The ready line is logged as /readyz turns 200; log lines reach stdout within 200 ms.
    for (let i = 0; i < 50 && !phases; i++) await new Promise((r) => setTimeout(r, 10));
    return { healthyMs, readyMs, ...(phases ? { phases } : {}) };
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

/** One start-up case: medians of healthy and ready, the samples, and the ratio to the reference. */
export interface StartupRow {
  readonly what: string;
  readonly documents: number;
  /** Median spawn → healthy (/healthz 200). */
  readonly ms: number;
  /** Median spawn → ready (/readyz 200). */
  readonly readyMs: number;
  readonly samples: number[];
  readonly readySamples: number[];
  /** Medians of the service's own start phases (its `ready` log line), ms. */
  readonly phases?: Record<string, number>;
  /** Healthy, against the reference's. */
  readonly ratio: number;
}

/** Times every start-up case `STARTUP_RUNS` times, interleaved; the reference first. */
export async function benchStartup(corpus1k: string | undefined): Promise<StartupRow[]> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'citesum-startup-'));
  try {
    const one = path.join(tmp, 'one-file');
    mkdirSync(one);
    const seed = readdirSync(SEED_DATA).sort()[0]!;
    copyFileSync(path.join(SEED_DATA, seed), path.join(one, seed));
    const index = (name: string) => ({ INDEX_DIR: path.join(tmp, `index-${name}`) });
    const cases: {
      what: string;
      runner: Runner;
      env: Record<string, string>;
      documents: number;
    }[] = [
      { what: 'reference: minimal Hono server (node)', runner: 'reference', env: {}, documents: 0 },
      {
        what: 'citesum, one-file folder (node dist/src/main.js)',
        runner: 'node',
        env: { DATA_DIR: one, ...index('one') },
        documents: 1,
      },
      {
        what: 'citesum, one-file folder (npm start)',
        runner: 'npm',
        env: { DATA_DIR: one, ...index('one') },
        documents: 1,
      },
      {
        what: 'citesum, one-file folder (tsx src/main.ts, development)',
        runner: 'tsx',
        env: { DATA_DIR: one, ...index('one') },
        documents: 1,
      },
      {
        what: 'citesum, data/ (node dist/src/main.js)',
        runner: 'node',
        env: { DATA_DIR: SEED_DATA, ...index('seed') },
        documents: readdirSync(SEED_DATA).length,
      },
    ];
    if (corpus1k)
      cases.push({
        what: 'citesum, 1,000 articles (node dist/src/main.js)',
        runner: 'node',
        env: { DATA_DIR: corpus1k, ...index('1k') },
        documents: 1000,
      });
    // A first start of each folder builds its index; it is not timed.
    for (const c of cases) if (c.runner === 'node') await timeStart('node', c.env);
    const runs = new Map<string, StartTimes[]>(cases.map((c) => [c.what, []]));
    // Interleaved, so that a noisy moment hits every case alike.
    for (let run = 0; run < STARTUP_RUNS; run++)
      for (const c of cases) {
        const t = await timeStart(c.runner, c.env);
        runs.get(c.what)!.push(t);
        log(`start-up ${c.what}: healthy ${fmtMs(t.healthyMs)}, ready ${fmtMs(t.readyMs)}`);
      }
    const refMs = median(runs.get(cases[0]!.what)!.map((t) => t.healthyMs));
    return cases.map((c) => {
      const ts = runs.get(c.what)!;
      const healthy = ts.map((t) => t.healthyMs);
      const ready = ts.map((t) => t.readyMs);
      const withPhases = ts.filter((t) => t.phases);
      const phases = withPhases.length
        ? Object.fromEntries(
            Object.keys(withPhases[0]!.phases!).map((k) => [
              k,
              round(median(withPhases.map((t) => t.phases![k] ?? 0)), 0),
            ]),
          )
        : undefined;
      return {
        what: c.what,
        documents: c.documents,
        ms: round(median(healthy), 0),
        readyMs: round(median(ready), 0),
        samples: healthy.map((x) => round(x, 0)),
        readySamples: ready.map((x) => round(x, 0)),
        ...(phases ? { phases } : {}),
        ratio: round(median(healthy) / refMs, 2),
      };
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Start-up before issue 21, for the targets' "before": spawn → `/healthz` 200 when `/healthz`
 * answered only once the corpus was served (the README's figures of that release, measured on
 * this machine: `tsx src/server.ts` on a one-file folder, a restart of the service on 500 articles).
 */
export const BEFORE_ISSUE_21 = { oneFile: '2.8–3.6 s', restart500: '2.0 s' } as const;

/** Issue 21's start-up targets, with the stricter readiness figure beside each. */
export function startupTargets(startup: readonly StartupRow[]): TargetCheck[] {
  const one = startup.find((s) => s.what.startsWith('citesum, one-file folder (node'));
  const npm = startup.find((s) => s.what.startsWith('citesum, one-file folder (npm'));
  if (!one) return [];
  const out: TargetCheck[] = [
    {
      target: `start → healthy (/healthz 200), one-file folder, compiled (node dist/src/main.js) ≤ 0.5 s (before: ${BEFORE_ISSUE_21.oneFile})`,
      measured: fmtMs(one.ms),
      met: one.ms <= 500,
    },
    {
      target:
        'start → ready (/readyz 200: corpus served, workers hold it), one-file folder ≤ 0.5 s',
      measured: fmtMs(one.readyMs),
      met: one.readyMs <= 500,
    },
  ];
  if (npm)
    out.push({
      target: 'start → healthy through `npm start` (npm, prestart check), one-file folder ≤ 0.5 s',
      measured: `${fmtMs(npm.ms)} (ready ${fmtMs(npm.readyMs)})`,
      met: npm.ms <= 500,
    });
  return out;
}
