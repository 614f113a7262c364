import { describe, expect, it } from 'vitest';
import { TopicListSchema } from '../../../schemas/api.js';
import { seedApp } from '../helpers.js';

describe('GET /v1/topics', () => {
  it('lists the topics of the seed corpus with the corpus fingerprint', async () => {
    const { app, state } = await seedApp();
    const res = await app.request('/v1/topics');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-corpus-fingerprint')).toBe(state.model.fingerprint);
    const body = TopicListSchema.parse(await res.json());
    expect(body.corpus).toBe(state.model.fingerprint);
    expect(body.topics.length).toBeGreaterThan(1);
    expect(new Set(body.topics.map((t) => t.id)).size).toBe(body.topics.length);
  });

  it('answers byte-identical bodies with the same ETag, and 304 to If-None-Match', async () => {
    const { app } = await seedApp();
    const a = await app.request('/v1/topics');
    const b = await app.request('/v1/topics');
    expect(await a.text()).toBe(await b.text());
    const etag = a.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(b.headers.get('etag')).toBe(etag);
    const c = await app.request('/v1/topics', { headers: { 'If-None-Match': `"nope", ${etag}` } });
    expect(c.status).toBe(304);
    expect(c.headers.get('etag')).toBe(etag);
    expect(
      (await app.request('/v1/topics', { headers: { 'If-None-Match': '"stale"' } })).status,
    ).toBe(200);
  });

  it('changes body and ETag when the server swaps in a new corpus', async () => {
    const { app, state } = await seedApp();
    const before = await app.request('/v1/topics');
    const { modelFromTexts } = await import('../../../src/core/index.js');
    const old = state.model;
    state.model = modelFromTexts([
      { file: 'a.txt', text: 'The harbour council approved the new budget on Monday.\n' },
    ]);
    try {
      const after = await app.request('/v1/topics', {
        headers: { 'If-None-Match': before.headers.get('etag')! },
      });
      expect(after.status).toBe(200);
      expect(((await after.json()) as { corpus: string }).corpus).toBe(state.model.fingerprint);
    } finally {
      state.model = old;
    }
  });
});
