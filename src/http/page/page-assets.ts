import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** One static asset of the spot-check page, read once at startup and served from memory. */
export interface PageAsset {
  /** The URL the page links to, with a content hash so browsers may cache it for good. */
  readonly url: string;
  /** The route path the app serves it at (without the hash query). */
  readonly path: string;
  readonly body: string;
  readonly contentType: string;
  /** Strong ETag of the body. */
  readonly etag: string;
}

function loadAsset(name: string, contentType: string): PageAsset {
  const body = readFileSync(new URL(`./client/${name}`, import.meta.url), 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return {
    url: `/assets/${name}?v=${hash}`,
    path: `/assets/${name}`,
    body,
    contentType,
    etag: `"${hash}"`,
  };
}

/** The page's script: vanilla JS, no build step (src/http/page/client/app.js). */
export const APP_JS: PageAsset = loadAsset('app.js', 'text/javascript; charset=utf-8');

/** The page's stylesheet (src/http/page/client/app.css). */
export const APP_CSS: PageAsset = loadAsset('app.css', 'text/css; charset=utf-8');
