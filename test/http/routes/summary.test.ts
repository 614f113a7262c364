import { describe, expect, it } from 'vitest';
import { TopicListSchema } from '../../../schemas/topic.js';
import { type Summary, SummarySchema } from '../../../schemas/summary.js';
import { countWords } from '../../../src/core/index.js';
import { citationLabel, footnoteText } from '../../../src/render/markdown.js';
import { citationsOf, expectProblem, postJson, seedApp } from '../helpers.js';

async function firstTopicId(app: Awaited<ReturnType<typeof seedApp>>['app']): Promise<string> {
  const list = TopicListSchema.parse(await (await app.request('/v1/topics')).json());
  return list.topics[0]!.id;
}

describe('GET /v1/topics/{topicId}/summary', () => {
  it("returns the topic's summary: every sentence cited, quotes exact, budget kept", async () => {
    const { app, state } = await seedApp();
    const id = await firstTopicId(app);
    const res = await app.request(`/v1/topics/${id}/summary?maxSentences=3&maxWords=120`);
    expect(res.status).toBe(200);
    const body = SummarySchema.parse(await res.json());
    expect(body.topic?.id).toBe(id);
    expect(body.corpus).toBe(state.model.fingerprint);
    expect(body.sentences.length).toBeGreaterThan(0);
    expect(body.sentences.length).toBeLessThanOrEqual(3);
    expect(body.wordCount).toBeLessThanOrEqual(120);
    expect(body.wordCount).toBe(body.sentences.reduce((n, s) => n + countWords(s.text), 0));
    for (const c of citationsOf(body)) {
      expect(state.model.byId.get(c.file)!.text.slice(c.offsets.start, c.offsets.end)).toBe(
        c.quote,
      );
    }
  });

  it('gives every citation an href that opens lines containing its quote', async () => {
    const { app } = await seedApp();
    const id = await firstTopicId(app);
    const body = (await (await app.request(`/v1/topics/${id}/summary`)).json()) as Summary;
    for (const c of citationsOf(body)) {
      const res = await app.request(c.href);
      expect(res.status).toBe(200);
      const lines = (await res.json()) as { lines: { number: number; text: string }[] };
      expect(lines.lines.map((l) => l.number)).toEqual(
        Array.from({ length: c.lines.end - c.lines.start + 1 }, (_, i) => c.lines.start + i),
      );
      expect(
        lines.lines
          .map((l) => l.text)
          .join('\n')
          .replace(/\s+/g, ' '),
      ).toContain(c.quote.replace(/\s+/g, ' '));
    }
  });

  it('lets a client verify all of its citations in one call', async () => {
    const { app } = await seedApp();
    const id = await firstTopicId(app);
    const body = (await (await app.request(`/v1/topics/${id}/summary`)).json()) as Summary;
    const res = await app.request(
      '/v1/citations/verify',
      postJson({ citations: citationsOf(body) }),
    );
    const { results } = (await res.json()) as { results: { status: string }[] };
    expect(results.map((r) => r.status)).toEqual(citationsOf(body).map(() => 'verified'));
  });

  it('answers Markdown at summary.md with one footnote per distinct citation, naming file:lines, offsets and quote, and sentences as paragraphs', async () => {
    const { app } = await seedApp();
    const id = await firstTopicId(app);
    const json = (await (await app.request(`/v1/topics/${id}/summary`)).json()) as Summary;
    const res = await app.request(`/v1/topics/${id}/summary.md`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const md = await res.text();
    expect(md.startsWith(`# ${json.topic!.label}\n\n`)).toBe(true);
    const footnotes = md.split('\n').filter((l) => l.startsWith('[^'));
    const distinct = new Set(citationsOf(json).map((c) => footnoteText(c)));
    expect(footnotes.map((l) => l.replace(/^\[\^\d+\]: /, ''))).toEqual([...distinct]);
    for (const c of citationsOf(json))
      expect(footnoteText(c).startsWith(`${citationLabel(c)}, offsets ${c.offsets.start}–`)).toBe(
        true,
      );
    const body = md.slice(md.indexOf('\n\n') + 2, md.indexOf('\n\n[^'));
    const paragraphs = body.split('\n\n');
    expect(paragraphs).toHaveLength(json.sentences.length);
    expect(paragraphs.join('').match(/\[\^\d+\]/g)).toHaveLength(citationsOf(json).length);
  });

  it('keeps JSON and Markdown ETags apart and answers 304 for each', async () => {
    const { app } = await seedApp();
    const id = await firstTopicId(app);
    const url = `/v1/topics/${id}/summary?maxSentences=2`;
    const mdUrl = `/v1/topics/${id}/summary.md?maxSentences=2`;
    const json = await app.request(url);
    const md = await app.request(mdUrl);
    expect(json.headers.get('etag')).not.toBe(md.headers.get('etag'));
    const status = async (u: string, etag: string) =>
      (await app.request(u, { headers: { 'If-None-Match': etag } })).status;
    expect(await status(url, json.headers.get('etag')!)).toBe(304);
    expect(await status(mdUrl, md.headers.get('etag')!)).toBe(304);
    expect(await status(mdUrl, json.headers.get('etag')!)).toBe(200);
  });

  it('answers JSON whatever the Accept header says: Markdown has its own path', async () => {
    const { app } = await seedApp();
    const id = await firstTopicId(app);
    for (const accept of ['text/markdown', 'text/markdown;q=0.5, application/json']) {
      const res = await app.request(`/v1/topics/${id}/summary`, { headers: { Accept: accept } });
      expect(res.headers.get('content-type'), accept).toBe('application/json');
      expect(res.headers.get('vary'), accept).toBeNull();
    }
  });

  it('answers the Markdown twin with the same problems as the JSON route', async () => {
    const { app } = await seedApp();
    await expectProblem(await app.request('/v1/topics/t-nope/summary.md'), 404, /topicId/);
    await expectProblem(await app.request('/v1/summary.md?maxSentences=0'), 400, /maxSentences/);
  });

  it('answers 404 naming the unknown topic id', async () => {
    const { app } = await seedApp();
    await expectProblem(
      await app.request('/v1/topics/t-nope/summary'),
      404,
      /path parameter topicId: no story or facet has the id "t-nope"/,
    );
  });

  it.each([
    ['maxSentences=0', /query parameter maxSentences: Too small/],
    ['maxSentences=51', /query parameter maxSentences: Too big/],
    ['maxWords=abc', /query parameter maxWords: expected a whole number written with digits only/],
    ['maxWords=0', /query parameter maxWords: Too small/],
    ['maxWords=5001', /query parameter maxWords: Too big/],
    ['maxSentences=2.5', /query parameter maxSentences: expected a whole number .*got "2\.5"/],
    ['maxSentences=1&maxSentences=2', /query parameter maxSentences/],
  ])('answers 400 for %s', async (query, detail) => {
    const { app } = await seedApp();
    const id = await firstTopicId(app);
    await expectProblem(await app.request(`/v1/topics/${id}/summary?${query}`), 400, detail);
  });
});

describe('GET /v1/summary', () => {
  it('summarizes the whole corpus without a query', async () => {
    const { app, state } = await seedApp();
    const res = await app.request('/v1/summary');
    expect(res.status).toBe(200);
    const body = SummarySchema.parse(await res.json());
    expect(body.query).toBeUndefined();
    expect(body.topic).toBeUndefined();
    expect(body.corpus).toBe(state.model.fingerprint);
    expect(body.sentences.length).toBeGreaterThan(0);
    expect(body.sentences.length).toBeLessThanOrEqual(5);
    expect(body.wordCount).toBeLessThanOrEqual(250);
  });

  it('answers a query-focused summary and echoes the query', async () => {
    const { app } = await seedApp();
    const res = await app.request(
      `/v1/summary?query=${encodeURIComponent('monthly users of WhatsApp and Telegram')}&maxSentences=2`,
    );
    const body = SummarySchema.parse(await res.json());
    expect(body.query).toBe('monthly users of WhatsApp and Telegram');
    expect(body.sentences.length).toBeGreaterThan(0);
    expect(body.sentences.length).toBeLessThanOrEqual(2);
    expect(body.sentences.map((s) => s.text).join(' ')).toMatch(/million/);
  });

  it('is deterministic: the same request gives byte-identical bodies across apps', async () => {
    const a = await seedApp();
    const b = await seedApp();
    const url = '/v1/summary?query=protests&maxWords=80';
    expect(await (await a.app.request(url)).text()).toBe(await (await b.app.request(url)).text());
  });

  it('answers Markdown with a query heading', async () => {
    const { app } = await seedApp();
    const res = await app.request('/v1/summary.md?query=protests');
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await res.text()).toMatch(/^# Summary for “protests”\n\n.+\[\^1\]/);
  });

  it.each([
    ['maxSentences=0', /query parameter maxSentences/],
    ['maxWords=abc', /query parameter maxWords/],
    [`query=${'x'.repeat(2001)}`, /query parameter query: Too big/],
  ])('answers 400 for %s', async (query, detail) => {
    const { app } = await seedApp();
    await expectProblem(await app.request(`/v1/summary?${query}`), 400, detail);
  });

  it('answers 304 to If-None-Match with the current ETag', async () => {
    const { app } = await seedApp();
    const etag = (await app.request('/v1/summary?query=telegram')).headers.get('etag')!;
    expect(
      (await app.request('/v1/summary?query=telegram', { headers: { 'If-None-Match': etag } }))
        .status,
    ).toBe(304);
    expect(
      (await app.request('/v1/summary?query=telegram', { headers: { 'If-None-Match': '*' } }))
        .status,
    ).toBe(304);
  });
});
