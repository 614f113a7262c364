import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { browserSuite, launchChromium } from './chromium.js';
import { type SpawnedServer, startServer } from './start-server.js';

/**
 * The interactive API docs at /docs work without internet (issue 14): the real server in
 * headless Chromium, with every request to another origin aborted, renders every operation of
 * /openapi.json. A viewer that loads anything from a CDN shows a blank page here.
 */

browserSuite('the API docs at /docs in headless Chromium, offline', () => {
  let server: SpawnedServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer('data');
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('render the operations list from the service alone, every request to another origin blocked', async () => {
    const spec = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(spec.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(operations.length).toBeGreaterThan(5);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const origin = new URL(server.url).origin;
    const blocked: string[] = [];
    const requested: string[] = [];
    const errors: string[] = [];
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (new URL(url).origin !== origin) {
        blocked.push(url);
        await route.abort('internetdisconnected');
      } else {
        requested.push(new URL(url).pathname);
        await route.continue();
      }
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });

    await page.goto(`${server.url}/docs`);
    await page.waitForSelector('.opblock .opblock-summary-path', { timeout: 15_000 });
    const shown = await page.$$eval('.opblock', (blocks) =>
      blocks.map((b) => {
        const method = b.querySelector('.opblock-summary-method')?.textContent ?? '';
        const el = b.querySelector('.opblock-summary-path');
        const p = el?.getAttribute('data-path') ?? el?.textContent ?? '';
        return `${method.trim().toUpperCase()} ${p.replace(/\u200b/g, '').trim()}`;
      }),
    );
    expect(shown.sort()).toEqual(operations);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    expect(requested).toContain('/openapi.json');
    await context.close();
  }, 60_000);

  test('"Try it out" calls the service the docs came from, whatever its port', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const origin = new URL(server.url).origin;
    const calls: string[] = [];
    page.on('request', (r) => calls.push(r.url()));
    await page.goto(`${server.url}/docs#/Service/getHealth`);
    const op = page.locator('#operations-Service-getHealth');
    await op.locator('.try-out__btn').click();
    await op.locator('.btn.execute').click();
    const status = op.locator('.live-responses-table .response .response-col_status');
    await status.first().waitFor({ timeout: 10_000 });
    expect((await status.first().textContent())?.trim()).toBe('200');
    expect(calls).toContain(`${origin}/healthz`);
    await page.close();
  }, 60_000);
});
