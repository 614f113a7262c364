import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Citation } from '../../schemas/citation.js';
import type { Summary } from '../../schemas/summary.js';
import { browserSuite, launchChromium } from './chromium.js';
import { type SpawnedServer, startServer } from './start-server.js';

/**
 * The spot-check page on a long file (issue 14): `GET /v1/documents/{file}/lines` answers a page
 * at a time, so the page loads the pages around a citation instead of the whole file, and still
 * highlights citations far down the file and across a page boundary.
 */

const LINES = 2_400;
const FAR = { line: 1_801, query: 'lighthouse keeper Marisol Quint' };
const ACROSS = { line: 1_000, query: 'harbour pilot Ezekiel Brandt grain freighter' };

/** A log of numbered lines with two stories: one far down, one wrapped over lines 1000–1001. */
function longFile(): string {
  const lines = Array.from(
    { length: LINES },
    (_, i) => `Reading ${i + 1} of the tide gauge was ordinary.`,
  );
  lines[FAR.line - 2] = '';
  lines[FAR.line - 1] =
    'The lighthouse keeper Marisol Quint relit the lamp by hand after the storm cut the power.';
  lines[FAR.line] = '';
  lines[ACROSS.line - 2] = '';
  lines[ACROSS.line - 1] =
    'The harbour pilot Ezekiel Brandt guided the grain freighter through the';
  lines[ACROSS.line] = 'narrows at dawn although the fog had closed the port.';
  lines[ACROSS.line + 1] = '';
  return `${lines.join('\n')}\n`;
}

browserSuite('the spot-check page in headless Chromium on a file of 2,400 lines', () => {
  let server: SpawnedServer;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'citesum-long-'));
    writeFileSync(path.join(dataDir, 'tide-log.txt'), longFile());
    writeFileSync(
      path.join(dataDir, 'short.txt'),
      'The storm cut the power to the coast for a night.\nThe port reopened in the morning.\n',
    );
    server = await startServer(dataDir);
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Opens the query's first citation and returns it, the lines requests made and what is shown. */
  async function openFirstCitation(query: string) {
    const summary = (await (
      await fetch(`${server.url}/v1/summary?query=${encodeURIComponent(query)}&maxSentences=1`)
    ).json()) as Summary;
    const c: Citation = summary.sentences[0]!.citations[0]!;
    const page: Page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const requests: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/v1/documents/')) requests.push(`${url.pathname}${url.search}`);
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/?query=${encodeURIComponent(query)}&maxSentences=1&cite=1.1`);
    await page.waitForSelector('#source[data-open-cite="1.1"]', { timeout: 15_000 });
    const shown = await page.evaluate(() => {
      const lines = document.getElementById('source-lines')!;
      const cited = [...lines.querySelectorAll<HTMLElement>('.line.cited')];
      const first = cited[0]?.getBoundingClientRect();
      const box = lines.getBoundingClientRect();
      return {
        marks: [...lines.querySelectorAll('mark.hl')].map((m) => m.textContent ?? ''),
        cited: cited.map((r) => Number(r.dataset.line)),
        rows: lines.querySelectorAll('.line').length,
        notes: document.getElementById('source-notes')!.textContent ?? '',
        visible: !!first && first.top >= box.top - 1 && first.bottom <= box.bottom + 1,
      };
    });
    await page.close();
    return { c, requests, shown, errors };
  }

  test('a citation past line 1,500 is highlighted from the one page that holds it, never the whole file', async () => {
    const { c, requests, shown, errors } = await openFirstCitation(FAR.query);
    expect(c.file).toBe('tide-log.txt');
    expect(c.lines).toEqual({ start: FAR.line, end: FAR.line });
    expect(shown.cited).toEqual([FAR.line]);
    expect(shown.marks).toEqual([c.quote]);
    expect(shown.notes).toBe('');
    expect(shown.visible).toBe(true);
    expect(shown.rows).toBeLessThanOrEqual(1_000);
    expect(requests).toEqual(['/v1/documents/tide-log.txt/lines?start=1001&end=2000']);
    expect(errors).toEqual([]);
  });

  test('a sentence wrapped over lines 1,000 and 1,001 is highlighted across the two pages it spans', async () => {
    const { c, requests, shown, errors } = await openFirstCitation(ACROSS.query);
    expect(c.lines).toEqual({ start: ACROSS.line, end: ACROSS.line + 1 });
    expect(shown.cited).toEqual([ACROSS.line, ACROSS.line + 1]);
    expect(shown.marks.join('')).toBe(c.quote.replace(/\n/g, ''));
    expect(shown.notes).toBe('');
    expect(requests.sort()).toEqual([
      '/v1/documents/tide-log.txt/lines?start=1&end=1000',
      '/v1/documents/tide-log.txt/lines?start=1001&end=2000',
    ]);
    expect(errors).toEqual([]);
  });
});
