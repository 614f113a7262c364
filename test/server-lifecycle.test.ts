import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HealthSchema, type ReadinessPhase } from '../schemas/api.js';
import { loadConfig } from '../src/config.js';
import { type RunningServer, startServer } from '../src/server.js';
import { parseExposition, valueOf } from './http/prometheus-text.js';
import { memoryLogger } from './memory-logger.js';

/**
 * The server's life in process (issue 21): it listens before its corpus is loaded, `/readyz`
 * answers 503 until the compute workers hold the model, the start is logged phase by phase, and
 * `/metrics` follows the served model, its builds and reloads, the worker threads and index reuse.
 */

const root = mkdtempSync(path.join(tmpdir(), 'citesum-lifecycle-'));
const dataDir = path.join(root, 'data');
cpSync('data', dataDir, { recursive: true });
const config = loadConfig({
  DATA_DIR: dataDir,
  INDEX_DIR: path.join(root, 'index'),
  HOST: '127.0.0.1',
  PORT: '0',
  WORKERS: '2',
});
let running: RunningServer | undefined;
afterAll(async () => {
  await running?.close();
  rmSync(root, { recursive: true, force: true });
});

const PHASES: readonly ReadinessPhase[] = ['starting', 'loading', 'workers', 'ready'];

async function metrics(url: string) {
  return parseExposition(await (await fetch(`${url}/metrics`)).text());
}

describe('a start', () => {
  const { logger, records } = memoryLogger('info');

  it('listens at once, and answers /readyz 503 with the reason until the compute workers hold the model', async () => {
    running = await startServer(config, logger);
    let readyAt = Infinity;
    void running.ready.then(() => (readyAt = performance.now()));
    const seen: { phase: ReadinessPhase; ready: number; at: number }[] = [];
    for (let i = 0; ; i++) {
      const health = HealthSchema.parse(await (await fetch(`${running.url}/healthz`)).json());
      const ready = await fetch(`${running.url}/readyz`);
      const at = performance.now();
      seen.push({ phase: health.phase, ready: ready.status, at });
      if (ready.status === 200) break;
      const problem = (await ready.json()) as { detail: string };
      expect(problem.detail).toMatch(/^not ready: /);
      expect(ready.headers.get('retry-after')).toBe('1');
      expect(i).toBeLessThan(5000);
      await new Promise((r) => setTimeout(r, 5));
    }
    // Not ready when it began listening; ready only once the workers held the model.
    expect(seen[0]!.ready).toBe(503);
    expect(seen[0]!.phase).not.toBe('ready');
    for (const s of seen.filter((x) => x.ready === 200)) expect(s.at).toBeGreaterThan(readyAt);
    // The phases only move forward.
    const order = seen.map((s) => PHASES.indexOf(s.phase));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(records.map((r) => r.msg)).toEqual(
      expect.arrayContaining(['listening', 'corpus loaded', 'ready']),
    );
  }, 120_000);

  it('says in its first log line how long each phase of the start took, and in its ready line the rest', () => {
    expect(records[0]!.msg).toBe('listening');
    // The port opens before anything heavy loads: the only phase before it is the listen.
    expect(records[0]!.startup).toEqual({ listen: expect.any(Number) });
    expect(records[0]!.auth).toBe('none');
    const ready = records.find((r) => r.msg === 'ready')!;
    expect(ready.startup).toMatchObject({
      threads: expect.any(Number),
      app: expect.any(Number),
      corpus: expect.any(Number),
      workers: expect.any(Number),
    });
    const { corpus, workers } = ready.startup as { corpus: number; workers: number };
    expect(workers).toBeGreaterThanOrEqual(corpus);
  });

  it('exposes the served model, its first build and the worker threads in /metrics', async () => {
    const url = running!.url;
    const m = await metrics(url);
    expect(valueOf(m, 'citesum_ready')).toBe(1);
    expect(valueOf(m, 'citesum_model_generation')).toBe(1);
    expect(valueOf(m, 'citesum_corpus_documents')).toBe(5);
    expect(valueOf(m, 'citesum_corpus_stories')).toBeGreaterThan(0);
    expect(valueOf(m, 'citesum_model_builds_total', { kind: 'open', outcome: 'published' })).toBe(
      1,
    );
    expect(valueOf(m, 'citesum_index_models_total', { source: 'built' })).toBe(1);
    expect(valueOf(m, 'citesum_index_files_total', { how: 'read' })).toBe(5);
    expect(valueOf(m, 'citesum_worker_threads', { pool: 'compute' })).toBe(2);
    expect(valueOf(m, 'citesum_worker_threads', { pool: 'builder' })).toBe(1);
    const busy = m.samples.filter(
      (s) => s.name === 'citesum_worker_event_loop_seconds_total' && s.labels.state === 'busy',
    );
    expect(busy).toHaveLength(3);
    for (const s of busy) expect(s.value).toBeGreaterThan(0);
    expect(valueOf(m, 'citesum_startup_duration_seconds', { phase: 'total' })).toBeGreaterThan(0);
  });

  it('counts reloads: the one that published the edit (the model generation moves on), and unchanged ones', async () => {
    const file = path.join(dataDir, '002_90d0f9c44a687009.txt');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nThe regulator said more on Friday.\n`);
    await running!.reload();
    await running!.reload();
    const m = await metrics(running!.url);
    expect(valueOf(m, 'citesum_model_builds_total', { kind: 'reload', outcome: 'published' })).toBe(
      1,
    );
    // The second reload, and the watcher's own when it saw the edit after the first.
    expect(
      valueOf(m, 'citesum_model_builds_total', { kind: 'reload', outcome: 'unchanged' }),
    ).toBeGreaterThanOrEqual(1);
    expect(valueOf(m, 'citesum_model_generation')).toBeGreaterThanOrEqual(2);
    expect(valueOf(m, 'citesum_index_models_total', { source: 'incremental' })).toBeGreaterThan(0);
    expect(
      valueOf(m, 'citesum_model_build_duration_seconds_count', {
        kind: 'reload',
        outcome: 'published',
      }),
    ).toBe(1);
  }, 120_000);

  it('counts a restart read from the persisted index as index reuse', async () => {
    await running!.close();
    running = await startServer(config, memoryLogger('silent').logger);
    await running.ready;
    const m = await metrics(running.url);
    expect(valueOf(m, 'citesum_index_models_total', { source: 'index' })).toBe(1);
    expect(valueOf(m, 'citesum_index_models_total', { source: 'built' })).toBeUndefined();
  }, 120_000);
});

describe('listening beyond loopback', () => {
  it('warns at start when there is no API key, and not when there is one', async () => {
    for (const env of [{}, { API_KEY: 'lifecycle-key_0123456789' }]) {
      const { logger, records } = memoryLogger('info');
      const open = await startServer(
        loadConfig({
          DATA_DIR: dataDir,
          INDEX_DIR: path.join(root, 'index'),
          HOST: '0.0.0.0',
          PORT: '0',
          ...env,
        }),
        logger,
      );
      await open.close();
      logger.flush();
      const warning = records.find((r) => r.level === 'warn' && /without an API key/.test(r.msg));
      expect(records[0]).toMatchObject({
        msg: 'listening',
        auth: 'API_KEY' in env ? 'API_KEY' : 'none',
      });
      if ('API_KEY' in env) expect(warning).toBeUndefined();
      else expect(warning).toMatchObject({ host: '0.0.0.0' });
    }
  }, 120_000);
});
