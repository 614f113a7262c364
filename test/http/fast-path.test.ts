import { describe, expect, it } from 'vitest';
import { buildModel, loadCorpus } from '../../src/core/index.js';
import { seedApp } from './helpers.js';

describe('answers remembered by request target', () => {
  it('are the same bytes and headers as the first answer, 304 included, for JSON and Markdown', async () => {
    const { app, state } = await seedApp();
    const id = state.model.stories[0]!.topic.id;
    for (const url of [
      `/v1/topics/${id}/summary?maxSentences=2`,
      `/v1/topics/${id}/summary.md?maxSentences=2`,
      '/v1/summary',
      '/v1/summary.md?query=protests',
      '/v1/topics',
    ]) {
      const first = await app.request(url);
      const again = await app.request(url);
      expect(again.status).toBe(200);
      expect(await again.text()).toBe(await first.text());
      for (const h of ['content-type', 'etag', 'x-corpus-fingerprint'])
        expect(again.headers.get(h), `${url} ${h}`).toBe(first.headers.get(h));
      const cached = await app.request(url, {
        headers: { 'If-None-Match': first.headers.get('etag')! },
      });
      expect(cached.status).toBe(304);
    }
    const md = await app.request(`/v1/topics/${id}/summary.md?maxSentences=2`);
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    const json = await app.request(`/v1/topics/${id}/summary?maxSentences=2`, {
      headers: { Accept: 'text/markdown' },
    });
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('are never answered from an earlier model after a swap', async () => {
    const { app, state } = await seedApp();
    const before = await (await app.request('/v1/summary?maxSentences=1')).json();
    const corpus = await loadCorpus('data');
    state.model = buildModel({ files: corpus.files.slice(0, 2) });
    const after = (await (await app.request('/v1/summary?maxSentences=1')).json()) as {
      corpus: string;
    };
    expect(after.corpus).toBe(state.model.fingerprint);
    expect(after.corpus).not.toBe((before as { corpus: string }).corpus);
  });

  it('do not answer invalid parameters, which still get their 400', async () => {
    const { app } = await seedApp();
    expect((await app.request('/v1/summary?maxSentences=0')).status).toBe(400);
    expect((await app.request('/v1/summary?maxSentences=0')).status).toBe(400);
  });
});
