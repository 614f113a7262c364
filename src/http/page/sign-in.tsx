import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { type ApiKeyCheck, SESSION_COOKIE, SESSION_MAX_AGE_S, SIGN_IN_PATH } from '../auth.js';
import type { ApiApp } from '../context.js';

/**
 * The sign-in form of a service run with an API key: a browser cannot add `Authorization` to a
 * page navigation, so the spot-check page (and /docs) asks for the key once, here, and the
 * browser keeps an HttpOnly, SameSite=Strict session cookie (src/http/auth.ts) for
 * {@link SESSION_MAX_AGE_S} seconds. Its own small style, inline and pinned by its hash in the
 * page's CSP: the page's stylesheet is behind the key too.
 */

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1d2433}
main{max-width:26rem;margin:12vh auto;padding:2rem;background:#fff;border:1px solid #d8dce3;border-radius:8px}
h1{font-size:1.4rem;margin:0 0 .5rem}p{margin:.5rem 0 1rem}label{display:block;font-weight:600;margin-bottom:.25rem}
input[type=password]{box-sizing:border-box;width:100%;padding:.5rem;font:inherit;border:1px solid #a9b1be;border-radius:4px}
button{margin-top:1rem;padding:.5rem 1.2rem;font:inherit;border:0;border-radius:4px;background:#1d4ed8;color:#fff;cursor:pointer}
.error{color:#a4161a;font-weight:600}`;

/** The form's Content-Security-Policy: nothing but its own inline style and a POST to itself. */
export const SIGN_IN_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

/** Where to go after signing in: a path of this service, never another site (`//x`, `/\x`). */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !/^\/[/\\]/.test(next) ? next : '/';
}

function SignInView({ next, error }: { next: string; error?: string | undefined }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Sign in · citesum</title>
        <link rel="icon" href="data:," />
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <main>
          <h1>citesum</h1>
          <p>
            This service asks for its API key (the <code>API_KEY</code> it was started with). This
            browser then stays signed in for {SESSION_MAX_AGE_S / 86_400} days.
          </p>
          {error ? (
            <p class="error" role="alert">
              {error}
            </p>
          ) : null}
          <form method="post" action={SIGN_IN_PATH}>
            <label for="key">API key</label>
            <input
              id="key"
              name="key"
              type="password"
              required
              autocomplete="current-password"
              autofocus
            />
            <input type="hidden" name="next" value={next} />
            <button type="submit">Sign in</button>
          </form>
        </main>
      </body>
    </html>
  );
}

/** The form as a response (`status` 401 when it stands in for a page the key protects). */
export function signInPage(c: Context, next: string, status: 200 | 401 = 401, error?: string) {
  c.header('Content-Security-Policy', SIGN_IN_CSP);
  c.header('Cache-Control', 'no-store');
  return c.html(
    `<!doctype html>${String(<SignInView next={safeNext(next)} error={error} />)}`,
    status,
  );
}

/**
 * Mounts `GET /sign-in` (the form) and `POST /sign-in` (a form post of `key` and `next`): the
 * right key sets the session cookie and redirects (303) to `next`; a wrong one shows the form
 * again with 401. Plain routes, outside the OpenAPI document: API clients send the header.
 */
export function registerSignIn(app: ApiApp, check: ApiKeyCheck): void {
  app.get(SIGN_IN_PATH, (c) => signInPage(c, c.req.query('next') ?? '/', 200));
  app.post(SIGN_IN_PATH, async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const key = typeof form.key === 'string' ? form.key : '';
    const next = safeNext(typeof form.next === 'string' ? form.next : undefined);
    if (!check.matches(key)) return signInPage(c, next, 401, "That is not this service's API key.");
    const https =
      new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
    setCookie(c, SESSION_COOKIE, check.sessionToken, {
      path: '/',
      httpOnly: true,
      sameSite: 'Strict',
      maxAge: SESSION_MAX_AGE_S,
      ...(https ? { secure: true } : {}),
    });
    c.header('Cache-Control', 'no-store');
    return c.redirect(next, 303);
  });
}
