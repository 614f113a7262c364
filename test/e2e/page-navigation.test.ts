import { expect, test } from 'vitest';
import type { Summary } from '../../schemas/summary.js';
import { citationLabel } from '../../src/render/markdown.js';
import { browserSuite } from './chromium.js';
import { errorsOf, expectHighlighted, SUITE, useSpotCheckSession } from './page-helpers.js';

/**
 * End-to-end tests of the spot-check page (issue 5): the real server (`npx tsx src/main.ts`
 * over data/) driven in Debian's headless Chromium through playwright-core. Never downloads a
 * browser: without /usr/bin/chromium (`apt-get install -y chromium`) the suites fail when `CI`
 * is set (a skipped check in CI checks nothing) and are skipped, saying why, otherwise.
 *
 * This file: finding a summary and moving through it (topics, facets, markers, deep links, the
 * query box, the keyboard, a narrow screen). Opening and verifying citations: page-citations.
 */

browserSuite(SUITE, () => {
  const session = useSpotCheckSession();
  const { api, newPage } = session;

  test('the page lists every story with its label, keywords and number of files, the first with its facets as a tree', async () => {
    const page = await newPage();
    await page.goto(`${session.server.url}/`);
    const facets = await page.$$eval(
      `li.story[data-story="${session.topics[0]!.id}"] ul.facets a.topic-facet`,
      (links) => links.map((a) => (a as HTMLElement).dataset.topic),
    );
    expect(facets).toEqual(session.topics[0]!.subtopics.map((f) => f.id));
    const shown = await page.$$eval('nav.topics a.topic-story', (links) =>
      links.map((a) => ({
        id: (a as HTMLElement).dataset.topic,
        label: a.querySelector('.topic-label')!.textContent,
        keywords: a.querySelector('.topic-keywords')!.textContent,
        count: a.querySelector('.topic-count')!.textContent,
      })),
    );
    expect(shown.map((t) => t.id)).toEqual(session.topics.map((t) => t.id));
    session.topics.forEach((t, i) => {
      expect(shown[i]!.label).toBe(t.label);
      expect(shown[i]!.keywords).toBe(t.keywords.join(' · '));
      expect(shown[i]!.count).toMatch(new RegExp(`^${t.fileCount} files?\\b`));
    });
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  test('picking a topic and clicking each citation marker highlights exactly its quote on its cited lines', async () => {
    const page = await newPage();
    await page.goto(`${session.server.url}/`);
    const topic = session.topics[1]!;
    await Promise.all([
      page.waitForURL(/[?&]topic=/),
      page.click(`a.topic[data-topic="${topic.id}"]`),
    ]);
    expect(await page.textContent('#summary-title')).toBe(topic.label);
    expect(await page.getAttribute(`a.topic[data-topic="${topic.id}"]`, 'aria-current')).toBe(
      'page',
    );

    const summary = await api<Summary>(
      `/v1/topics/${encodeURIComponent(topic.id)}/summary?maxSentences=5`,
    );
    expect(summary.sentences.length).toBeGreaterThan(0);
    const sentenceTexts = await page.$$eval('.sentence-text', (ps) => ps.map((p) => p.textContent));
    expect(sentenceTexts).toEqual(summary.sentences.map((s) => s.text));
    const supports = await page.$$eval('.support', (els) => els.map((e) => e.textContent));
    expect(supports).toEqual(
      summary.sentences.map((s) => `Support: ${s.support} file${s.support === 1 ? '' : 's'}`),
    );

    for (const [i, s] of summary.sentences.entries()) {
      for (const [j, c] of s.citations.entries()) {
        const key = `${i + 1}.${j + 1}`;
        const marker = page.locator(`a.cite[data-cite="${key}"]`);
        expect(await marker.textContent()).toBe(citationLabel(c));
        await marker.click();
        await expectHighlighted(page, key, c);
        expect(new URL(page.url()).searchParams.get('cite')).toBe(key);
        expect(await marker.getAttribute('aria-current')).toBe('true');
      }
    }
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  test('picking a facet narrows the summary to that facet, its story staying open above it', async () => {
    const page = await newPage();
    await page.goto(`${session.server.url}/`);
    const facet = session.topics[0]!.subtopics[0]!;
    await Promise.all([
      page.waitForURL(/[?&]topic=f-/),
      page.click(`a.topic-facet[data-topic="${facet.id}"]`),
    ]);
    expect(await page.textContent('#summary-title')).toBe(facet.label);
    expect(await page.getAttribute(`a.topic[data-topic="${facet.id}"]`, 'aria-current')).toBe(
      'page',
    );
    expect(
      await page.locator(`li.story[data-story="${session.topics[0]!.id}"] ul.facets`).count(),
    ).toBe(1);
    const summary = await api<Summary>(
      `/v1/topics/${encodeURIComponent(facet.id)}/summary?maxSentences=5`,
    );
    const sentenceTexts = await page.$$eval('.sentence-text', (ps) => ps.map((p) => p.textContent));
    expect(sentenceTexts).toEqual(summary.sentences.map((s) => s.text));
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  test('a deep link reopens the same summary with the same citation highlighted', async () => {
    const topic = session.topics[0]!;
    const summary = await api<Summary>(
      `/v1/topics/${encodeURIComponent(topic.id)}/summary?maxSentences=3`,
    );
    const i = summary.sentences.findIndex((s) => s.citations.length > 1);
    const si = i >= 0 ? i : 0;
    const ci = summary.sentences[si]!.citations.length - 1;
    const c = summary.sentences[si]!.citations[ci]!;
    const key = `${si + 1}.${ci + 1}`;

    // Made by clicking, then shared: the URL the page writes reopens it.
    const first = await newPage();
    await first.goto(`${session.server.url}/?topic=${encodeURIComponent(topic.id)}&maxSentences=3`);
    await first.click(`a.cite[data-cite="${key}"]`);
    await expectHighlighted(first, key, c);
    const shared = first.url();
    await first.context().close();

    const page = await newPage();
    await page.goto(shared);
    await expectHighlighted(page, key, c);
    expect(await page.locator('.sentence').count()).toBe(summary.sentences.length);
    expect(await page.inputValue('#maxSentences')).toBe('3');
    expect(await page.getAttribute(`a.cite[data-cite="${key}"]`, 'aria-current')).toBe('true');

    // Back closes the citation, forward reopens it.
    await page.click(`a.cite[data-cite="1.1"]`);
    await expectHighlighted(page, '1.1', summary.sentences[0]!.citations[0]!);
    await page.goBack();
    await expectHighlighted(page, key, c);
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  test('the query box gives a query-focused summary and maxSentences limits it', async () => {
    const page = await newPage();
    await page.goto(`${session.server.url}/`);
    await page.fill('#query', 'WhatsApp users');
    await page.fill('#maxSentences', '2');
    await Promise.all([page.waitForURL(/query=/), page.press('#query', 'Enter')]);
    const url = new URL(page.url());
    expect(url.searchParams.get('query')).toBe('WhatsApp users');
    expect(url.searchParams.get('maxSentences')).toBe('2');
    const summary = await api<Summary>(
      `/v1/summary?query=${encodeURIComponent('WhatsApp users')}&maxSentences=2`,
    );
    expect(await page.textContent('#summary-title')).toBe('Query: “WhatsApp users”');
    expect(await page.$$eval('.sentence-text', (ps) => ps.map((p) => p.textContent))).toEqual(
      summary.sentences.map((s) => s.text),
    );
    expect(summary.sentences.length).toBeLessThanOrEqual(2);
    expect(summary.sentences.length).toBeGreaterThan(0);
    await page.click('a.cite[data-cite="1.1"]');
    await expectHighlighted(page, '1.1', summary.sentences[0]!.citations[0]!);
    expect(new URL(page.url()).searchParams.get('query')).toBe('WhatsApp users');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  test('a keyboard user opens a citation with Enter and closes it with Escape, focus returning to the marker', async () => {
    const page = await newPage();
    await page.goto(`${session.server.url}/`);
    const summary = await api<Summary>(
      `/v1/topics/${encodeURIComponent(session.topics[0]!.id)}/summary?maxSentences=5`,
    );
    await page.focus('a.cite[data-cite="1.1"]');
    const outline = await page.$eval(
      'a.cite[data-cite="1.1"]',
      (el) => getComputedStyle(el).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expectHighlighted(page, '1.1', summary.sentences[0]!.citations[0]!);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('source-title');
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#source')).toBe(true);
    expect(
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cite),
    ).toBe('1.1');
    expect(new URL(page.url()).searchParams.has('cite')).toBe(false);
    await page.context().close();
  });

  test('on a narrow screen the source stacks under the summary without horizontal scrolling', async () => {
    const page = await newPage({ width: 390, height: 844 });
    const topic = session.topics[0]!;
    const summary = await api<Summary>(
      `/v1/topics/${encodeURIComponent(topic.id)}/summary?maxSentences=5`,
    );
    await page.goto(
      `${session.server.url}/?topic=${encodeURIComponent(topic.id)}&maxSentences=5&cite=1.1`,
    );
    await expectHighlighted(page, '1.1', summary.sentences[0]!.citations[0]!);
    const boxes = await page.evaluate(() => {
      const r = (id: string) => document.querySelector(id)!.getBoundingClientRect();
      return {
        topics: r('nav.topics'),
        summary: r('section.summary'),
        source: r('#source'),
        scrollWidth: document.documentElement.scrollWidth,
      };
    });
    expect(boxes.summary.top).toBeGreaterThan(boxes.topics.bottom - 1);
    expect(boxes.source.top).toBeGreaterThan(boxes.summary.bottom - 1);
    expect(boxes.scrollWidth).toBeLessThanOrEqual(390);
    await page.context().close();
  });
});
