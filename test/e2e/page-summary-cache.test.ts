import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { loadCorpus } from '../../src/core/index.js';
import * as pipeline from '../../src/core/index.js';
import { createApp } from '../../src/http/app.js';

/** The page and the API share one per-model summary cache: each summary is computed once. */

vi.mock('../../src/core/index.js', async (importOriginal) => {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- vi.mock's factory types the module it replaces
  const original = await importOriginal<typeof import('../../src/core/index.js')>();
  return { ...original, summarize: vi.fn(original.summarize) };
});

const summarize = vi.mocked(pipeline.summarize);
let model: pipeline.CorpusModel;

beforeAll(async () => {
  model = pipeline.buildModel(await loadCorpus('data'));
});

beforeEach(() => {
  summarize.mockClear();
});

describe('GET / and the summary routes', () => {
  test('the page computes a topic summary once, however often it is opened, and the API reuses it', async () => {
    const app = createApp({ model, loadedAt: new Date() });
    const topic = pipeline.allStories(model)[0]!.id;
    for (let i = 0; i < 3; i++)
      expect((await app.request(`/?topic=${topic}&maxSentences=4`)).status).toBe(200);
    expect(summarize).toHaveBeenCalledTimes(1);
    const api = await app.request(`/v1/topics/${topic}/summary?maxSentences=4`);
    expect(api.status).toBe(200);
    expect(summarize).toHaveBeenCalledTimes(1);
    expect(await (await app.request('/')).text()).toContain('citesum-data');
    expect(summarize).toHaveBeenCalledTimes(2); // the first topic with the default 5 sentences: a new key
  });

  test('a query summary the API computed is served to the page from the cache', async () => {
    const app = createApp({ model, loadedAt: new Date() });
    expect(
      (await app.request('/v1/summary?query=%20harbour%20budget%20&maxSentences=3')).status,
    ).toBe(200);
    expect(summarize).toHaveBeenCalledTimes(1);
    expect((await app.request('/?query=harbour+budget&maxSentences=3')).status).toBe(200);
    expect(summarize).toHaveBeenCalledTimes(1);
  });

  test('a new corpus model gets fresh summaries', async () => {
    const state = { model, loadedAt: new Date() };
    const app = createApp(state);
    await app.request('/?maxSentences=2');
    state.model = pipeline.buildModel(await loadCorpus('data'));
    await app.request('/?maxSentences=2');
    expect(summarize).toHaveBeenCalledTimes(2);
  });
});
