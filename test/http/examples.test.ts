import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/http/openapi.js';
import { seedApp } from './helpers.js';

/**
 * Every request example of the OpenAPI document, sent as Swagger UI's "Try it out" sends it
 * (each parameter's example, the body's example), answers 200 with something in it on the seed
 * corpus: no example leads a newcomer to an empty summary, a 404 or a stale cursor.
 */

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  example?: unknown;
  schema?: { example?: unknown };
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { example?: unknown }> };
}

const doc = openApiDocument() as unknown as {
  paths: Record<string, Record<string, Operation>>;
};

type Json = Record<string, unknown> & { [key: string]: unknown };

/** What "an answer with something in it" means, per operation (a new operation needs one). */
const NON_EMPTY: Record<string, (body: string) => void> = {
  getHealth: (b) => expect((JSON.parse(b) as Json).documents).toBeGreaterThan(0),
  getReadiness: (b) => expect((JSON.parse(b) as Json).documents).toBeGreaterThan(0),
  // Prometheus text exposition with the service's own families (the app alone: no server gauges).
  getMetrics: (b) => expect(b).toMatch(/^# TYPE citesum_http_requests_total counter$/mu),
  listDocuments: (b) => expect((JSON.parse(b) as Json).documents).not.toEqual([]),
  getDocument: (b) => expect((JSON.parse(b) as Json).text).not.toBe(''),
  getDocumentLines: (b) => expect((JSON.parse(b) as Json).lines).not.toEqual([]),
  listTopics: (b) => expect((JSON.parse(b) as Json).topics).not.toEqual([]),
  getTopic: (b) => expect((JSON.parse(b) as Json).files).not.toEqual([]),
  getTopicSummary: (b) => expect((JSON.parse(b) as Json).sentences).not.toEqual([]),
  getSummary: (b) => expect((JSON.parse(b) as Json).sentences).not.toEqual([]),
  summarizeDocuments: (b) =>
    expect((JSON.parse(b) as { summary: Json }).summary.sentences).not.toEqual([]),
  // Markdown: at least one sentence with its first footnote.
  getTopicSummaryMarkdown: (b) => expect(b).toMatch(/\[\^1\]: /),
  getSummaryMarkdown: (b) => expect(b).toMatch(/\[\^1\]: /),
  summarizeDocumentsMarkdown: (b) => expect(b).toMatch(/\[\^1\]: /),
  verifyCitations: (b) => {
    const results = (JSON.parse(b) as { results: { status: string }[] }).results;
    expect(results.length).toBeGreaterThan(0);
    expect(results.map((r) => r.status)).toEqual(results.map(() => 'verified'));
  },
};

/** The request "Try it out" makes from an operation's examples. */
function exampleRequest(path: string, method: string, op: Operation): [string, RequestInit] {
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  let url = path;
  for (const p of op.parameters ?? []) {
    const example = p.example ?? p.schema?.example;
    expect(example, `${op.operationId} ${p.name}`).toBeDefined();
    if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(String(example)));
    else if (p.in === 'query') query.set(p.name, String(example));
    else headers[p.name] = String(example);
  }
  const init: RequestInit = { method: method.toUpperCase(), headers };
  if (op.requestBody) {
    const example = op.requestBody.content['application/json']?.example;
    expect(example, `${op.operationId} body example`).toBeDefined();
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(example);
  }
  const search = query.toString();
  return [search ? `${url}?${search}` : url, init];
}

const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ path, method, op })),
);

describe('the examples of the OpenAPI document, sent to the seed corpus', () => {
  it('cover every operation with a check of what a non-empty answer is', () => {
    expect(operations.map(({ op }) => op.operationId).sort()).toEqual(
      Object.keys(NON_EMPTY).sort(),
    );
  });

  it.each(operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
    '%s answers its example with a non-empty result',
    async (_, { path, method, op }) => {
      const { app } = await seedApp();
      const [url, init] = exampleRequest(path, method, op);
      const res = await app.request(url, init);
      const body = await res.text();
      expect(res.status, `${url}: ${body}`).toBe(200);
      NON_EMPTY[op.operationId]!(body);
    },
  );
});
