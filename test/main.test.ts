import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseExposition, valueOf } from './http/prometheus-text.js';

/**
 * The service as a process (src/main.ts, issue 21): on SIGTERM `/readyz` turns 503, no new
 * connection is accepted, the requests in flight finish (at most SHUTDOWN_TIMEOUT_MS), exit 0.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const root = mkdtempSync(path.join(tmpdir(), 'citesum-main-'));
const dataDir = path.join(root, 'data');
cpSync(path.join(ROOT, 'data'), dataDir, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A posted summary that keeps the one compute worker busy for a while: the seeds, twice, with topics. */
const SLOW_BODY = JSON.stringify({
  documents: [0, 1].flatMap((k) =>
    readdirSync(dataDir).map((f) => ({
      file: `${k}/${f}`,
      text: readFileSync(path.join(dataDir, f), 'utf8'),
    })),
  ),
  topics: true,
});

type Line = Record<string, unknown> & { msg?: string };

/** The service from its sources, on a free port, its log lines parsed. */
function start(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      INDEX_DIR: path.join(root, 'index'),
      WORKERS: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Line[] = [];
  let waiters: { test: (l: Line) => boolean; resolve: (l: Line) => void }[] = [];
  let out = '';
  let pending = '';
  child.stdout!.on('data', (b: Buffer) => {
    pending += b.toString();
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
      const line = JSON.parse(pending.slice(0, nl)) as Line;
      pending = pending.slice(nl + 1);
      lines.push(line);
      waiters = waiters.filter((w) => (w.test(line) ? (w.resolve(line), false) : true));
    }
  });
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const waitFor = (test: (l: Line) => boolean) =>
    new Promise<Line>((resolve, reject) => {
      const seen = lines.find(test);
      if (seen) return resolve(seen);
      waiters.push({ test, resolve });
      void exited.then((code) => reject(new Error(`exited ${code}: ${out}`)));
    });
  return { child, lines, exited, waitFor };
}

/** Resolves with the error code of a new TCP connection to `port` ('' when it was accepted). */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });
}

/** Fires `n` slow requests and resolves once the service counts them all in flight. */
async function slowRequests(url: string, n: number) {
  const answers = Array.from({ length: n }, () =>
    fetch(`${url}/v1/summarize`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: SLOW_BODY,
    }).then(async (res) => ({ status: res.status, body: await res.text() })),
  );
  for (;;) {
    const m = parseExposition(await (await fetch(`${url}/metrics`)).text());
    // The scrape itself is one of the requests in flight.
    if ((valueOf(m, 'citesum_http_requests_in_flight') ?? 0) >= n + 1) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return answers;
}

describe('SIGTERM', () => {
  it('lets 20 slow requests in flight finish, accepts no new connection meanwhile, and exits 0', async () => {
    const s = start({ SHUTDOWN_TIMEOUT_MS: '300000' });
    const { url, port } = (await s
      .waitFor((l) => l.msg === 'ready')
      .then(() => s.waitFor((l) => l.msg === 'listening'))) as { url: string; port: number };
    const answers = await slowRequests(url, 20);
    s.child.kill('SIGTERM');
    const shutting = await s.waitFor((l) => l.msg === 'shutting down');
    expect(shutting.inFlight).toBeGreaterThanOrEqual(20);
    expect(await tryConnect(port)).toBe('ECONNREFUSED');
    const done = await Promise.all(answers);
    expect(done.map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 200));
    for (const a of done)
      expect(
        (JSON.parse(a.body) as { summary: { sentences: unknown[] } }).summary.sentences.length,
      ).toBeGreaterThan(0);
    expect(await s.exited).toBe(0);
    expect(s.lines.at(-1)!.msg).toBe('stopped');
  }, 300_000);

  it('closes what is still in flight after SHUTDOWN_TIMEOUT_MS, says so, and exits 1', async () => {
    const s = start({ SHUTDOWN_TIMEOUT_MS: '200' });
    const { url } = (await s
      .waitFor((l) => l.msg === 'ready')
      .then(() => s.waitFor((l) => l.msg === 'listening'))) as { url: string };
    const answers = await slowRequests(url, 5);
    s.child.kill('SIGTERM');
    const settled = await Promise.allSettled(answers);
    expect(settled.some((a) => a.status === 'rejected')).toBe(true);
    expect(await s.exited).toBe(1);
    expect(s.lines.map((l) => l.msg)).toContain(
      'requests still in flight after SHUTDOWN_TIMEOUT_MS; their connections were closed',
    );
  }, 300_000);
});
