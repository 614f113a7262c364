import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Citation } from '../../schemas/citation.js';
import type { Summary } from '../../schemas/summary.js';
import { browserSuite, launchChromium } from './chromium.js';
import { expectedMarks, expectHighlighted, readOpened, SUITE } from './page-helpers.js';
import { type SpawnedServer, startServer } from './start-server.js';

/**
 * The spot-check page in headless Chromium (see page-navigation.test.ts) on a folder of its own:
 * CRLF line breaks, a sentence wrapped over two lines, an astral character before the cited
 * text, a file in a sub-folder, and a cited file that changes on disk while the page is open.
 */

browserSuite(
  `${SUITE}: CRLF files, wrapped sentences, astral characters, folders and a file changing`,
  () => {
    let server: SpawnedServer;
    let browser: Browser;
    let dataDir: string;
    const QUERY = 'ferry timetable commuters';

    beforeAll(async () => {
      dataDir = mkdtempSync(path.join(tmpdir(), 'citesum-page-'));
      // CRLF breaks, an astral emoji (two UTF-16 code units) before the cited text, and a sentence
      // wrapped over two lines; the second file sits in a folder and has a space in its name.
      writeFileSync(
        path.join(dataDir, 'harbour.txt'),
        'Harbour News \u{1F6A2}\r\n\r\nThe harbour board approved a new ferry timetable on Monday after months of\r\ncomplaints from commuters about crowded morning boats.\r\nThe ferry operator said the extra sailings would start in June.\r\nSubscribe to our newsletter for more stories.\r\n',
      );
      mkdirSync(path.join(dataDir, 'notes'));
      writeFileSync(
        path.join(dataDir, 'notes', 'ferry update.txt'),
        'Ferry update\n\nCommuters had complained for months about crowded morning boats, the harbour board said.\nThe new ferry timetable adds four morning sailings from June.\n',
      );
      server = await startServer(dataDir);
      browser = await launchChromium();
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    test('every citation, including one wrapped over two CRLF lines, is highlighted exactly', async () => {
      const summary = (await (
        await fetch(`${server.url}/v1/summary?query=${encodeURIComponent(QUERY)}&maxSentences=5`)
      ).json()) as Summary;
      const all = summary.sentences.flatMap((s, i) =>
        s.citations.map((c, j) => ({ c, key: `${i + 1}.${j + 1}` })),
      );
      expect(all.some(({ c }) => c.lines.end > c.lines.start && c.quote.includes('\r\n'))).toBe(
        true,
      );
      expect(all.some(({ c }) => c.file.includes('/'))).toBe(true);

      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${server.url}/?query=${encodeURIComponent(QUERY)}&maxSentences=5`);
      for (const { c, key } of all) {
        await page.click(`a.cite[data-cite="${key}"]`);
        await expectHighlighted(page, key, c);
      }
      await page.close();
    });

    test('after the cited file changes on disk, verify says stale and the opened source says the file changed', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${server.url}/?query=${encodeURIComponent(QUERY)}&maxSentences=5`);
      const data = await page.$eval(
        '#citesum-data',
        (el) => JSON.parse(el.textContent ?? '{}') as { citations: Citation[][] },
      );
      const flat = data.citations.flat();
      const before = ((await (await fetch(`${server.url}/healthz`)).json()) as { corpus: string })
        .corpus;

      // Appending keeps every offset valid but changes the file's sha256.
      appendFileSync(path.join(dataDir, 'harbour.txt'), 'Corrected on Tuesday.\r\n');
      const deadline = Date.now() + 15_000;
      for (;;) {
        const now = ((await (await fetch(`${server.url}/healthz`)).json()) as { corpus: string })
          .corpus;
        if (now !== before) break;
        if (Date.now() > deadline)
          throw new Error(`the server did not reload the changed file:\n${server.output()}`);
        await new Promise((r) => setTimeout(r, 100));
      }

      await page.click('#verify');
      await page.waitForSelector('#verify-result[data-state]');
      const statuses = await page.$$eval('.cite-status', (els) =>
        els.map((e) => (e as HTMLElement).dataset.status),
      );
      expect(statuses).toEqual(flat.map((c) => (c.file === 'harbour.txt' ? 'stale' : 'verified')));

      const k = flat.findIndex((c) => c.file === 'harbour.txt');
      const key = data.citations.flatMap((cs, i) => cs.map((_, j) => `${i + 1}.${j + 1}`))[k]!;
      await page.click(`a.cite[data-cite="${key}"]`);
      await page.waitForSelector(`#source[data-open-cite="${key}"]`);
      const opened = await readOpened(page);
      expect(opened.notes).toContain('changed since the summary was made');
      expect(opened.marks).toEqual(expectedMarks(flat[k]!));
      await page.close();
    });
  },
);
