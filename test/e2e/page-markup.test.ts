import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Citation } from '../../schemas/citation.js';
import type { Summary } from '../../schemas/summary.js';
import { browserSuite, CHROMIUM, CHROMIUM_ARGS } from './chromium.js';
import { type SpawnedServer, startServer } from './start-server.js';

/**
 * The spot-check page on Markdown and HTML files (issue 11): the cited source is shown as it is
 * stored, markup and all, with the cited span highlighted, and code, HTML and table lines are
 * dimmed with their reason like every other non-content line.
 */

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const FILES = [
  'markdown-kb/architecture-ledger.md',
  'markdown-kb/postmortem-ledger-backlog.md',
  'html-news/metro-wire-harbour-bridge.html',
];

interface Row {
  n: number;
  dim: boolean;
  why: string | null;
}
interface Line {
  number: number;
  kind: string;
  reason?: string;
}

browserSuite('the spot-check page in headless Chromium on Markdown and HTML files', () => {
  let server: SpawnedServer;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'citesum-markup-'));
    for (const f of FILES)
      copyFileSync(path.join(FIXTURES, f), path.join(dataDir, path.basename(f)));
    server = await startServer(dataDir);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Opens the first citation of a one-sentence query summary; returns it, the rows shown and the API's lines. */
  async function open(query: string) {
    const summary = (await (
      await fetch(`${server.url}/v1/summary?query=${encodeURIComponent(query)}&maxSentences=1`)
    ).json()) as Summary;
    const c: Citation = summary.sentences[0]!.citations[0]!;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/?query=${encodeURIComponent(query)}&maxSentences=1&cite=1.1`);
    await page.waitForSelector('#source[data-open-cite="1.1"]', { timeout: 15_000 });
    const rows: Row[] = await page.$$eval('#source-lines .line', (rs) =>
      rs.map((r) => ({
        n: Number((r as HTMLElement).dataset.line),
        dim: r.classList.contains('dim'),
        why: r.querySelector('.why')?.textContent ?? null,
      })),
    );
    const marks = await page.$$eval('#source-lines mark.hl', (ms) => ms.map((m) => m.textContent));
    const notes = await page.$eval('#source-notes', (n) => n.textContent ?? '');
    await page.close();
    const { lines } = (await (
      await fetch(`${server.url}/v1/documents/${encodeURIComponent(c.file)}/lines`)
    ).json()) as { lines: Line[] };
    return { c, rows, marks, notes, lines, errors };
  }

  /** Rows dimmed with the label `why`, and every row dimmed exactly when the API says it is not content. */
  function expectDimmed(rows: readonly Row[], lines: readonly Line[], why: string): void {
    expect(rows.map((r) => r.n)).toEqual(lines.map((l) => l.number));
    lines.forEach((l, k) => {
      expect(rows[k]!.dim, `line ${l.number}`).toBe(l.kind !== 'content');
      if (l.kind !== 'content' && l.kind !== 'blank')
        expect(rows[k]!.why).toBe((l.reason ?? l.kind).replace(/-/g, ' '));
    });
    const labelled = rows.filter((r) => r.dim && r.why === why);
    expect(labelled.length, `rows dimmed as ${why}`).toBeGreaterThan(0);
  }

  test('a Markdown citation is highlighted with its markup, and the code fence and the table are dimmed as code and table', async () => {
    const { c, rows, marks, notes, lines, errors } = await open(
      'settings that matter most maxPoolSize ackTimeout',
    );
    expect(c.file).toBe('architecture-ledger.md');
    expect(c.quote).toContain('`');
    expect(marks.join('')).toBe(c.quote.replace(/\n/g, ''));
    expect(notes).toBe('');
    expectDimmed(rows, lines, 'code');
    expectDimmed(rows, lines, 'table');
    expect(errors).toEqual([]);
  });

  test('HTML blocks inside Markdown are dimmed as html', async () => {
    const { c, rows, lines, errors } = await open(
      'Helm values reorganised environment file defaults',
    );
    expect(c.file).toBe('postmortem-ledger-backlog.md');
    expectDimmed(rows, lines, 'html');
    expect(errors).toEqual([]);
  });

  test('a saved web page shows its tags, highlights the article sentence and dims scripts, tables and comments', async () => {
    const { c, rows, marks, notes, lines, errors } = await open(
      'Fjordlink departures east quay Strandvika tickets',
    );
    expect(c.file).toBe('metro-wire-harbour-bridge.html');
    expect(marks.join('')).toBe(c.quote.replace(/\r?\n/g, ''));
    expect(notes).toBe('');
    expectDimmed(rows, lines, 'script');
    expectDimmed(rows, lines, 'table');
    expectDimmed(rows, lines, 'comments');
    expect(errors).toEqual([]);
  });
});
