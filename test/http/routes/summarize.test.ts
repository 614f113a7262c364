import { describe, expect, it } from 'vitest';
import { SummarizeResponseSchema } from '../../../schemas/api.js';
import { postedHref } from '../../../src/core/index.js';
import { citationsOf, expectProblem, postJson, seedApp } from '../helpers.js';

const DOCS = [
  {
    file: 'notes/harbour.txt',
    text: 'The city council approved the harbour budget on Monday after a long debate.\nThe budget funds new piers and a ferry terminal.\nCouncillors voted nine to two in favour of the plan.\n',
  },
  {
    file: 'wire.txt',
    text: 'On Monday the city council approved the harbour budget after a long debate.\nCritics said the ferry terminal was too expensive for a small city.\nThe mayor called the vote a turning point for the harbour.\n',
  },
];

describe('POST /v1/summarize', () => {
  it("summarizes the posted documents, citing the caller's file names with exact quotes", async () => {
    const { app } = await seedApp();
    const res = await app.request('/v1/summarize', postJson({ documents: DOCS, maxSentences: 3 }));
    expect(res.status).toBe(200);
    const body = SummarizeResponseSchema.parse(await res.json());
    expect(body.topics).toBeUndefined();
    expect(body.summary.sentences.length).toBeGreaterThan(0);
    expect(body.summary.sentences.length).toBeLessThanOrEqual(3);
    for (const c of citationsOf(body.summary)) {
      const doc = DOCS.find((d) => d.file === c.file)!;
      expect(doc.text.slice(c.offsets.start, c.offsets.end)).toBe(c.quote);
      expect(c.href).toBe(postedHref(c.file, c.lines));
    }
  });

  it('reads a posted .md document as Markdown and a posted .html one as HTML: rendered text, exact quotes with their markup', async () => {
    const { app } = await seedApp();
    const documents = [
      {
        file: 'notes.md',
        text: '# Harbour\n\nThe **council** approved the [harbour budget](https://example.com/b.html) on Monday.\n\n```sh\necho "The council approved nothing."\n```\n',
      },
      {
        file: 'page.html',
        text: '<nav><a href="/">Home</a></nav><article><p>The council &amp; the mayor approved the harbour budget on Monday.</p></article>',
      },
    ];
    const body = SummarizeResponseSchema.parse(
      await (await app.request('/v1/summarize', postJson({ documents }))).json(),
    );
    const texts = body.summary.sentences.map((s) => s.text);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^The council (?:&|approved) /u);
    const quotes = Object.fromEntries(citationsOf(body.summary).map((c) => [c.file, c.quote]));
    expect(quotes).toEqual({
      'notes.md':
        'The **council** approved the [harbour budget](https://example.com/b.html) on Monday.',
      'page.html': 'The council &amp; the mayor approved the harbour budget on Monday.',
    });
    for (const c of citationsOf(body.summary)) {
      const doc = documents.find((d) => d.file === c.file)!;
      expect(doc.text.slice(c.offsets.start, c.offsets.end)).toBe(c.quote);
    }
  });

  it('merges a fact both documents state into one sentence citing both files', async () => {
    const { app } = await seedApp();
    const body = SummarizeResponseSchema.parse(
      await (await app.request('/v1/summarize', postJson({ documents: DOCS }))).json(),
    );
    const merged = body.summary.sentences.find((s) => s.support === 2);
    expect(merged).toBeDefined();
    expect(new Set(merged!.citations.map((c) => c.file))).toEqual(
      new Set(['notes/harbour.txt', 'wire.txt']),
    );
  });

  it('answers a query-focused summary of the posted documents', async () => {
    const { app } = await seedApp();
    const body = SummarizeResponseSchema.parse(
      await (
        await app.request(
          '/v1/summarize',
          postJson({ documents: DOCS, query: 'ferry terminal cost', maxSentences: 1 }),
        )
      ).json(),
    );
    expect(body.summary.query).toBe('ferry terminal cost');
    expect(body.summary.sentences).toHaveLength(1);
    expect(body.summary.sentences[0]!.text).toMatch(/ferry terminal/);
  });

  it('with topics: true, also returns each story of the documents with its summary and its facets’ summaries', async () => {
    const { app, state } = await seedApp();
    const documents = state.model.files.map((f) => ({ file: `posted/${f.id}`, text: f.text }));
    const res = await app.request(
      '/v1/summarize',
      postJson({ documents, topics: true, maxSentences: 2 }),
    );
    const body = SummarizeResponseSchema.parse(await res.json());
    expect(body.topics!.length).toBe(2);
    expect(body.topics!.map((t) => t.topic!.label)).toEqual(
      state.model.stories.map((t) => t.topic.label),
    );
    for (const t of body.topics!) {
      expect(t.topic!.kind).toBe('story');
      expect(t.corpus).toBe(body.summary.corpus);
      expect(t.sentences.length).toBeLessThanOrEqual(2);
      for (const c of citationsOf(t)) expect(c.file.startsWith('posted/')).toBe(true);
      for (const f of t.facets) {
        expect(f.topic!.kind).toBe('facet');
        expect(f.topic!.parent).toBe(t.topic!.id);
        expect(f.sentences.length).toBeLessThanOrEqual(2);
      }
    }
    expect(body.topics![0]!.facets.length).toBeGreaterThan(1);
  });

  it('stores nothing: the served corpus is unchanged and the posted citations do not verify', async () => {
    const { app, state } = await seedApp();
    const body = SummarizeResponseSchema.parse(
      await (await app.request('/v1/summarize', postJson({ documents: DOCS }))).json(),
    );
    const list = (await (await app.request('/v1/documents')).json()) as {
      corpus: string;
      documents: unknown[];
    };
    expect(list.corpus).toBe(state.model.fingerprint);
    expect(list.documents).toHaveLength(5);
    const verify = (await (
      await app.request('/v1/citations/verify', postJson({ citations: citationsOf(body.summary) }))
    ).json()) as { results: { status: string }[] };
    expect(new Set(verify.results.map((r) => r.status))).toEqual(new Set(['not_found']));
  });

  it('answers Markdown with footnoted citations at POST /v1/summarize.md', async () => {
    const { app } = await seedApp();
    const res = await app.request(
      '/v1/summarize.md',
      postJson({ documents: DOCS, maxSentences: 2 }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const md = await res.text();
    expect(md.startsWith('# Summary\n\n')).toBe(true);
    expect(md).toMatch(/^\[\^1\]: (notes\/harbour|wire)\.txt:\d+, offsets \d+–\d+: “.+”$/m);
  });

  it('answers JSON at POST /v1/summarize whatever the Accept header, keeping the CORS Vary: Origin', async () => {
    const { app } = await seedApp({ corsOrigin: ['https://ok.example'] });
    const origin = { Origin: 'https://ok.example' };
    for (const path of ['/v1/summarize', '/v1/summarize.md']) {
      const res = await app.request(
        path,
        postJson({ documents: DOCS, maxSentences: 2 }, { ...origin, Accept: 'text/markdown' }),
      );
      expect(res.headers.get('content-type'), path).toMatch(
        path.endsWith('.md') ? /^text\/markdown/ : /^application\/json/,
      );
      expect(res.headers.get('vary'), path).toBe('Origin');
    }
  });

  it.each([
    ['malformed JSON', '{"documents": [', /body: malformed JSON/],
    ['a missing documents', {}, /body documents: required but missing/],
    ['an empty documents list', { documents: [] }, /body documents: Too small/],
    [
      'a text that is not a string',
      { documents: [{ file: 'a.txt', text: 5 }] },
      /body documents\[0\]\.text: Invalid input: expected string/,
    ],
    ['an empty file name', { documents: [{ file: '', text: 'x' }] }, /body documents\[0\]\.file/],
    [
      'duplicate file names',
      { documents: [DOCS[0], DOCS[0]] },
      /body documents\[1\]\.file: duplicate file name "notes\/harbour\.txt"/,
    ],
    ['an unknown key', { documents: DOCS, maxsentences: 3 }, /body: unknown key "maxsentences"/],
    [
      'maxSentences out of range',
      { documents: DOCS, maxSentences: 0 },
      /body maxSentences: Too small/,
    ],
    [
      'maxWords of the wrong type',
      { documents: DOCS, maxWords: '100' },
      /body maxWords: Invalid input: expected number/,
    ],
    ['a JSON array body', [], /body: Invalid input: expected object/],
  ])('answers 400 for %s', async (_, body, detail) => {
    const { app } = await seedApp();
    await expectProblem(await app.request('/v1/summarize', postJson(body)), 400, detail);
  });

  it('answers 400 for a request without a body', async () => {
    const { app } = await seedApp();
    await expectProblem(
      await app.request('/v1/summarize', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
      }),
      400,
    );
  });

  it('answers 415 for a body that is not JSON', async () => {
    const { app } = await seedApp();
    const res = await app.request('/v1/summarize', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ documents: DOCS }),
    });
    await expectProblem(res, 415, /Content-Type must be application\/json/);
  });

  it('answers 413 for a body over the default 5 MB limit', async () => {
    const { app } = await seedApp();
    const big = { documents: [{ file: 'big.txt', text: 'a'.repeat(5 * 1024 * 1024) }] };
    await expectProblem(
      await app.request('/v1/summarize', postJson(big)),
      413,
      /body: larger than the limit of 5242880 bytes/,
    );
  });

  it('answers 413 for a body over a configured limit, even without Content-Length', async () => {
    const { app } = await seedApp({ maxBodyBytes: 1000 });
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(
          new TextEncoder().encode(
            JSON.stringify({ documents: [{ file: 'a.txt', text: 'b'.repeat(2000) }] }),
          ),
        );
        controller.close();
      },
    });
    const res = await app.request('/v1/summarize', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expectProblem(res, 413);
  });

  it('answers 413 for more documents than allowed', async () => {
    const { app } = await seedApp({ maxDocuments: 2 });
    const docs = [...DOCS, { file: 'third.txt', text: 'A third document about the harbour.\n' }];
    await expectProblem(
      await app.request('/v1/summarize', postJson({ documents: docs })),
      413,
      /body documents: 3 documents sent, at most 2 allowed/,
    );
  });
});
