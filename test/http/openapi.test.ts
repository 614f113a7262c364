import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CLIENT_TYPES_PATH, CONTRACT_PATH, generateClientTypes } from '../../tools/client-gen.js';
import { openApiJson } from '../../src/http/openapi.js';
import { PROBLEM_TITLES } from '../../src/http/problem.js';
import { postJson, seedApp } from './helpers.js';

type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: {
    name: string;
    description?: string;
    example?: unknown;
    schema?: { example?: unknown };
  }[];
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>;
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<
      string,
      {
        description?: string;
        properties?: Record<
          string,
          { $ref?: string; description?: string; example?: unknown; type?: string }
        >;
      }
    >;
  };
};

const doc = JSON.parse(openApiJson()) as Doc;

function operationFor(method: string, path: string): Operation {
  for (const [template, ops] of Object.entries(doc.paths)) {
    const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (re.test(path) && ops[method.toLowerCase()]) return ops[method.toLowerCase()]!;
  }
  throw new Error(`no operation for ${method} ${path}`);
}

describe('the committed contract', () => {
  it('schemas/openapi.json is what the code generates (run `npm run openapi` when this fails)', async () => {
    expect(await readFile(CONTRACT_PATH, 'utf8')).toBe(openApiJson());
  });

  it('test/generated/citesum-api.ts is what openapi-typescript generates from it (run `npm run client:gen`)', async () => {
    const expected = await generateClientTypes(await readFile(CONTRACT_PATH, 'utf8'));
    expect(await readFile(CLIENT_TYPES_PATH, 'utf8')).toBe(expected);
  });

  it('is versioned as package.json says', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    expect((JSON.parse(openApiJson()) as { info: { version: string } }).info.version).toBe(
      (pkg as { version: string }).version,
    );
  });

  it('is generated deterministically', () => {
    expect(openApiJson()).toBe(openApiJson());
  });

  it('gives every operation an id, a summary, a description and a tag', () => {
    for (const ops of Object.values(doc.paths)) {
      for (const op of Object.values(ops)) {
        expect(op.operationId).toBeTruthy();
        expect(op.summary).toBeTruthy();
        expect(op.description).toBeTruthy();
        expect(op.tags?.length).toBeGreaterThan(0);
      }
    }
  });

  it('describes every parameter and gives it an example', () => {
    for (const ops of Object.values(doc.paths)) {
      for (const op of Object.values(ops)) {
        for (const p of op.parameters ?? []) {
          expect(p.description, p.name).toBeTruthy();
          expect(p.example ?? p.schema?.example, p.name).toBeDefined();
        }
      }
    }
  });

  it('describes every schema and every field, with an example for every scalar field', () => {
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      expect(schema.description, name).toBeTruthy();
      for (const [field, prop] of Object.entries(schema.properties ?? {})) {
        if (prop.$ref) continue;
        expect(prop.description, `${name}.${field}`).toBeTruthy();
        if (prop.type !== 'array' && prop.type !== 'object')
          expect(prop.example, `${name}.${field}`).toBeDefined();
      }
    }
  });

  it('declares 500 on every operation and 400, 413 and 415 on every operation that takes a body', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(Object.keys(op.responses), `${method} ${path}`).toContain('500');
        if (method === 'post')
          expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '413', '415']));
        for (const [status, r] of Object.entries(op.responses)) {
          // One media type per success: generated clients type it exactly (Markdown has its own paths).
          if (status === '200')
            expect(Object.keys(r.content ?? {}), `${method} ${path}`).toHaveLength(1);
          if (Number(status) >= 400)
            expect(Object.keys(r.content ?? {}), `${method} ${path} ${status}`).toEqual([
              'application/problem+json',
            ]);
        }
      }
    }
  });

  it('declares every status the routes answer', async () => {
    const { app } = await seedApp({ maxDocuments: 1, maxBodyBytes: 10_000 });
    const topics = (await (await app.request('/v1/topics')).json()) as { topics: { id: string }[] };
    const topic = topics.topics[0]!.id;
    const etagOf = async (path: string) => (await app.request(path)).headers.get('etag')!;
    const file = '000_3e47eca7661924bb.txt';
    const cases: [string, string, RequestInit?][] = [
      ['GET', '/healthz'],
      ['GET', '/v1/documents'],
      ['GET', '/v1/documents', { headers: { 'If-None-Match': await etagOf('/v1/documents') } }],
      ['GET', `/v1/documents/${file}`],
      [
        'GET',
        `/v1/documents/${file}`,
        { headers: { 'If-None-Match': await etagOf(`/v1/documents/${file}`) } },
      ],
      ['GET', '/v1/documents/..%2Fx'],
      ['GET', `/v1/documents/${file}/lines?start=1`],
      ['GET', `/v1/documents/${file}/lines?start=0`],
      ['GET', '/v1/documents/nope/lines'],
      ['GET', '/v1/topics'],
      ['GET', '/v1/topics', { headers: { 'If-None-Match': await etagOf('/v1/topics') } }],
      ['GET', `/v1/topics/${topic}/summary`],
      [
        'GET',
        `/v1/topics/${topic}/summary`,
        { headers: { 'If-None-Match': await etagOf(`/v1/topics/${topic}/summary`) } },
      ],
      ['GET', `/v1/topics/${topic}/summary?maxSentences=0`],
      ['GET', '/v1/topics/nope/summary'],
      ['GET', '/v1/summary?query=telegram'],
      ['GET', '/v1/summary', { headers: { 'If-None-Match': await etagOf('/v1/summary') } }],
      ['GET', '/v1/summary?maxWords=abc'],
      [
        'POST',
        '/v1/summarize',
        postJson({
          documents: [{ file: 'a.txt', text: 'The council approved the budget on Monday.' }],
        }),
      ],
      ['POST', '/v1/summarize', postJson('{')],
      [
        'POST',
        '/v1/summarize',
        postJson({
          documents: [
            { file: 'a.txt', text: 'x' },
            { file: 'b.txt', text: 'y' },
          ],
        }),
      ],
      [
        'POST',
        '/v1/summarize',
        postJson({ documents: [{ file: 'a.txt', text: 'x'.repeat(20_000) }] }),
      ],
      [
        'POST',
        '/v1/summarize',
        { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' },
      ],
      ['POST', '/v1/citations/verify', postJson({ citations: [] })],
      ['POST', '/v1/citations/verify', postJson({})],
      ['POST', '/v1/citations/verify', postJson({ citations: [], pad: 'x'.repeat(20_000) })],
      [
        'POST',
        '/v1/citations/verify',
        { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' },
      ],
    ];
    const seen = new Set<string>();
    for (const [method, path, init] of cases) {
      const res = await app.request(path, { method, ...init });
      const declared = Object.keys(operationFor(method, path.split('?')[0]!).responses);
      expect(declared, `${method} ${path} answered ${res.status}`).toContain(String(res.status));
      seen.add(String(res.status));
    }
    expect([...seen].sort()).toEqual(['200', '304', '400', '404', '413', '415']);
  });

  it('knows only the error statuses some operation declares (a route can answer them)', () => {
    const declared = new Set<string>();
    for (const ops of Object.values(doc.paths))
      for (const op of Object.values(ops))
        for (const status of Object.keys(op.responses))
          if (Number(status) >= 400) declared.add(status);
    expect(Object.keys(PROBLEM_TITLES).sort()).toEqual([...declared].sort());
  });

  it('answers JSON, not 406, to an Accept it cannot produce', async () => {
    const { app } = await seedApp();
    for (const path of ['/v1/summary', '/v1/topics', '/v1/documents']) {
      const res = await app.request(path, { headers: { Accept: 'image/png' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
    }
  });

  it('gives every corpus field of every schema the one Fingerprint schema', () => {
    const corpusFields = Object.entries(doc.components.schemas).flatMap(([name, schema]) =>
      schema.properties?.corpus ? [[name, schema.properties.corpus] as const] : [],
    );
    expect(corpusFields.map(([name]) => name)).toEqual(
      expect.arrayContaining(['Summary', 'VerifyResponse', 'Health', 'TopicList']),
    );
    for (const [name, prop] of corpusFields)
      expect(prop, name).toEqual({ $ref: '#/components/schemas/Fingerprint' });
  });
});
