import { describe, expect, it } from 'vitest';
import { TopicDetailSchema, TopicListSchema } from '../../../schemas/topic.js';
import { expectProblem, seedApp } from '../helpers.js';

describe('GET /v1/topics', () => {
  it('lists the stories of the seed corpus, each with its facets, and the corpus fingerprint', async () => {
    const { app, state } = await seedApp();
    const res = await app.request('/v1/topics');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-corpus-fingerprint')).toBe(state.model.fingerprint);
    const body = TopicListSchema.parse(await res.json());
    expect(body.corpus).toBe(state.model.fingerprint);
    expect(body.total).toBe(2);
    expect(body.topics.map((t) => t.fileCount)).toEqual([4, 1]);
    expect(body.nextCursor).toBeUndefined();
    for (const story of body.topics) {
      expect(story.kind).toBe('story');
      expect(story.files.length).toBe(story.fileCount);
      for (const f of story.subtopics) {
        expect(f.kind).toBe('facet');
        expect(f.parent).toBe(story.id);
      }
    }
    expect(body.topics[0]!.subtopics.length).toBeGreaterThan(2);
    const ids = body.topics.flatMap((t) => [t.id, ...t.subtopics.map((f) => f.id)]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('pages the list with limit and cursor, each page linking to the next', async () => {
    const { app } = await seedApp();
    const first = TopicListSchema.parse(await (await app.request('/v1/topics?limit=1')).json());
    expect(first.topics).toHaveLength(1);
    expect(first.total).toBe(2);
    expect(first.next).toBe(`/v1/topics?limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`);
    const second = TopicListSchema.parse(await (await app.request(first.next!)).json());
    expect(second.topics).toHaveLength(1);
    expect(second.nextCursor).toBeUndefined();
    const all = TopicListSchema.parse(await (await app.request('/v1/topics')).json());
    expect([...first.topics, ...second.topics]).toEqual(all.topics);
  });

  it('refuses a cursor it never gave out, or one from another state of the corpus, with 400', async () => {
    const { app, state } = await seedApp();
    await expectProblem(await app.request('/v1/topics?cursor=bogus'), 400, /cursor/);
    const { nextCursor } = TopicListSchema.parse(
      await (await app.request('/v1/topics?limit=1')).json(),
    );
    const { modelFromTexts } = await import('../../../src/core/index.js');
    const old = state.model;
    state.model = modelFromTexts([{ file: 'a.txt', text: 'The harbour council met.\n' }]);
    try {
      await expectProblem(
        await app.request(`/v1/topics?cursor=${nextCursor}`),
        400,
        /earlier state of the corpus/,
      );
    } finally {
      state.model = old;
    }
    await expectProblem(await app.request('/v1/topics?limit=0'), 400, /limit/);
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

describe('GET /v1/topics/{topicId}', () => {
  it("gives a story's every file and its facets' sentences, each cited exactly", async () => {
    const { app, state } = await seedApp();
    const list = TopicListSchema.parse(await (await app.request('/v1/topics')).json());
    const story = list.topics[0]!;
    const res = await app.request(`/v1/topics/${story.id}`);
    expect(res.status).toBe(200);
    const body = TopicDetailSchema.parse(await res.json());
    expect(body.topic.id).toBe(story.id);
    expect(body.files).toHaveLength(story.fileCount);
    expect(body.subtopics!.map((f) => f.id)).toEqual(story.subtopics.map((f) => f.id));
    expect(body.facets.map((f) => f.topic.id)).toEqual(story.subtopics.map((f) => f.id));
    for (const facet of body.facets) {
      expect(facet.sentences).toHaveLength(facet.topic.sentenceCount);
      for (const c of facet.sentences) {
        const text = state.model.byId.get(c.file)!.text;
        expect(text.slice(c.offsets.start, c.offsets.end)).toBe(c.quote);
      }
    }
  });

  it('gives a facet with its own sentences, and 404 for an unknown id', async () => {
    const { app } = await seedApp();
    const list = TopicListSchema.parse(await (await app.request('/v1/topics')).json());
    const facet = list.topics[0]!.subtopics[0]!;
    const body = TopicDetailSchema.parse(
      await (await app.request(`/v1/topics/${facet.id}`)).json(),
    );
    expect(body.topic).toEqual(facet);
    expect(body.subtopics).toBeUndefined();
    expect(body.facets).toHaveLength(1);
    await expectProblem(await app.request('/v1/topics/s-0000000000'), 404, /s-0000000000/);
  });
});
