import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { DocumentList } from '../../schemas/api.js';
import type { Citation } from '../../schemas/citation.js';
import type { Summary } from '../../schemas/summary.js';
import { browserSuite } from './chromium.js';
import { errorsOf, expectHighlighted, SUITE, useSpotCheckSession } from './page-helpers.js';

/**
 * The spot-check page in headless Chromium on data/ (see page-navigation.test.ts): opening
 * citations in the source pane (each file fetched once, non-content lines dimmed with their
 * reason, the README screenshot) and verifying them (verified, stale, mismatch).
 */

const SCREENSHOT = path.resolve('docs/screenshot.png');

browserSuite(SUITE, () => {
  const session = useSpotCheckSession();
  const { api, newPage } = session;

  test('opening citations fetches each cited file once, as its lines with their offsets, and nothing else', async () => {
    const page = await newPage();
    const documentRequests: string[] = [];
    page.on('request', (r) => {
      const { pathname } = new URL(r.url());
      if (pathname.startsWith('/v1/documents')) documentRequests.push(pathname);
    });
    const topic = session.topics[0]!;
    await page.goto(`${session.server.url}/?topic=${encodeURIComponent(topic.id)}&maxSentences=5`);
    const summary = await api<Summary>(
      `/v1/topics/${encodeURIComponent(topic.id)}/summary?maxSentences=5`,
    );
    const all = summary.sentences.flatMap((s, i) =>
      s.citations.map((c, j) => ({ c, key: `${i + 1}.${j + 1}` })),
    );
    for (const { c, key } of [...all, all[0]!]) {
      await page.click(`a.cite[data-cite="${key}"]`);
      await expectHighlighted(page, key, c);
    }
    const files = [...new Set(all.map(({ c }) => c.file))];
    expect(documentRequests).toEqual(
      files.map((f) => `/v1/documents/${encodeURIComponent(f)}/lines`),
    );
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  test('non-content lines are dimmed and say why, on hover and as a visible label', async () => {
    const docs = await api<DocumentList>('/v1/documents');
    const page = await newPage();
    await page.goto(`${session.server.url}/`);
    const summary = await api<Summary>(
      `/v1/topics/${encodeURIComponent(session.topics[0]!.id)}/summary?maxSentences=5`,
    );
    const withReasons = new Set(
      docs.documents.filter((d) => Object.keys(d.reasons).length > 0).map((d) => d.file),
    );
    const key = summary.sentences
      .flatMap((s, i) => s.citations.map((c, j) => ({ c, key: `${i + 1}.${j + 1}` })))
      .find((x) => withReasons.has(x.c.file));
    expect(key, 'a citation into a file with non-content lines').toBeDefined();
    await page.click(`a.cite[data-cite="${key!.key}"]`);
    await page.waitForSelector(`#source[data-open-cite="${key!.key}"]`);

    const lines = await api<{ lines: { number: number; kind: string; reason?: string }[] }>(
      `/v1/documents/${encodeURIComponent(key!.c.file)}/lines`,
    );
    const rows = await page.$$eval('#source-lines .line', (rs) =>
      rs.map((r) => ({
        n: Number((r as HTMLElement).dataset.line),
        dim: r.classList.contains('dim'),
        title: r.getAttribute('title'),
        why: r.querySelector('.why')?.textContent ?? null,
      })),
    );
    expect(rows.map((r) => r.n)).toEqual(lines.lines.map((l) => l.number));
    for (const [k, l] of lines.lines.entries()) {
      const row = rows[k]!;
      expect(row.dim).toBe(l.kind !== 'content');
      if (l.kind === 'content') continue;
      expect(row.title).toContain(l.kind);
      if (l.kind !== 'blank') expect(row.why).toBe((l.reason ?? l.kind).replace(/-/g, ' '));
    }
    // The dimmed text keeps readable contrast (WCAG AA, 4.5:1).
    const contrast = await page.$eval('#source-lines .line.dim:not(.kind-blank) .txt', (el) => {
      const rgb = (s: string) =>
        s
          .match(/\d+(\.\d+)?/g)!
          .slice(0, 3)
          .map(Number);
      const lum = (c: number[]) => {
        const [r, g, b] = c.map((v) => {
          const x = v / 255;
          return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const fg = lum(rgb(getComputedStyle(el).color));
      const bg = lum(rgb(getComputedStyle(el.parentElement!).backgroundColor));
      return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    });
    expect(contrast).toBeGreaterThanOrEqual(4.5);

    // The screenshot for the README: a topic summary with a citation opened and highlighted,
    // its citations verified.
    await page.click('#verify');
    await page.waitForSelector('#verify-result[data-state="ok"]');
    await page.evaluate(() => window.scrollTo(0, 0));
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  test('verify marks every citation of the summary as verified', async () => {
    const page = await newPage();
    const topic = session.topics[0]!;
    await page.goto(`${session.server.url}/?topic=${encodeURIComponent(topic.id)}&maxSentences=8`);
    const summary = await api<Summary>(
      `/v1/topics/${encodeURIComponent(topic.id)}/summary?maxSentences=8`,
    );
    const total = summary.sentences.reduce((n, s) => n + s.citations.length, 0);
    expect(await page.locator('a.cite').count()).toBe(total);

    await page.click('#verify');
    await page.waitForSelector('#verify-result[data-state]');
    const statuses = await page.$$eval('.cite-status', (els) =>
      els.map((e) => [(e as HTMLElement).dataset.status, e.textContent]),
    );
    expect(statuses).toEqual(Array.from({ length: total }, () => ['verified', 'verified']));
    expect(await page.textContent('#verify-result')).toBe(
      `All ${total} citations verified against the served files.`,
    );
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  test('verify marks a citation whose file changed as stale and a moved quote as mismatch', async () => {
    // The citations as a changed file would leave them: the verify request is altered on its way.
    const page = await newPage();
    await page.route('**/v1/citations/verify', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { citations: Citation[] };
      body.citations[0]!.sha256 = '0'.repeat(64);
      body.citations[1]!.quote = `${body.citations[1]!.quote} (edited)`;
      await route.continue({ postData: JSON.stringify(body) });
    });
    await page.goto(`${session.server.url}/`);
    const total = await page.locator('a.cite').count();
    expect(total).toBeGreaterThan(2);
    await page.click('#verify');
    await page.waitForSelector('#verify-result[data-state]');
    const statuses = await page.$$eval('.cite-status', (els) =>
      els.map((e) => (e as HTMLElement).dataset.status),
    );
    expect(statuses).toEqual([
      'stale',
      'mismatch',
      ...Array.from({ length: total - 2 }, () => 'verified'),
    ]);
    expect(await page.getAttribute('.cite-status[data-status="mismatch"]', 'title')).toMatch(
      /Now at those offsets/,
    );
    expect(await page.getAttribute('#verify-result', 'data-state')).toBe('bad');
    expect(await page.textContent('#verify-result')).toBe(
      `${total - 2} verified, 1 stale, 1 mismatch (of ${total}).`,
    );
    await page.context().close();
  });
});
