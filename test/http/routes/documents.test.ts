import { describe, expect, it } from 'vitest';
import { DocumentLinesSchema, DocumentListSchema, DocumentSchema } from '../../../schemas/api.js';
import { modelFromTexts } from '../../../src/core/index.js';
import { createApp } from '../../../src/http/app.js';
import { expectProblem, seedApp } from '../helpers.js';

const SEED = '000_3e47eca7661924bb.txt';

describe('GET /v1/documents', () => {
  it('lists the five seed files with their fingerprints and counts, and no skipped files', async () => {
    const { app, state } = await seedApp();
    const res = await app.request('/v1/documents');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = DocumentListSchema.parse(await res.json());
    expect(body.corpus).toBe(state.model.fingerprint);
    expect(body.documents.map((d) => d.file)).toEqual([
      '000_3e47eca7661924bb.txt',
      '001_df515b8c033e9bb4.txt',
      '002_90d0f9c44a687009.txt',
      '003_2772de2c2eaa7074.txt',
      '004_91fa703387e835df.txt',
    ]);
    expect(body.skipped).toEqual([]);
    for (const d of body.documents)
      expect(
        d.lines.content + d.lines.heading + d.lines.boilerplate + d.lines.duplicate + d.lines.blank,
      ).toBe(d.lineCount);
  });

  it('reports a file saved twice as wholly a copy of its original, and the original as copied', async () => {
    const text =
      'Harbour council approves dredging\n\nThe harbour council approved the dredging plan on Monday after a two-year dispute.\n\nWork is due to start in the autumn and to last about eight months, officials said.\n';
    const model = modelFromTexts([
      { file: 'news/dredging.txt', text },
      { file: 'news/dredging copy.txt', text },
    ]);
    const app = createApp({ model, loadedAt: new Date() });
    const body = DocumentListSchema.parse(await (await app.request('/v1/documents')).json());
    const [copy, original] = body.documents;
    expect(copy).toMatchObject({
      file: 'news/dredging copy.txt',
      copyOf: 'news/dredging.txt',
      sentenceCount: 0,
      lines: { content: 0, duplicate: 2 },
    });
    expect(original).toMatchObject({
      file: 'news/dredging.txt',
      copies: ['news/dredging copy.txt'],
      lines: { content: 2, duplicate: 0 },
    });
    expect(copy!.noContent).toBeUndefined();
  });

  it('answers 304 to If-None-Match with the current ETag', async () => {
    const { app } = await seedApp();
    const first = await app.request('/v1/documents');
    const etag = first.headers.get('etag')!;
    const again = await app.request('/v1/documents', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });
});

describe('GET /v1/documents/{file}/lines of a copy', () => {
  it('gives each duplicate line the file and line of the original it copies', async () => {
    const story =
      'The harbour council approved the dredging plan on Monday after a two-year dispute with fishermen.\n\nWork is due to start in the autumn and to last about eight months, officials said.\n';
    const model = modelFromTexts([
      { file: 'a.txt', text: `Coastal Times\n\n${story}` },
      { file: 'b.txt', text: `Dredging approved\n\n${story}\nShare this article\n` },
    ]);
    const app = createApp({ model, loadedAt: new Date() });
    const body = DocumentLinesSchema.parse(
      await (await app.request('/v1/documents/b.txt/lines')).json(),
    );
    const duplicates = body.lines.filter((l) => l.kind === 'duplicate');
    expect(duplicates.map((l) => [l.number, l.reason, l.original])).toEqual([
      [3, 'duplicate', { file: 'a.txt', line: 3 }],
      [5, 'duplicate', { file: 'a.txt', line: 5 }],
    ]);
    for (const l of body.lines.filter((x) => x.kind !== 'duplicate'))
      expect(l.original).toBeUndefined();
  });
});

describe('GET /v1/documents/{file}', () => {
  it('returns a file with its exact decoded text', async () => {
    const { app, state } = await seedApp();
    const res = await app.request(`/v1/documents/${SEED}`);
    expect(res.status).toBe(200);
    const body = DocumentSchema.parse(await res.json());
    expect(body.text).toBe(state.model.byId.get(SEED)!.text);
    expect(body.linesHref).toBe(`/v1/documents/${SEED}/lines`);
    expect(body.corpus).toBe(state.model.fingerprint);
  });

  it('serves ids with a slash when it is percent-encoded, and 404s the unencoded form', async () => {
    const model = modelFromTexts([
      {
        file: 'news/today.txt',
        text: 'The council approved the harbour budget on Monday evening.\n',
      },
    ]);
    const app = createApp({ model, loadedAt: new Date() });
    const ok = await app.request('/v1/documents/news%2Ftoday.txt');
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { file: string }).file).toBe('news/today.txt');
    const lines = await app.request('/v1/documents/news%2Ftoday.txt/lines');
    expect(lines.status).toBe(200);
    await expectProblem(await app.request('/v1/documents/news/today.txt'), 404);
  });

  it.each([
    '..%2Fpackage.json',
    '..%2F..%2F..%2Fetc%2Fpasswd',
    '%2E%2E%2Fpackage.json',
    '%2Fetc%2Fpasswd',
    'data%2F000_3e47eca7661924bb.txt',
    '.%2F000_3e47eca7661924bb.txt',
    '000_3e47eca7661924bb.txt%00',
    '..%5C..%5Cpackage.json',
    'x%zz',
  ])('answers 404 problem+json for %s, never a read outside the corpus', async (id) => {
    const { app } = await seedApp();
    for (const path of [`/v1/documents/${id}`, `/v1/documents/${id}/lines`]) {
      const res = await app.request(path);
      const text = await res.clone().text();
      expect(text).not.toContain('"name": "citesum"');
      expect(text).not.toContain('root:');
      await expectProblem(res, 404);
    }
  });

  it('names the unknown id in the 404 detail', async () => {
    const { app } = await seedApp();
    await expectProblem(
      await app.request('/v1/documents/..%2Fpackage.json'),
      404,
      /path parameter file: no served file has the id "\.\.\/package\.json"/,
    );
  });

  it('answers 304 to If-None-Match with the current ETag', async () => {
    const { app } = await seedApp();
    const etag = (await app.request(`/v1/documents/${SEED}`)).headers.get('etag')!;
    expect(
      (await app.request(`/v1/documents/${SEED}`, { headers: { 'If-None-Match': `W/${etag}` } }))
        .status,
    ).toBe(304);
  });
});

describe('GET /v1/documents/{file}/lines', () => {
  it('returns the exact lines of a range with their kinds', async () => {
    const { app, state } = await seedApp();
    const res = await app.request(`/v1/documents/${SEED}/lines?start=1&end=2`);
    expect(res.status).toBe(200);
    const body = DocumentLinesSchema.parse(await res.json());
    const text = state.model.byId.get(SEED)!.text;
    expect(body.lines.map((l) => l.number)).toEqual([1, 2]);
    expect(body.lines.map((l) => l.text)).toEqual(text.split(/\r\n|\r|\n/).slice(0, 2));
    expect(body.lines.every((l) => !/[\r\n]/.test(l.text))).toBe(true);
    expect(body.sha256).toBe(state.model.byId.get(SEED)!.sha256);
  });

  it('returns the whole file without a range and clamps end to the last line', async () => {
    const { app } = await seedApp();
    const all = DocumentLinesSchema.parse(
      await (await app.request(`/v1/documents/${SEED}/lines`)).json(),
    );
    expect(all.lines).toHaveLength(all.lineCount);
    const clamped = DocumentLinesSchema.parse(
      await (await app.request(`/v1/documents/${SEED}/lines?start=2&end=100000`)).json(),
    );
    expect(clamped.lines.at(-1)!.number).toBe(all.lineCount);
  });

  it("gives each line its offsets: the file's text from start to end is the line, and only its line break lies before the next", async () => {
    const text =
      'The council met on Monday 🌊.\r\nIt approved the budget.\rA lone CR ended that line.\n\nThe ferry runs daily.';
    const app = createApp({
      model: modelFromTexts([{ file: 'mixed.txt', text }]),
      loadedAt: new Date(),
    });
    const body = DocumentLinesSchema.parse(
      await (await app.request('/v1/documents/mixed.txt/lines')).json(),
    );
    expect(body.lines.map((l) => [l.start, l.end])).toEqual([
      [0, 29],
      [31, 54],
      [55, 81],
      [82, 82],
      [83, 104],
    ]);
    for (const [i, l] of body.lines.entries()) {
      expect(text.slice(l.start, l.end), `line ${l.number}`).toBe(l.text);
      const next = body.lines[i + 1];
      expect(text.slice(l.end, next ? next.start : text.length), `after line ${l.number}`).toMatch(
        next ? /^(?:\r\n|\n|\r)$/ : /^$/,
      );
    }
    const range = DocumentLinesSchema.parse(
      await (await app.request('/v1/documents/mixed.txt/lines?start=2&end=3')).json(),
    );
    expect(range.lines).toEqual(body.lines.slice(1, 3));
  });

  it('gives the seed files line offsets into the text GET /v1/documents/{file} returns', async () => {
    const { app } = await seedApp();
    const lines = DocumentLinesSchema.parse(
      await (await app.request(`/v1/documents/${SEED}/lines`)).json(),
    );
    const { text } = DocumentSchema.parse(
      await (await app.request(`/v1/documents/${SEED}`)).json(),
    );
    for (const l of lines.lines) expect(text.slice(l.start, l.end)).toBe(l.text);
    expect(lines.lines.at(-1)!.end).toBe(text.replace(/(?:\r\n|\n|\r)$/, '').length);
  });

  it('gives non-content lines their reason', async () => {
    const { app } = await seedApp();
    const body = DocumentLinesSchema.parse(
      await (await app.request('/v1/documents/001_df515b8c033e9bb4.txt/lines')).json(),
    );
    const nonContent = body.lines.filter((l) => l.kind !== 'content' && l.kind !== 'blank');
    expect(nonContent.length).toBeGreaterThan(0);
    for (const l of nonContent) expect(l.reason).toBeDefined();
    for (const l of body.lines.filter((x) => x.kind === 'content'))
      expect(l.reason).toBeUndefined();
  });

  /** An app over one file of `n` short numbered lines (`line 1` … `line n`). */
  function longFileApp(n: number) {
    const text = Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    return createApp({ model: modelFromTexts([{ file: 'long.txt', text }]), loadedAt: new Date() });
  }

  async function lines(app: ReturnType<typeof createApp>, url: string) {
    const res = await app.request(url);
    expect(res.status, url).toBe(200);
    return DocumentLinesSchema.parse(await res.json());
  }

  it('answers at most the default page of 1,000 lines without a range, with the line count and a link to the next page', async () => {
    const app = longFileApp(2_500);
    const page = await lines(app, '/v1/documents/long.txt/lines');
    expect(page.lineCount).toBe(2_500);
    expect(page.lines).toHaveLength(1_000);
    expect(page.lines[0]!.number).toBe(1);
    expect(page.lines.at(-1)!.text).toBe('line 1000');
    expect(page.next).toBe('/v1/documents/long.txt/lines?start=1001&end=2000');
  });

  it('pages through a whole file by following next, every line once, the last page without next', async () => {
    const app = longFileApp(2_500);
    const seen: number[] = [];
    let url: string | undefined = '/v1/documents/long.txt/lines';
    let pages = 0;
    while (url) {
      const page = await lines(app, url);
      seen.push(...page.lines.map((l) => l.number));
      url = page.next;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 2_500 }, (_, i) => i + 1));
  });

  it('answers a default page from start when only start is given', async () => {
    const page = await lines(longFileApp(2_500), '/v1/documents/long.txt/lines?start=1200');
    expect(page.lines.map((l) => l.number)).toEqual(
      Array.from({ length: 1_000 }, (_, i) => 1_200 + i),
    );
    expect(page.next).toBe('/v1/documents/long.txt/lines?start=2200&end=2500');
  });

  it('answers a range exactly, with next pointing at as many lines after it', async () => {
    const page = await lines(longFileApp(2_500), '/v1/documents/long.txt/lines?start=3&end=4');
    expect(page.lines.map((l) => l.text)).toEqual(['line 3', 'line 4']);
    expect(page.next).toBe('/v1/documents/long.txt/lines?start=5&end=6');
    const last = await lines(
      longFileApp(2_500),
      '/v1/documents/long.txt/lines?start=2499&end=9000',
    );
    expect(last.lines.map((l) => l.number)).toEqual([2_499, 2_500]);
    expect(last.next).toBeUndefined();
  });

  it('clamps a range longer than 5,000 lines to its first 5,000, with next continuing after them', async () => {
    const page = await lines(longFileApp(12_000), '/v1/documents/long.txt/lines?start=2&end=11000');
    expect(page.lines).toHaveLength(5_000);
    expect(page.lines.at(-1)!.number).toBe(5_001);
    expect(page.next).toBe('/v1/documents/long.txt/lines?start=5002&end=10001');
  });

  it.each([
    ['start=0', /query parameter start: Too small/],
    ['start=abc', /query parameter start: expected a whole number written with digits only/],
    [
      'end=1.5',
      /query parameter end: expected a whole number written with digits only, got "1\.5"/,
    ],
    ['start=5&end=2', /query parameter end: must not be less than start/],
    ['start=100000', /query parameter start: 100000 is past the last line/],
  ])('answers 400 naming the parameter for %s', async (query, detail) => {
    const { app } = await seedApp();
    await expectProblem(await app.request(`/v1/documents/${SEED}/lines?${query}`), 400, detail);
  });
});
