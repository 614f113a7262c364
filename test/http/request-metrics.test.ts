import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { type Compute, inProcessCompute, ServiceBusyError } from '../../src/http/compute.js';
import { Metrics } from '../../src/metrics.js';
import { promtoolCheck, promtoolSuite } from '../promtool.js';
import { postJson, seedApp } from './helpers.js';
import { parseExposition, valueOf } from './prometheus-text.js';

/**
 * GET /metrics (issue 21): the Prometheus text format, requests counted by route pattern (never
 * the raw path) and status with latency histograms, compute tasks by outcome, all of it accepted
 * by `promtool check metrics`.
 */

const SEED = '000_3e47eca7661924bb.txt';

/** Summary lengths not asked before in this file: the model's summary cache is shared. */
let fresh = 1;

/** The seed app with its own metrics, after a few requests of every kind. */
async function exercised() {
  const maxSentences = ++fresh;
  const metrics = new Metrics({ runtime: true });
  const { app } = await seedApp({ metrics });
  const topics = (await (await app.request('/v1/topics')).json()) as { topics: { id: string }[] };
  const [a, b] = topics.topics.map((t) => t.id);
  for (const id of [a, a, b])
    await app.request(`/v1/topics/${id}/summary?maxSentences=${maxSentences}`);
  await app.request(`/v1/documents/${SEED}/lines?start=1&end=2`);
  await app.request('/v1/summary?maxSentences=0');
  await app.request('/nowhere/at/all');
  await app.request(
    '/v1/summarize',
    postJson({
      documents: [{ file: 'a.txt', text: 'The council approved the budget on Monday.' }],
    }),
  );
  const res = await app.request('/metrics');
  return { app, metrics, res, text: await res.text() };
}

describe('GET /metrics', () => {
  it('answers the Prometheus text format, every family with its HELP and TYPE', async () => {
    const { res, text } = await exercised();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const e = parseExposition(text);
    expect(e.samples.length).toBeGreaterThan(50);
    for (const family of e.type.keys()) expect(e.help.get(family), family).toBeTruthy();
    for (const name of [
      'citesum_http_requests_total',
      'citesum_http_request_duration_seconds',
      'citesum_http_requests_in_flight',
      'citesum_compute_queue_depth',
      'citesum_compute_tasks_total',
      'citesum_worker_event_loop_seconds_total',
      'citesum_model_generation',
      'citesum_corpus_documents',
      'citesum_model_builds_total',
      'citesum_index_models_total',
      'citesum_ready',
      'process_cpu_seconds_total',
      'nodejs_eventloop_lag_p99_seconds',
    ])
      expect(e.type.has(name), name).toBe(true);
  });

  it('counts requests by route pattern and status, never by raw path (a topic id, a file name)', async () => {
    const { text } = await exercised();
    const e = parseExposition(text);
    const count = (route: string, status: string, method = 'GET') =>
      valueOf(e, 'citesum_http_requests_total', { method, route, status });
    expect(count('/v1/topics/{topicId}/summary', '200')).toBe(3);
    expect(count('/v1/topics', '200')).toBe(1);
    expect(count('/v1/documents/{file}/lines', '200')).toBe(1);
    expect(count('/v1/summary', '400')).toBe(1);
    expect(count('unmatched', '404')).toBe(1);
    expect(count('/v1/summarize', '200', 'POST')).toBe(1);
    // The histogram counts the same requests.
    expect(
      valueOf(e, 'citesum_http_request_duration_seconds_count', {
        route: '/v1/topics/{topicId}/summary',
        status: '200',
      }),
    ).toBe(3);
    const routes = new Set(e.samples.map((s) => s.labels.route).filter(Boolean));
    for (const r of routes) expect(r).toMatch(/^(unmatched|\/[\w/{}.-]*)$/);
    expect([...routes].some((r) => r!.includes(SEED) || r!.includes('t-'))).toBe(false);
    // This scrape itself is in flight while the text is written.
    expect(valueOf(e, 'citesum_http_requests_in_flight')).toBe(1);
  });

  it('counts compute tasks by kind and outcome: summaries computed once, then served from cache', async () => {
    const { text } = await exercised();
    const e = parseExposition(text);
    // Three summary requests over two topics: two computations.
    expect(valueOf(e, 'citesum_compute_tasks_total', { kind: 'summary', outcome: 'ok' })).toBe(2);
    expect(valueOf(e, 'citesum_compute_tasks_total', { kind: 'posted', outcome: 'ok' })).toBe(1);
    expect(valueOf(e, 'citesum_compute_task_duration_seconds_count', { kind: 'summary' })).toBe(2);
  });

  it('counts requests refused for a full queue as rejected compute tasks', async () => {
    const busy: Compute = {
      ...inProcessCompute,
      posted: () => Promise.reject(new ServiceBusyError(3)),
    };
    const metrics = new Metrics();
    const app = createApp(
      { model: (await seedApp()).state.model, loadedAt: new Date() },
      {
        compute: busy,
        metrics,
      },
    );
    const res = await app.request(
      '/v1/summarize',
      postJson({ documents: [{ file: 'a.txt', text: 'Some text here.' }] }),
    );
    expect(res.status).toBe(503);
    const e = parseExposition(await metrics.text());
    expect(valueOf(e, 'citesum_compute_tasks_total', { kind: 'posted', outcome: 'rejected' })).toBe(
      1,
    );
    expect(
      valueOf(e, 'citesum_http_requests_total', { route: '/v1/summarize', status: '503' }),
    ).toBe(1);
  });
});

promtoolSuite('the metrics under promtool', () => {
  it('passes `promtool check metrics` (names, units, types, help)', async () => {
    const { text } = await exercised();
    const check = promtoolCheck(text);
    expect(check.output).toBe('');
    expect(check.status).toBe(0);
  });

  it('fails promtool on a malformed exposition (the check checks)', () => {
    const check = promtoolCheck('# TYPE citesum_x counter\ncitesum_x{a="1" 3\n');
    expect(check.status).not.toBe(0);
  });
});
