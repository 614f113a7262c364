import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Citation } from '../../schemas/citation.js';
import type { TopicList } from '../../schemas/topic.js';
import { launchChromium } from './chromium.js';
import { type SpawnedServer, startServer } from './start-server.js';

/**
 * Helpers of the spot-check page's browser tests (page-navigation, page-citations,
 * page-crlf-files): the suite's name, what the page shows of an opened citation, and the server
 * on data/ with a browser that the suites on the seed corpus share.
 */

/** The name of the page's browser suites (the test names are "SUITE > test"). */
export const SUITE = 'the spot-check page in headless Chromium';

/** What the page shows of the opened citation. */
export interface Opened {
  title: string;
  marks: string[];
  citedLines: number[];
  citedNumbers: number[];
  notes: string;
  rowVisible: boolean;
}

/** Reads the opened citation off the page: title, marks, cited rows, notes, visibility. */
export function readOpened(page: Page): Promise<Opened> {
  return page.evaluate(() => {
    const lines = document.getElementById('source-lines')!;
    const rows = [...lines.querySelectorAll<HTMLElement>('.line.cited')];
    const first = rows[0];
    let rowVisible = false;
    if (first) {
      const a = first.getBoundingClientRect();
      const b = lines.getBoundingClientRect();
      rowVisible =
        a.top >= b.top - 1 &&
        a.bottom <= b.bottom + 1 &&
        a.top >= 0 &&
        a.bottom <= window.innerHeight;
    }
    return {
      title: document.getElementById('source-title')!.textContent ?? '',
      marks: [...lines.querySelectorAll('mark.hl')].map((m) => m.textContent ?? ''),
      citedLines: rows.map((r) => Number(r.dataset.line)),
      citedNumbers: rows.map((r) => Number(r.querySelector('.ln')!.textContent)),
      notes: document.getElementById('source-notes')!.textContent ?? '',
      rowVisible,
    };
  });
}

/** The highlight a citation must produce: its quote, cut at line breaks (breaks are not rendered). */
export function expectedMarks(c: Citation): string[] {
  return c.quote.split(/\r\n|\n|\r/).filter((part) => part.length > 0);
}

/** The line numbers a citation covers. */
export function lineRange(c: Citation): number[] {
  return Array.from({ length: c.lines.end - c.lines.start + 1 }, (_, k) => c.lines.start + k);
}

/** Waits for citation `key` to open and expects exactly its quote marked on its cited lines. */
export async function expectHighlighted(page: Page, key: string, c: Citation): Promise<void> {
  await page.waitForSelector(`#source[data-open-cite="${key}"]`, { timeout: 10_000 });
  const opened = await readOpened(page);
  expect(opened.title).toBe(c.file);
  expect(opened.marks).toEqual(expectedMarks(c));
  expect(opened.marks.join('')).toBe(c.quote.replace(/\r\n|\n|\r/g, ''));
  expect(opened.citedLines).toEqual(lineRange(c));
  expect(opened.citedNumbers).toEqual(lineRange(c));
  expect(opened.notes).toBe('');
  expect(opened.rowVisible).toBe(true);
}

/** The page errors and console errors a page of {@link SpotCheckSession.newPage} collected. */
export function errorsOf(page: Page): string[] {
  return (page as Page & { errors: string[] }).errors;
}

/** The server on data/, its topics, and pages of a shared browser, for the tests of one suite. */
export interface SpotCheckSession {
  readonly server: SpawnedServer;
  readonly topics: TopicList['topics'];
  /** GETs (or sends `init`) `url` from the server, expects 200 and returns the JSON body. */
  api<T>(url: string, init?: RequestInit): Promise<T>;
  /** A page in a fresh context (reduced motion) that collects its errors for {@link errorsOf}. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
}

/**
 * Starts the server on data/ and Chromium before the suite's tests (and stops both after them),
 * inside a `browserSuite`; the session's server and topics are set once `beforeAll` has run.
 */
export function useSpotCheckSession(): SpotCheckSession {
  let server: SpawnedServer;
  let browser: Browser;
  let topics: TopicList['topics'];

  async function api<T>(url: string, init?: RequestInit): Promise<T> {
    const res = await fetch(`${server.url}${url}`, init);
    expect(res.status, `${url}: ${res.status}`).toBe(200);
    return (await res.json()) as T;
  }

  async function newPage(viewport = { width: 1440, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    (page as Page & { errors: string[] }).errors = errors;
    return page;
  }

  beforeAll(async () => {
    server = await startServer('data');
    browser = await launchChromium();
    topics = (await api<TopicList>('/v1/topics')).topics;
    expect(topics.length).toBeGreaterThan(1);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    get server() {
      return server;
    },
    get topics() {
      return topics;
    },
    api,
    newPage,
  };
}
