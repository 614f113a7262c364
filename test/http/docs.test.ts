import { describe, expect, it } from 'vitest';
import { expectProblem, seedApp } from './helpers.js';

/** GET /docs in process: a page and assets served by the app itself, nothing from elsewhere. */

/** The URLs a page's HTML loads (scripts, stylesheets, images), `data:` URLs aside. */
function loadedUrls(html: string): string[] {
  return [...html.matchAll(/<(?:script|link|img)\b[^>]*?\b(?:src|href)="([^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((url) => !url.startsWith('data:'));
}

describe('GET /docs', () => {
  it('answers an HTML page that loads only same-origin, versioned assets under a strict CSP', async () => {
    const { app } = await seedApp();
    const res = await app.request('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    const urls = loadedUrls(html);
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const url of urls) expect(url).toMatch(/^\/docs\/assets\/\d+\.\d+\.\d+\/[\w.-]+$/);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('serves each asset it links with its type and an immutable cache lifetime', async () => {
    const { app } = await seedApp();
    const html = await (await app.request('/docs')).text();
    for (const url of loadedUrls(html)) {
      const res = await app.request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toMatch(
        url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/,
      );
      expect(res.headers.get('cache-control'), url).toBe('public, max-age=31536000, immutable');
      expect((await res.arrayBuffer()).byteLength, url).toBeGreaterThan(0);
    }
  });

  it('boots the viewer from /openapi.json with no validator badge (no call to validator.swagger.io)', async () => {
    const { app } = await seedApp();
    const html = await (await app.request('/docs')).text();
    const init = loadedUrls(html).find((u) => u.endsWith('/init.js'))!;
    const script = await (await app.request(init)).text();
    expect(script).toContain("fetch('/openapi.json')");
    expect(script).toMatch(/validatorUrl: null/);
  });

  it('answers 404 problem+json for an asset of another version or an unknown name', async () => {
    const { app } = await seedApp();
    const html = await (await app.request('/docs')).text();
    const bundle = loadedUrls(html).find((u) => u.endsWith('swagger-ui-bundle.js'))!;
    await expectProblem(await app.request(bundle.replace(/\/\d+\.\d+\.\d+\//, '/0.0.1/')), 404);
    await expectProblem(await app.request(bundle.replace(/[^/]+$/, 'package.json')), 404);
    await expectProblem(await app.request(bundle.replace(/[^/]+$/, '..%2F..%2Fpackage.json')), 404);
  });
});
