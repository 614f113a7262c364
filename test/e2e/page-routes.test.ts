import { beforeAll, describe, expect, test } from 'vitest';
import type { Summary } from '../../schemas/summary.js';
import { loadCorpus } from '../../src/core/index.js';
import { allStories, buildModel, summarize } from '../../src/core/index.js';
import { createApp } from '../../src/http/app.js';
import { APP_CSS, APP_JS } from '../../src/http/page/page-assets.js';
import { parsePageParams, pageHref } from '../../src/http/page/page-params.js';
import { PageView } from '../../src/http/page/page-view.js';
import { citationLabel } from '../../src/render/markdown.js';

/** The page's routes in process (no browser): HTML, assets, lenient parameters, and errors. */

let app: ReturnType<typeof createApp>;
let model: Awaited<ReturnType<typeof buildModel>>;

beforeAll(async () => {
  model = buildModel(await loadCorpus('data'));
  app = createApp({ model, loadedAt: new Date() });
});

/** The JSON block the page carries for its script. */
function pageData(html: string): { citations: Summary['sentences'][number]['citations'][] } {
  const m = /<script type="application\/json" id="citesum-data">([\s\S]*?)<\/script>/.exec(html);
  expect(m, 'the page carries its summary data').not.toBeNull();
  return JSON.parse(m![1]!);
}

describe('GET / (the spot-check page)', () => {
  test('answers HTML of the first story with every story listed (and its facets), its citations as markers, and a strict CSP', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    const topics = allStories(model);
    for (const t of topics) expect(html).toContain(`data-topic="${t.id}"`);
    for (const f of topics[0]!.subtopics) expect(html).toContain(`data-topic="${f.id}"`);
    const summary = summarize(model, { topicId: topics[0]!.id, maxSentences: 5 })!;
    expect(pageData(html).citations).toEqual(summary.sentences.map((s) => s.citations));
    for (const c of summary.sentences.flatMap((s) => s.citations))
      expect(html).toContain(`>${citationLabel(c)}</a>`);
    expect(html).toContain(`src="${APP_JS.url}"`);
    expect(html).toContain(`href="${APP_CSS.url}"`);
  });

  test('labels a citation over several lines exactly as the Markdown footnotes do', () => {
    const topic = allStories(model)[0]!;
    const summary = summarize(model, { topicId: topic.id, maxSentences: 1 })!;
    const first = summary.sentences[0]!.citations[0]!;
    const wrapped = { ...first, lines: { start: first.lines.start, end: first.lines.start + 2 } };
    const view = { ...summary, sentences: [{ ...summary.sentences[0]!, citations: [wrapped] }] };
    const html = String(
      PageView({
        model: {
          params: parsePageParams(new URLSearchParams()),
          stories: [topic],
          totalStories: 1,
          topic,
          summary: view,
          corpus: { fingerprint: model.fingerprint, files: model.files.length },
        },
      }),
    );
    const label = `${first.file}:${first.lines.start}-${first.lines.start + 2}`;
    expect(citationLabel(wrapped)).toBe(label);
    expect(html).toContain(`>${label}</a>`);
  });

  test('numbers citation deep links from 1, as the page numbers its sentences', async () => {
    const topic = allStories(model)[0]!.id;
    const html = await (await app.request(`/?topic=${topic}&maxSentences=2`)).text();
    const keys = [...html.matchAll(/data-cite="([^"]+)"/g)].map((m) => m[1]);
    const summary = summarize(model, { topicId: topic, maxSentences: 2 })!;
    expect(keys).toEqual(
      summary.sentences.flatMap((s, i) => s.citations.map((_, j) => `${i + 1}.${j + 1}`)),
    );
    expect(html).toContain(`href="/?topic=${topic}&amp;maxSentences=2&amp;cite=1.1"`);
    expect(html).toContain('<ol class="sentences">');
    expect(parsePageParams(new URLSearchParams('cite=1.1')).cite).toBe('1.1');
    for (const zero of ['0.0', '0.1', '1.0'])
      expect(parsePageParams(new URLSearchParams(`cite=${zero}`)).cite, zero).toBeUndefined();
  });

  test('suggests a query from the served corpus: its largest story’s label', async () => {
    const seed = await (await app.request('/')).text();
    expect(seed).toContain(`placeholder="e.g. ${allStories(model)[0]!.label}"`);
    const other = buildModel(await loadCorpus('test/fixtures/unseen-wildfire'));
    const html = await (
      await createApp({ model: other, loadedAt: new Date() }).request('/')
    ).text();
    const label = allStories(other)[0]!.label;
    expect(html).toContain(`placeholder="e.g. ${label}"`);
    expect(html).not.toContain('WhatsApp');
    const empty = buildModel({ files: [] });
    const none = await (
      await createApp({ model: empty, loadedAt: new Date() }).request('/')
    ).text();
    expect(none).not.toContain('placeholder=');
  });

  test('reads maxSentences leniently: nonsense gives the default, too many gives the maximum', async () => {
    const topic = allStories(model)[0]!.id;
    const nonsense = await (await app.request(`/?topic=${topic}&maxSentences=abc`)).text();
    expect(nonsense).toContain(
      'id="maxSentences" name="maxSentences" type="number" min="1" max="50" step="1" value="5"',
    );
    expect(parsePageParams(new URLSearchParams('maxSentences=999')).maxSentences).toBe(50);
    expect(parsePageParams(new URLSearchParams('maxSentences=0&cite=x.1')).maxSentences).toBe(1);
    expect(parsePageParams(new URLSearchParams('cite=x.1')).cite).toBeUndefined();
  });

  test('reads maxSentences as digits only, like the API: another spelling falls back to the default', () => {
    for (const raw of ['1e1', '0x5', '1.0', '%201', '-3', ''])
      expect(parsePageParams(new URLSearchParams(`maxSentences=${raw}`)).maxSentences, raw).toBe(5);
    expect(parsePageParams(new URLSearchParams('maxSentences=7')).maxSentences).toBe(7);
  });

  test('an unknown topic answers 404 with a readable page that still lists the stories', async () => {
    const res = await app.request('/?topic=t-nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('No story or facet has the id “t-nope”');
    expect(html).toContain('class="topic topic-story"');
    expect(pageData(html).citations).toEqual([]);
  });

  test('a hostile query is escaped in the HTML and in the script data', async () => {
    const query = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
    const html = await (await app.request(`/?query=${encodeURIComponent(query)}`)).text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html.match(/<\/script>/g)?.length).toBe(2);
  });

  test('deep links keep the view: query wins over topic, maxSentences is always written', () => {
    expect(pageHref({ topic: 't-1', maxSentences: 5, cite: '2.1' })).toBe(
      '/?topic=t-1&maxSentences=5&cite=2.1',
    );
    expect(pageHref({ topic: 't-1', query: 'a b', maxSentences: 3 })).toBe(
      '/?query=a+b&maxSentences=3',
    );
  });
});

describe('the page assets', () => {
  test('are served with their content type, an ETag, and for good when the URL carries the hash', async () => {
    for (const asset of [APP_JS, APP_CSS]) {
      const res = await app.request(asset.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(asset.contentType);
      expect(res.headers.get('cache-control')).toContain('immutable');
      expect(await res.text()).toBe(asset.body);
      const again = await app.request(asset.path, {
        headers: { 'If-None-Match': res.headers.get('etag')! },
      });
      expect(again.status).toBe(304);
    }
  });

  test('answer 304 to a weak or listed If-None-Match, as the API routes do', async () => {
    for (const asset of [APP_JS, APP_CSS]) {
      for (const header of [`W/${asset.etag}`, `"other", ${asset.etag}`, '*']) {
        const res = await app.request(asset.path, { headers: { 'If-None-Match': header } });
        expect(res.status, `${asset.path} ${header}`).toBe(304);
      }
      expect(
        (await app.request(asset.path, { headers: { 'If-None-Match': '"other"' } })).status,
      ).toBe(200);
    }
  });
});

describe('the API keeps its problem+json errors next to the page', () => {
  test('unknown paths, unknown assets and API 404s are still application/problem+json', async () => {
    for (const url of ['/nope', '/assets/nope.js', '/v1/topics/t-nope/summary', '/index.html']) {
      const res = await app.request(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-type'), url).toBe('application/problem+json');
    }
  });

  test('the page routes are not part of the OpenAPI document', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths).some((p) => p === '/' || p.startsWith('/assets'))).toBe(false);
  });
});
