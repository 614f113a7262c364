import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { browserSuite, launchChromium } from './chromium.js';
import { type SpawnedServer, startServer } from './start-server.js';

/**
 * The spot-check page of a service started with an API key (issue 21), in headless Chromium: the
 * page asks for the key once (a browser cannot add `Authorization` to a page navigation), then
 * the summary, its citations, "Verify" and /docs all work on the session cookie, and a reload
 * does not ask again. A wrong key is refused on the form.
 */

const KEY = 'e2e-key_ABCDEFGHIJ0123456789';

browserSuite('the spot-check page behind an API key, in headless Chromium', () => {
  let server: SpawnedServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer('data', 60_000, { API_KEY: KEY });
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('asks for the key once, then shows, opens and verifies the summary on the session', async () => {
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    const first = await page.goto(`${server.url}/?maxSentences=3`);
    expect(first!.status()).toBe(401);
    expect(await page.title()).toBe('Sign in · citesum');

    // A wrong key: the form again, saying so.
    await page.fill('#key', 'not-the-key-0123456789');
    await Promise.all([page.waitForLoadState(), page.click('button[type=submit]')]);
    expect(await page.textContent('.error')).toContain("not this service's API key");

    await page.fill('#key', KEY);
    await Promise.all([page.waitForURL(/\/\?maxSentences=3$/), page.click('button[type=submit]')]);
    expect(await page.locator('a.cite').count()).toBeGreaterThan(0);

    // The page's own requests (the cited lines, Verify) carry the session.
    const key = await page.getAttribute('a.cite', 'data-cite');
    await page.click(`a.cite[data-cite="${key}"]`);
    await page.waitForSelector(`#source[data-open-cite="${key}"]`);
    expect(await page.locator('#source-lines .line.cited').count()).toBeGreaterThan(0);
    await page.click('#verify');
    await page.waitForSelector('#verify-result[data-state="ok"]');

    // Asked once: a reload and the API docs need no key again.
    const again = await page.reload();
    expect(again!.status()).toBe(200);
    const docs = await page.goto(`${server.url}/docs`);
    expect(docs!.status()).toBe(200);
    await page.waitForSelector('.opblock', { timeout: 30_000 });
    expect(errors).toEqual([]);
  }, 120_000);
});
