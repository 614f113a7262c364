/**
 * The service as its own process for the service benchmarks: `node dist/src/main.js` (the
 * compiled service `npm start` runs) on a free port, its JSON log lines parsed as they come, its peak RSS read from /proc, and a
 * small keep-alive HTTP client whose latencies are measured from this (otherwise idle) process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { freePort } from './loopback.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** One log record of the service. */
export type LogRecord = { msg?: string; ms?: number } & Record<string, unknown>;

/** A running service process. */
export interface ServiceProcess {
  readonly port: number;
  readonly pid: number;
  /** Every log record so far, in order. */
  readonly logs: LogRecord[];
  /** Milliseconds from spawn to the first 200 of /readyz (ready: the workers hold the model). */
  readonly startMs: number;
  /** Milliseconds from spawn to the first 200 of /healthz (the process answers). */
  readonly healthyMs: number;
  /** Resolves with the first record (past or future) that passes `test`. */
  waitFor(test: (r: LogRecord) => boolean, timeoutMs?: number): Promise<LogRecord>;
  /** Peak resident set size of the process so far (all its threads), MiB. */
  peakRssMb(): number;
  /** Resident set size of the process now, MiB. */
  rssMb(): number;
  /** SIGTERM, then waits for the exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** One request; resolves with the status, the body and the latency in ms. */
export function request(
  port: number,
  path: string,
  init: { method?: string; body?: string } = {},
): Promise<{ status: number; body: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: init.method ?? 'GET',
        agent,
        headers: init.body ? { 'content-type': 'application/json' } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
    req.end(init.body);
  });
}

function statusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`, 'u').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

const vmHwmMb = (pid: number) => statusMb(pid, 'VmHWM');

/** Spawns the service and resolves once /readyz answers 200 (rejects if it exits first). */
export async function startService(
  env: Record<string, string>,
  timeoutMs = 900_000,
): Promise<ServiceProcess> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logs: LogRecord[] = [];
  let waiters: { test: (r: LogRecord) => boolean; resolve: (r: LogRecord) => void }[] = [];
  let pending = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      try {
        const rec = JSON.parse(line) as LogRecord;
        if (rec.msg === 'request') continue;
        logs.push(rec);
        waiters = waiters.filter((w) => (w.test(rec) ? (w.resolve(rec), false) : true));
      } catch {
        // not a log line
      }
    }
  });
  let exited = false;
  let how = '';
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      how = signal ? `signal ${signal}` : `exit status ${code}`;
      resolve();
    }),
  );
  let peak = 0;
  const pid = child.pid!;
  const sampler = setInterval(() => (peak = Math.max(peak, vmHwmMb(pid))), 250);
  sampler.unref();
  const until = async (urlPath: string) => {
    for (;;) {
      if (exited)
        throw new Error(
          `the service ended (${how}) before ${urlPath} answered 200; its last log lines:\n${logs
            .slice(-5)
            .map((r) => JSON.stringify(r).slice(0, 500))
            .join('\n')}`,
        );
      if (performance.now() - started > timeoutMs) throw new Error(`${urlPath} never answered 200`);
      const ok = await request(port, urlPath).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const healthyMs = await until('/healthz');
  const startMs = await until('/readyz');
  return {
    port,
    pid,
    logs,
    startMs,
    healthyMs,
    waitFor(test, waitMs = 600_000) {
      const seen = logs.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('timed out waiting for a log line')),
          waitMs,
        );
        waiters.push({ test, resolve: (r) => (clearTimeout(timer), resolve(r)) });
      });
    },
    peakRssMb: () => (peak = Math.max(peak, vmHwmMb(pid))),
    rssMb: () => statusMb(pid, 'VmRSS'),
    async stop() {
      peak = Math.max(peak, vmHwmMb(pid));
      clearInterval(sampler);
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** Polls `GET /healthz` back to back (one connection) until `done()`; the latencies in ms. */
export async function pollHealth(
  port: number,
  done: () => boolean,
  pauseMs = 10,
): Promise<number[]> {
  const out: number[] = [];
  while (!done()) {
    const r = await request(port, '/healthz');
    out.push(r.ms);
    await new Promise((res) => setTimeout(res, pauseMs));
  }
  return out;
}

/** The p-th percentile (0–100) of some samples, nearest rank; 0 when empty. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
