import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/http/openapi.js';
import { expectProblem, seedApp } from './helpers.js';

/**
 * Integer query parameters are strict (issue 14): digits only, as `type: integer` in the
 * contract says. No exponent, hex, fraction, sign, surrounding space or empty value.
 */

const SEED = '000_3e47eca7661924bb.txt';

/** Every integer query parameter, with a path that takes it and a valid value of it. */
const PARAMS: { name: string; path: string; valid: string }[] = [
  { name: 'maxSentences', path: '/v1/summary', valid: '3' },
  { name: 'maxWords', path: '/v1/summary', valid: '40' },
  { name: 'maxSentences', path: '/v1/topics/{topic}/summary', valid: '3' },
  { name: 'maxWords', path: '/v1/topics/{topic}/summary', valid: '40' },
  { name: 'start', path: `/v1/documents/${SEED}/lines`, valid: '2' },
  { name: 'end', path: `/v1/documents/${SEED}/lines`, valid: '4' },
];

/** Spellings JavaScript's Number() or a lenient coercion takes for an integer; none is one here. */
const NOT_DIGITS = [
  ['1e1', '1e1'],
  ['0x5', '0x5'],
  ['1.0', '1.0'],
  ['%201', ' 1'],
  ['1%20', '1 '],
  ['%2B1', '+1'],
  ['-0', '-0'],
  ['-1', '-1'],
  ['', ''],
  ['%EF%BC%95', '５'],
  ['1_000', '1_000'],
  ['Infinity', 'Infinity'],
];

async function topicId(app: Awaited<ReturnType<typeof seedApp>>['app']): Promise<string> {
  const topics = (await (await app.request('/v1/topics')).json()) as { topics: { id: string }[] };
  return topics.topics[0]!.id;
}

describe('integer query parameters', () => {
  it.each(PARAMS)('$name of $path takes digits', async ({ name, path, valid }) => {
    const { app } = await seedApp();
    const url = path.replace('{topic}', await topicId(app));
    expect((await app.request(`${url}?${name}=${valid}`)).status).toBe(200);
  });

  it.each(PARAMS)(
    '$name of $path refuses every other spelling with a 400 naming it',
    async ({ name, path }) => {
      const { app } = await seedApp();
      const url = path.replace('{topic}', await topicId(app));
      for (const [raw, decoded] of NOT_DIGITS) {
        const res = await app.request(`${url}?${name}=${raw}`);
        const body = await expectProblem(res, 400);
        expect(body.detail, `${name}=${raw}`).toBe(
          `query parameter ${name}: expected a whole number written with digits only, got ${JSON.stringify(decoded)}`,
        );
      }
    },
  );

  it('keeps the range check and its message for digits out of range', async () => {
    const { app } = await seedApp();
    await expectProblem(
      await app.request('/v1/summary?maxSentences=0'),
      400,
      /^query parameter maxSentences: Too small: expected number to be >=1$/,
    );
    await expectProblem(
      await app.request('/v1/summary?maxWords=99999999999999999999999'),
      400,
      /^query parameter maxWords: Too big: expected number to be <=5000$/,
    );
  });

  it('are integers with a minimum and maximum in the OpenAPI document', () => {
    const doc = openApiDocument() as unknown as {
      paths: Record<
        string,
        Record<
          string,
          { parameters?: { name: string; in: string; schema: Record<string, unknown> }[] }
        >
      >;
    };
    const seen: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const op of Object.values(ops))
        for (const p of op.parameters ?? []) {
          if (p.in !== 'query' || !['maxSentences', 'maxWords', 'start', 'end'].includes(p.name))
            continue;
          seen.push(`${path} ${p.name}`);
          expect(p.schema, `${path} ${p.name}`).toMatchObject({
            type: 'integer',
            minimum: expect.any(Number),
            maximum: expect.any(Number),
          });
        }
    expect(seen).toHaveLength(10);
  });
});
