import { describe, expect, it } from 'vitest';
import type { Citation } from '../../../schemas/citation.js';
import type { Summary } from '../../../schemas/summary.js';
import { VerifyResponseSchema } from '../../../schemas/verify.js';
import { buildModel, modelFromTexts } from '../../../src/core/index.js';
import { createApp } from '../../../src/http/app.js';
import { citationsOf, expectProblem, postJson, seedApp } from '../helpers.js';

async function seedCitation(app: Awaited<ReturnType<typeof seedApp>>['app']): Promise<Citation> {
  const summary = (await (await app.request('/v1/summary')).json()) as Summary;
  return citationsOf(summary)[0]!;
}

describe('POST /v1/citations/verify', () => {
  it('answers one result per citation, in order, with each status', async () => {
    const { app, state } = await seedApp();
    const c = await seedCitation(app);
    const claims = [
      c,
      { ...c, sha256: '0'.repeat(64) },
      { ...c, offsets: { start: c.offsets.start + 1, end: c.offsets.end } },
      { ...c, file: 'nope.txt' },
      { file: c.file, offsets: c.offsets, quote: c.quote },
    ];
    const res = await app.request('/v1/citations/verify', postJson({ citations: claims }));
    expect(res.status).toBe(200);
    const body = VerifyResponseSchema.parse(await res.json());
    expect(body.corpus).toBe(state.model.fingerprint);
    expect(body.results.map((r) => r.status)).toEqual([
      'verified',
      'stale',
      'mismatch',
      'not_found',
      'verified',
    ]);
    expect(body.results[2]!.actual).toBe(c.quote.slice(1));
  });

  it('says what is wrong: reversed offsets, offsets past the end, a skipped file and its reason, an unknown file', async () => {
    const { state } = await seedApp();
    const model = buildModel({
      files: state.model.files,
      skipped: [{ file: 'scan.txt', reason: 'binary content (contains NUL bytes)' }],
    });
    const app = createApp({ model, loadedAt: new Date() });
    const c = await seedCitation(app);
    const length = model.byId.get(c.file)!.text.length;
    const claims = [
      { ...c, offsets: { start: 50, end: 5 } },
      { ...c, offsets: { start: c.offsets.start, end: length + 1 } },
      { ...c, file: 'scan.txt' },
      { ...c, file: 'nope.txt' },
    ];
    const body = VerifyResponseSchema.parse(
      await (await app.request('/v1/citations/verify', postJson({ citations: claims }))).json(),
    );
    expect(body.results.map((r) => [r.status, r.reason])).toEqual([
      ['mismatch', 'offsets 50..5 are reversed: start is after end'],
      [
        'mismatch',
        `offsets ${c.offsets.start}..${length + 1} end past the end of the file, whose text is ${length} characters long`,
      ],
      [
        'not_found',
        'the file "scan.txt" is in the data folder but skipped, so it cannot be checked: binary content (contains NUL bytes)',
      ],
      ['not_found', 'no file "nope.txt" in the corpus'],
    ]);
  });

  it('reports the citations of a file that changed since as stale', async () => {
    const { app, state } = await seedApp();
    const c = await seedCitation(app);
    const old = state.model;
    state.model = modelFromTexts(
      old.files.map((f) => ({
        file: f.id,
        text: f.id === c.file ? `${f.text}\nOne more line.\n` : f.text,
      })),
    );
    try {
      const body = VerifyResponseSchema.parse(
        await (await app.request('/v1/citations/verify', postJson({ citations: [c] }))).json(),
      );
      expect(body.results[0]!.status).toBe('stale');
      expect(body.corpus).not.toBe(old.fingerprint);
    } finally {
      state.model = old;
    }
  });

  it('accepts an empty list', async () => {
    const { app } = await seedApp();
    const body = VerifyResponseSchema.parse(
      await (await app.request('/v1/citations/verify', postJson({ citations: [] }))).json(),
    );
    expect(body.results).toEqual([]);
  });

  it.each([
    ['malformed JSON', 'nope', /body: malformed JSON/],
    ['a missing citations', {}, /body citations: required but missing/],
    [
      'a citation without offsets',
      { citations: [{ file: 'a.txt', quote: 'x' }] },
      /body citations\[0\]\.offsets: required but missing/,
    ],
    [
      'a negative offset',
      { citations: [{ file: 'a.txt', quote: 'x', offsets: { start: -1, end: 2 } }] },
      /body citations\[0\]\.offsets\.start: Too small/,
    ],
  ])('answers 400 for %s', async (_, body, detail) => {
    const { app } = await seedApp();
    await expectProblem(await app.request('/v1/citations/verify', postJson(body)), 400, detail);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const { app } = await seedApp();
    await expectProblem(
      await app.request('/v1/citations/verify', {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv' },
        body: 'a,b',
      }),
      415,
    );
  });

  it('answers 413 for a body over the limit', async () => {
    const { app } = await seedApp({ maxBodyBytes: 100 });
    await expectProblem(
      await app.request('/v1/citations/verify', postJson({ citations: [], pad: 'x'.repeat(200) })),
      413,
    );
  });
});
