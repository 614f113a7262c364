import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../schemas/summary.js';
import { loadConfig } from '../../src/config.js';
import { buildModel, loadCorpus } from '../../src/core/index.js';
import { createApp } from '../../src/http/app.js';
import { type RunningServer, startServer } from '../../src/server.js';
import { memoryLogger } from '../memory-logger.js';

/**
 * The server's reloads through the workers: the swap is atomic (a request sees the old model or
 * the new one, whole), and an incremental reload, once its stories settle, answers exactly as a
 * full rebuild of the folder does.
 */

const root = mkdtempSync(path.join(tmpdir(), 'citesum-publisher-'));
const dataDir = path.join(root, 'data');
let running: RunningServer;
const { logger, records } = memoryLogger('info');

beforeAll(async () => {
  cpSync('data', dataDir, { recursive: true });
  running = await startServer(
    loadConfig({
      DATA_DIR: dataDir,
      INDEX_DIR: path.join(root, 'index'),
      HOST: '127.0.0.1',
      PORT: '0',
      WORKERS: '2',
    }),
    logger,
  );
  await running.ready;
}, 120_000);
afterAll(async () => {
  await running?.close();
  rmSync(root, { recursive: true, force: true });
});

function edit(file: string, text: string) {
  const full = path.join(dataDir, file);
  writeFileSync(full, readFileSync(full, 'utf8').replace('. ', `. ${text} `));
}

interface Seen {
  readonly started: number;
  readonly ended: number;
  readonly path: string;
  readonly status: number;
  readonly corpus: string;
  readonly body: string;
}

/** Requests (cheap reads and computed summaries) sent back to back until `stop()`. */
function hammer(url: string) {
  const seen: Seen[] = [];
  let stopped = false;
  let n = 0;
  const paths = () => [
    '/healthz',
    '/v1/documents',
    '/v1/topics',
    // A new budget each time: computed by a worker, never cached.
    `/v1/summary?maxWords=${40 + (n++ % 400)}`,
  ];
  const loop = async () => {
    while (!stopped)
      for (const p of paths()) {
        const started = performance.now();
        const res = await fetch(`${url}${p}`);
        const body = await res.text();
        const corpus =
          res.headers.get('x-corpus-fingerprint') ??
          (JSON.parse(body) as { corpus: string }).corpus;
        seen.push({ started, ended: performance.now(), path: p, status: res.status, corpus, body });
      }
  };
  const loops = Promise.all([loop(), loop(), loop()]);
  return {
    seen,
    stop: async () => {
      stopped = true;
      await loops;
    },
  };
}

describe('reloads through the workers', () => {
  it('swap the model atomically: every request sees the old corpus or the new one, whole, and never an error', async () => {
    const before = await loadCorpus(dataDir);
    const old = running.state.model.fingerprint;
    const traffic = hammer(running.url);
    await new Promise((r) => setTimeout(r, 300));
    edit('002_90d0f9c44a687009.txt', 'The regulator also fined a local operator on Friday.');
    await running.reload();
    // Traffic goes on after the swap until it has answered enough requests to judge (a reload
    // published from shared memory is quick, so a fixed pause may see only a few).
    for (let t = 0; t < 100 && (t < 3 || traffic.seen.length <= 20); t++)
      await new Promise((r) => setTimeout(r, 100));
    await traffic.stop();
    const now = running.state.model.fingerprint;
    expect(now).not.toBe(old);
    const after = await loadCorpus(dataDir);
    const shaOf = new Map([
      [old, new Map(before.files.map((f) => [f.id, f.sha256]))],
      [now, new Map(after.files.map((f) => [f.id, f.sha256]))],
    ]);
    expect(traffic.seen.length).toBeGreaterThan(20);
    for (const s of traffic.seen) {
      expect(s.status, s.path).toBe(200);
      expect([old, now], s.path).toContain(s.corpus);
      if (s.path.startsWith('/v1/summary')) {
        // Computed in a worker, on the model of the corpus the answer names.
        const summary = JSON.parse(s.body) as Summary;
        for (const c of summary.sentences.flatMap((x) => x.citations))
          expect(c.sha256).toBe(shaOf.get(s.corpus)!.get(c.file));
      }
    }
    // One swap: no request that started after the new corpus was first answered saw the old one.
    const firstNew = Math.min(...traffic.seen.filter((s) => s.corpus === now).map((s) => s.ended));
    expect(traffic.seen.filter((s) => s.started > firstNew && s.corpus === old)).toEqual([]);
    expect(traffic.seen.some((s) => s.corpus === old)).toBe(true);
  }, 120_000);

  it('reflect an edit at once (its old citations verify as stale) and, once stories settle, answer as a full rebuild does', async () => {
    const file = '003_2772de2c2eaa7074.txt';
    const cited = (await (await fetch(`${running.url}/v1/summary`)).json()) as Summary;
    const citations = cited.sentences.flatMap((s) => s.citations).filter((c) => c.file === file);
    expect(citations.length).toBeGreaterThan(0);
    edit(file, 'Officials in Moscow announced a review of the measures on Wednesday.');
    writeFileSync(
      path.join(dataDir, '005_added.txt'),
      'Moscow court fines Telegram\n\nA Moscow court fined Telegram on Thursday for failing to remove content the regulator had flagged, the court said in a statement.\nThe messenger did not comment on the ruling.\n',
    );
    await running.reload();
    expect(records.map((r) => r.msg)).toEqual(
      expect.arrayContaining(['corpus reloaded', 'stories settled']),
    );
    const verify = await fetch(`${running.url}/v1/citations/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ citations }),
    });
    const { results } = (await verify.json()) as { results: { status: string }[] };
    expect(results.map((r) => r.status)).toEqual(citations.map(() => 'stale'));

    const full = createApp({ model: buildModel(await loadCorpus(dataDir)), loadedAt: new Date() });
    const topics = (await (await full.request('/v1/topics')).json()) as {
      topics: { id: string; subtopics: { id: string }[] }[];
    };
    const urls = ['/v1/topics', '/v1/documents', '/v1/summary', '/v1/summary?query=voice%20calls'];
    for (const t of topics.topics) {
      urls.push(`/v1/topics/${t.id}`, `/v1/topics/${t.id}/summary`);
      for (const f of t.subtopics) urls.push(`/v1/topics/${f.id}/summary`);
    }
    for (const url of urls) {
      const served = await fetch(`${running.url}${url}`);
      const rebuilt = await full.request(url);
      expect(served.status, url).toBe(200);
      expect(await served.text(), url).toBe(await rebuilt.text());
    }
  }, 120_000);
});
