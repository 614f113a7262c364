import { describe, expect, it } from 'vitest';
import { HealthSchema } from '../../schemas/api.js';
import { Secret } from '../../src/config.js';
import { SWAGGER_UI_VERSION } from '../../src/http/api-docs.js';
import { ApiKeyCheck, SESSION_COOKIE } from '../../src/http/auth.js';
import { openApiDocument } from '../../src/http/openapi.js';
import { safeNext } from '../../src/http/page/sign-in.js';
import { memoryLogger } from '../memory-logger.js';
import { expectProblem, seedApp } from './helpers.js';

/**
 * API_KEY (issue 21): every route but the probes answers 401 without the key (problem+json with
 * WWW-Authenticate, or the sign-in form for a browser), and as usual with it; browsers sign in
 * once and carry a session cookie; the key is compared in constant time and never logged.
 */

const KEY = 'test-key_0123456789+abcdef/XYZ==';
const SEED = '000_3e47eca7661924bb.txt';
const bearer = (key = KEY) => ({ Authorization: `Bearer ${key}` });

type Doc = {
  security?: Record<string, string[]>[];
  components: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
  paths: Record<
    string,
    Record<string, { security?: unknown[]; responses: Record<string, unknown> }>
  >;
};

/** One request per route of the app: every OpenAPI operation and every plain route. */
async function everyRoute(): Promise<
  { method: string; template: string; path: string; init?: RequestInit }[]
> {
  // A topic id as a client learns it (a keyless app over the same model).
  const { app } = await seedApp();
  const topics = (await (await app.request('/v1/topics')).json()) as { topics: { id: string }[] };
  const topicId = topics.topics[0]!.id;
  const json = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return [
    { method: 'get', template: '/v1/documents', path: '/v1/documents' },
    { method: 'get', template: '/v1/documents/{file}', path: `/v1/documents/${SEED}` },
    {
      method: 'get',
      template: '/v1/documents/{file}/lines',
      path: `/v1/documents/${SEED}/lines?start=1&end=3`,
    },
    { method: 'get', template: '/v1/topics', path: '/v1/topics' },
    { method: 'get', template: '/v1/topics/{topicId}', path: `/v1/topics/${topicId}` },
    {
      method: 'get',
      template: '/v1/topics/{topicId}/summary',
      path: `/v1/topics/${topicId}/summary`,
    },
    {
      method: 'get',
      template: '/v1/topics/{topicId}/summary.md',
      path: `/v1/topics/${topicId}/summary.md`,
    },
    { method: 'get', template: '/v1/summary', path: '/v1/summary?maxSentences=2' },
    { method: 'get', template: '/v1/summary.md', path: '/v1/summary.md?maxSentences=2' },
    {
      method: 'post',
      template: '/v1/summarize',
      path: '/v1/summarize',
      init: json({
        documents: [{ file: 'a.txt', text: 'The council approved the harbour budget on Monday.' }],
      }),
    },
    {
      method: 'post',
      template: '/v1/summarize.md',
      path: '/v1/summarize.md',
      init: json({
        documents: [{ file: 'a.txt', text: 'The council approved the harbour budget on Monday.' }],
      }),
    },
    {
      method: 'post',
      template: '/v1/citations/verify',
      path: '/v1/citations/verify',
      init: json({ citations: [] }),
    },
    { method: 'get', template: '/metrics', path: '/metrics' },
    // Plain routes, outside the OpenAPI document.
    { method: 'get', template: '/', path: '/' },
    { method: 'get', template: '/openapi.json', path: '/openapi.json' },
    { method: 'get', template: '/docs', path: '/docs' },
    {
      method: 'get',
      template: '/docs/assets/{version}/{name}',
      path: `/docs/assets/${SWAGGER_UI_VERSION}/init.js`,
    },
    { method: 'get', template: '/assets/app.js', path: '/assets/app.js' },
    { method: 'get', template: '/assets/app.css', path: '/assets/app.css' },
  ];
}

describe('a service started with an API key', () => {
  it('lists in this test every operation of the OpenAPI document but the probes', async () => {
    const doc = openApiDocument() as unknown as Doc;
    const listed = new Set((await everyRoute()).map((r) => `${r.method} ${r.template}`));
    for (const [template, ops] of Object.entries(doc.paths))
      for (const method of Object.keys(ops))
        if (template !== '/healthz' && template !== '/readyz')
          expect(listed.has(`${method} ${template}`), `${method} ${template}`).toBe(true);
  });

  it('answers every route but the probes 401 without the key, with WWW-Authenticate, and 200 with it', async () => {
    const { app } = await seedApp({ apiKey: new Secret(KEY) });
    for (const r of await everyRoute()) {
      const without = await app.request(r.path, r.init);
      const body = await expectProblem(without, 401, /API key/);
      expect(body.title).toBe('Unauthorized');
      expect(without.headers.get('www-authenticate'), r.path).toBe('Bearer realm="citesum"');

      const wrong = await app.request(r.path, {
        ...r.init,
        headers: {
          ...(r.init?.headers as Record<string, string>),
          ...bearer('not-the-key-0123456789'),
        },
      });
      await expectProblem(wrong, 401, /not this service's/);
      expect(wrong.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);

      const withKey = await app.request(r.path, {
        ...r.init,
        headers: { ...(r.init?.headers as Record<string, string>), ...bearer() },
      });
      expect(withKey.status, r.path).toBe(200);
    }
  });

  it('refuses anything but the exact key: a prefix, an extension, another case, another scheme', async () => {
    const { app } = await seedApp({ apiKey: new Secret(KEY) });
    for (const key of [KEY.slice(0, -1), `${KEY}x`, KEY.toLowerCase()])
      expect((await app.request('/v1/topics', { headers: bearer(key) })).status).toBe(401);
    const basic = await app.request('/v1/topics', { headers: { Authorization: `Basic ${KEY}` } });
    await expectProblem(basic, 401, /another scheme/);
    expect(
      (await app.request('/v1/topics', { headers: { Authorization: `bearer  ${KEY}` } })).status,
    ).toBe(200);
  });

  it('keeps the probes open, and tells their corpus fields only to a caller with the key', async () => {
    const { app, state } = await seedApp({ apiKey: new Secret(KEY) });
    const open = HealthSchema.parse(await (await app.request('/healthz')).json());
    expect(open).toMatchObject({ status: 'ok', ready: true, phase: 'ready' });
    expect(open.corpus).toBeUndefined();
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const told = HealthSchema.parse(
      await (await app.request('/healthz', { headers: bearer() })).json(),
    );
    expect(told.corpus).toBe(state.model.fingerprint);
  });

  it('answers a CORS preflight without the key (browsers never send credentials on one)', async () => {
    const { app } = await seedApp({ apiKey: new Secret(KEY) });
    const res = await app.request('/v1/topics', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://app.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
  });

  it('never writes the key to the log', async () => {
    const { logger, records } = memoryLogger('trace');
    const { app } = await seedApp({ apiKey: new Secret(KEY), log: logger });
    await app.request('/v1/topics', { headers: bearer() });
    await app.request('/v1/topics', { headers: bearer(`${KEY}x`) });
    await app.request('/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ key: KEY, next: '/' }).toString(),
    });
    logger.flush();
    expect(records.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(records)).not.toContain(KEY);
  });
});

describe('signing in from a browser', () => {
  const form = (key: string, next = '/?topic=x') => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ key, next }).toString(),
  });

  it('shows a page navigation without credentials the sign-in form, with 401', async () => {
    const { app } = await seedApp({ apiKey: new Secret(KEY) });
    const res = await app.request('/?topic=abc', { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="citesum"');
    expect(res.headers.get('content-security-policy')).toMatch(/form-action 'self'/);
    const html = await res.text();
    expect(html).toContain('<form method="post" action="/sign-in">');
    expect(html).toContain('value="/?topic=abc"');
  });

  it('sets an HttpOnly, SameSite=Strict session cookie (not the key) for the right key, and redirects', async () => {
    const { app } = await seedApp({ apiKey: new Secret(KEY) });
    const wrong = await app.request('/sign-in', form('wrong-key-0123456789'));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(await wrong.text()).toContain('not this service');

    const res = await app.request('/sign-in', form(KEY));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/?topic=x');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]+;`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Max-Age=604800/);
    expect(cookie).not.toContain(KEY);

    const session = cookie.split(';')[0]!;
    expect((await app.request('/v1/topics', { headers: { Cookie: session } })).status).toBe(200);
    expect((await app.request('/', { headers: { Cookie: session } })).status).toBe(200);
    // A key sent in the header wins over the cookie: a wrong one is refused.
    const both = await app.request('/v1/topics', {
      headers: { Cookie: session, ...bearer('wrong-key-0123456789') },
    });
    expect(both.status).toBe(401);
    expect(
      (await app.request('/v1/topics', { headers: { Cookie: `${SESSION_COOKIE}=forged` } })).status,
    ).toBe(401);
  });

  it('marks the cookie Secure behind an HTTPS proxy', async () => {
    const { app } = await seedApp({ apiKey: new Secret(KEY) });
    const res = await app.request('/sign-in', {
      ...form(KEY),
      headers: { ...form(KEY).headers, 'X-Forwarded-Proto': 'https' },
    });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('redirects only within the service', () => {
    expect(safeNext('/?topic=a&cite=1.1')).toBe('/?topic=a&cite=1.1');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext(undefined)).toBe('/');
  });

  it('derives the session from the key: another key, another cookie', () => {
    const a = new ApiKeyCheck(new Secret(KEY));
    const b = new ApiKeyCheck(new Secret(`${KEY}a`));
    expect(a.sessionToken).not.toBe(b.sessionToken);
    expect(a.session(a.sessionToken)).toBe(true);
    expect(a.session(b.sessionToken)).toBe(false);
    expect(a.session(undefined)).toBe(false);
  });
});

describe('a service started without a key', () => {
  it('answers every route without credentials, and ignores a bearer header', async () => {
    const { app } = await seedApp();
    for (const r of await everyRoute()) {
      expect((await app.request(r.path, r.init)).status, r.path).toBe(200);
    }
    expect(
      (await app.request('/v1/topics', { headers: bearer('anything-at-all-123') })).status,
    ).toBe(200);
    expect((await app.request('/sign-in')).status).toBe(404);
  });
});

describe('the OpenAPI document', () => {
  const doc = openApiDocument() as unknown as Doc;

  it('declares the bearer scheme as the default requirement, so generated clients send the key', () => {
    expect(doc.components.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer' },
    });
    expect(doc.security).toEqual([{ bearer: [] }]);
  });

  it('declares 401 and 503 on every operation but the probes, which need no key', () => {
    for (const [template, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const probe = template === '/healthz' || template === '/readyz';
        expect(op.security, `${method} ${template}`).toEqual(probe ? [] : undefined);
        expect('401' in op.responses, `${method} ${template}`).toBe(!probe);
        if (!probe) expect('503' in op.responses, `${method} ${template}`).toBe(true);
      }
  });
});
