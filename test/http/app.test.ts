import { describe, expect, it } from 'vitest';
import { HealthSchema } from '../../schemas/api.js';
import type { CorpusModel } from '../../src/core/index.js';
import { buildModel } from '../../src/core/index.js';
import { createApp } from '../../src/http/app.js';
import { memoryLogger } from '../memory-logger.js';
import { expectProblem, postJson, seedApp } from './helpers.js';

describe('GET /healthz', () => {
  it('reports the served corpus: fingerprint, counts and load time', async () => {
    const { app, state } = await seedApp();
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    const body = HealthSchema.parse(await res.json());
    expect(body).toMatchObject({
      status: 'ok',
      corpus: state.model.fingerprint,
      documents: 5,
      skipped: 0,
      loadedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(body.message).toBeUndefined();
  });

  it('says why the corpus is empty when the data folder is missing', async () => {
    const model = buildModel({ files: [], message: 'data folder /nowhere does not exist' });
    const app = createApp({ model, loadedAt: new Date() });
    const body = HealthSchema.parse(await (await app.request('/healthz')).json());
    expect(body).toMatchObject({
      documents: 0,
      topics: 0,
      message: 'data folder /nowhere does not exist',
    });
    expect((await app.request('/v1/topics')).status).toBe(200);
    expect((await app.request('/v1/summary')).status).toBe(200);
  });
});

describe('errors', () => {
  it('answers unknown routes with a 404 problem naming the route', async () => {
    const { app } = await seedApp();
    const body = await expectProblem(
      await app.request('/v2/nothing'),
      404,
      /no route GET \/v2\/nothing/,
    );
    expect(body.instance).toBe('/v2/nothing');
  });

  it('answers an unsupported method on a known path with a 404 problem', async () => {
    const { app } = await seedApp();
    await expectProblem(
      await app.request('/v1/topics', { method: 'DELETE' }),
      404,
      /no route DELETE \/v1\/topics/,
    );
  });

  it('answers an unexpected failure with a 500 problem that reveals no internals, and logs it', async () => {
    const { logger, records: logs } = memoryLogger();
    const state = {
      get model(): CorpusModel {
        throw new Error('secret internal detail at /srv/x.ts:12');
      },
      loadedAt: new Date(),
    };
    const app = createApp(state, { log: logger });
    const res = await app.request('/v1/topics');
    const body = await expectProblem(res, 500, /unexpected failure/);
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(logs.find((l) => l.msg === 'unhandled error')?.error).toContain(
      'secret internal detail',
    );
  });
});

describe('middleware', () => {
  it('gives every answer a request id, echoing a valid incoming one', async () => {
    const { app } = await seedApp();
    const fresh = await app.request('/healthz');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await app.request('/healthz', { headers: { 'X-Request-Id': 'client-abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('client-abc-123');
    const unsafe = await app.request('/healthz', { headers: { 'X-Request-Id': 'bad id<script>' } });
    expect(unsafe.headers.get('x-request-id')).not.toBe('bad id<script>');
  });

  it('writes one structured log record per request', async () => {
    const { logger, records: logs } = memoryLogger();
    const { app } = await seedApp({ log: logger });
    await app.request('/healthz', { headers: { 'X-Request-Id': 'req-1' } });
    await app.request('/v1/summary?maxSentences=0', { headers: { 'X-Request-Id': 'req-2' } });
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatchObject({
      level: 'info',
      msg: 'request',
      requestId: 'req-1',
      method: 'GET',
      path: '/healthz',
      status: 200,
      ms: expect.any(Number),
      time: expect.any(String),
    });
    expect(logs[1]).toMatchObject({ requestId: 'req-2', path: '/v1/summary', status: 400 });
  });

  it('writes no request records above the info level, and still logs failures at error', async () => {
    const { logger, records } = memoryLogger('error');
    const { app } = await seedApp({ log: logger });
    await app.request('/healthz');
    await app.request('/v1/summary?maxSentences=0');
    expect(records).toEqual([]);
  });

  it('logs nothing when no logger is given', async () => {
    const { app } = await seedApp();
    const writes: unknown[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: unknown) => (
      writes.push(chunk),
      true
    )) as typeof process.stdout.write;
    try {
      await app.request('/healthz');
    } finally {
      process.stdout.write = original;
    }
    expect(writes).toEqual([]);
  });

  it('allows any origin by default and exposes the ETag and request id headers', async () => {
    const { app } = await seedApp();
    const res = await app.request('/v1/topics', { headers: { Origin: 'https://app.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
    const preflight = await app.request('/v1/summarize', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://app.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('allows only the configured origins', async () => {
    const { app } = await seedApp({ corsOrigin: ['https://ok.example'] });
    const ok = await app.request('/healthz', { headers: { Origin: 'https://ok.example' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://ok.example');
    const other = await app.request('/healthz', { headers: { Origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const summary = await app.request('/v1/summary', { headers: { Origin: 'https://ok.example' } });
    expect(summary.headers.get('vary')).toBe('Origin');
  });

  it('sends no CORS headers when CORS is off', async () => {
    const { app } = await seedApp({ corsOrigin: [] });
    const res = await app.request('/healthz', { headers: { Origin: 'https://app.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sets secure default headers', async () => {
    const { app } = await seedApp();
    const res = await app.request('/healthz');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('does not let a GET body trip the POST body limit', async () => {
    const { app } = await seedApp({ maxBodyBytes: 10 });
    expect((await app.request('/v1/citations/verify', postJson({ citations: [] }))).status).toBe(
      413,
    );
    expect((await app.request('/healthz')).status).toBe(200);
  });
});

describe('GET /openapi.json and /docs', () => {
  it('serves the OpenAPI 3.1 document with every route', async () => {
    const { app } = await seedApp();
    const res = await app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/healthz',
      '/metrics',
      '/readyz',
      '/v1/citations/verify',
      '/v1/documents',
      '/v1/documents/{file}',
      '/v1/documents/{file}/lines',
      '/v1/summarize',
      '/v1/summarize.md',
      '/v1/summary',
      '/v1/summary.md',
      '/v1/topics',
      '/v1/topics/{topicId}',
      '/v1/topics/{topicId}/summary',
      '/v1/topics/{topicId}/summary.md',
    ]);
  });

  it('serves an interactive docs page that loads /openapi.json', async () => {
    const { app } = await seedApp();
    const res = await app.request('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('/openapi.json');
  });
});
