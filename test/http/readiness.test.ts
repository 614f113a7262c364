import { describe, expect, it } from 'vitest';
import { HealthSchema } from '../../schemas/api.js';
import { createApp } from '../../src/http/app.js';
import { bootHandler } from '../../src/http/boot.js';
import { Readiness, ServedState } from '../../src/http/readiness.js';
import { expectProblem, seedCorpusModel } from './helpers.js';

/**
 * Liveness and readiness (issue 21): `/healthz` answers 200 from the first moments of a start;
 * `/readyz` only once a corpus is served and the compute workers hold it, and never again once a
 * shutdown began; routes that need the corpus answer 503 with `Retry-After` until one is served.
 */

describe('readiness through a start and a shutdown', () => {
  it('answers /readyz 503 with the reason until ready, then 200, then 503 again once draining', async () => {
    const readiness = new Readiness('loading');
    const state = new ServedState();
    const app = createApp(state, { readiness });
    const phaseOf = async () =>
      HealthSchema.parse(await (await app.request('/healthz')).json()).phase;

    // No corpus yet: alive, not ready; corpus routes say why; routes without the corpus work.
    expect(await phaseOf()).toBe('loading');
    await expectProblem(await app.request('/readyz'), 503, /not ready: the corpus is loading/);
    const topics = await app.request('/v1/topics');
    await expectProblem(topics, 503, /no corpus is served yet: the corpus is loading/);
    expect(topics.headers.get('retry-after')).toBe('1');
    expect((await app.request('/openapi.json')).status).toBe(200);
    expect((await app.request('/metrics')).status).toBe(200);

    // The corpus served, the workers still reading it: reads work, /readyz still says no.
    state.model = await seedCorpusModel();
    readiness.set('workers');
    expect((await app.request('/v1/topics')).status).toBe(200);
    await expectProblem(await app.request('/readyz'), 503, /compute workers are still reading/);
    const health = HealthSchema.parse(await (await app.request('/healthz')).json());
    expect(health).toMatchObject({ ready: false, phase: 'workers', documents: 5 });

    readiness.set('ready');
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', documents: 5 });

    readiness.set('draining');
    await expectProblem(await app.request('/readyz'), 503, /shutting down/);
    readiness.set('ready');
    expect(readiness.phase).toBe('draining');
    expect((await app.request('/healthz')).status).toBe(200);
  });
});

describe('the start-up handler (before the HTTP app is loaded)', () => {
  const handle = bootHandler({ readiness: new Readiness('starting'), corsOrigin: '*' });

  it('answers /healthz 200: the process is alive', async () => {
    const res = handle(new Request('http://x/healthz'));
    expect(res.status).toBe(200);
    expect(HealthSchema.parse(await res.json())).toMatchObject({
      status: 'ok',
      ready: false,
      phase: 'starting',
    });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers everything else 503 problem+json with Retry-After, like the app', async () => {
    for (const path of ['/readyz', '/v1/topics', '/metrics', '/']) {
      const res = handle(new Request(`http://x${path}`));
      const body = await expectProblem(res, 503, /not ready: the service is starting/);
      expect(body.instance).toBe(path);
      expect(res.headers.get('retry-after')).toBe('1');
    }
  });
});
