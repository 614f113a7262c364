import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { IndexBuilder, type Published } from '../../src/store/index-builder.js';
import { viewFromColumns } from '../../src/core/model.js';
import { ComputePool } from '../../src/workers/pools.js';
import { expectProblem, postJson, seedApp } from '../http/helpers.js';

const indexDir = mkdtempSync(path.join(tmpdir(), 'citesum-pools-'));
afterAll(() => rmSync(indexDir, { recursive: true, force: true }));

/** The seed files, many times over under other names: one posted summary of them takes a while. */
const heavy = {
  documents: Array.from({ length: 8 }, (_, k) =>
    readdirSync('data').map((f) => ({
      file: `${k}/${f}`,
      text: readFileSync(path.join('data', f), 'utf8'),
    })),
  ).flat(),
  topics: true,
};

describe('the compute pool', () => {
  let pool: ComputePool;
  let published: Published;
  beforeAll(async () => {
    published = await new IndexBuilder({ dataDir: 'data', indexDir }).open();
  }, 60_000);
  afterAll(() => pool?.close());

  it('refuses work beyond its queue with a 503 problem and Retry-After, and answers the rest', async () => {
    pool = new ComputePool({ workers: 1, maxQueue: 1 });
    const view = viewFromColumns(published.columns);
    const app = createApp({ model: view, loadedAt: new Date() }, { compute: pool });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => app.request('/v1/summarize', postJson(heavy))),
    );
    const statuses = answers.map((r) => r.status).sort();
    // One runs, one waits, the rest are refused at once.
    expect(statuses).toEqual([200, 200, 503, 503, 503]);
    for (const res of answers.filter((r) => r.status === 503)) {
      const body = await expectProblem(res, 503, /work queue is full; retry after \d+ s/);
      expect(body.title).toBe('Service Unavailable');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    // Once the queue drains, the same request is answered.
    expect((await app.request('/v1/summarize', postJson(heavy))).status).toBe(200);
  }, 120_000);

  it('answers every summary, topic and posted summary with the bytes the main thread computes', async () => {
    await pool?.close();
    pool = new ComputePool({ workers: 2, maxQueue: 100 });
    await pool.ready();
    const view = viewFromColumns(published.columns);
    const ref = { generation: 1, columns: published.columns };
    await pool.preload(ref);
    pool.register(view, ref);
    const inWorkers = createApp({ model: view, loadedAt: new Date() }, { compute: pool });
    const { app: inProcess, state } = await seedApp();
    const urls = ['/v1/topics', '/v1/summary', '/v1/summary?query=monthly%20users&maxSentences=3'];
    for (const story of state.model.stories) {
      urls.push(`/v1/topics/${story.topic.id}`, `/v1/topics/${story.topic.id}/summary`);
      for (const f of story.facets) urls.push(`/v1/topics/${f.topic.id}/summary?maxWords=60`);
    }
    for (const url of urls) {
      const [a, b] = await Promise.all([inWorkers.request(url), inProcess.request(url)]);
      expect(a.status, url).toBe(200);
      expect(await a.text(), url).toBe(await b.text());
      expect(a.headers.get('etag'), url).toBe(b.headers.get('etag'));
    }
    for (const path of ['/v1/summarize', '/v1/summarize.md']) {
      const init = postJson(heavy);
      const [a, b] = await Promise.all([
        inWorkers.request(path, init),
        inProcess.request(path, init),
      ]);
      expect(await a.text()).toBe(await b.text());
      expect(a.headers.get('content-type')).toBe(b.headers.get('content-type'));
    }
  }, 120_000);
});
