import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ApiApp } from './context.js';

/**
 * The interactive API docs at `/docs`: Swagger UI (swagger-ui-dist) served from node_modules by
 * the app itself, so the page works without internet and nothing is downloaded at run time. The
 * assets are read once at start-up; their URLs carry the package version, so browsers may cache
 * them for good and an upgrade changes the URLs.
 */

const require = createRequire(import.meta.url);

/** Version of swagger-ui-dist: part of every asset URL. */
export const SWAGGER_UI_VERSION = (require('swagger-ui-dist/package.json') as { version: string })
  .version;

/** Where the docs' assets are served: `/docs/assets/{version}/{name}`. */
const ASSET_BASE = `/docs/assets/${SWAGGER_UI_VERSION}`;

/**
 * The viewer's boot script, a file of its own so the page's CSP can forbid inline scripts. The
 * document lists the default local server (`servers` in /openapi.json); "Try it out" should call
 * the service these docs came from, so that origin replaces it. `validatorUrl: null`: no badge
 * request to validator.swagger.io.
 */
const INIT_JS = `// citesum API docs: boots Swagger UI on the service's own OpenAPI document.
fetch('/openapi.json')
  .then((res) => res.json())
  .then((spec) => {
    spec.servers = [{ url: window.location.origin, description: 'This service' }];
    window.ui = SwaggerUIBundle({
      spec: spec,
      dom_id: '#swagger-ui',
      deepLinking: true,
      validatorUrl: null,
      presets: [SwaggerUIBundle.presets.apis],
      layout: 'BaseLayout',
    });
  })
  .catch((err) => {
    document.getElementById('swagger-ui').textContent = 'Could not load /openapi.json: ' + err;
  });
`;

interface DocsAsset {
  readonly body: string;
  readonly contentType: string;
}

const JS = 'text/javascript; charset=utf-8';

/** The files the page loads, by name: read once, served from memory. */
const ASSETS: ReadonlyMap<string, DocsAsset> = new Map([
  [
    'swagger-ui-bundle.js',
    {
      body: readFileSync(require.resolve('swagger-ui-dist/swagger-ui-bundle.js'), 'utf8'),
      contentType: JS,
    },
  ],
  [
    'swagger-ui.css',
    {
      body: readFileSync(require.resolve('swagger-ui-dist/swagger-ui.css'), 'utf8'),
      contentType: 'text/css; charset=utf-8',
    },
  ],
  ['init.js', { body: INIT_JS, contentType: JS }],
]);

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>citesum API v1</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${ASSET_BASE}/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"><noscript>The interactive docs need JavaScript; the contract itself is at <a href="/openapi.json">/openapi.json</a>.</noscript></div>
  <script src="${ASSET_BASE}/swagger-ui-bundle.js"></script>
  <script src="${ASSET_BASE}/init.js"></script>
</body>
</html>
`;

/**
 * The docs page's Content-Security-Policy: scripts and requests to this origin only. Swagger UI
 * sets inline styles, hence `style-src 'unsafe-inline'`; its stylesheet uses `data:` images.
 */
export const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Mounts `GET /docs` and its assets (plain routes, outside the OpenAPI document). An asset of
 * another version or an unknown name gets the app's 404 problem.
 *
 * @example
 * registerApiDocs(app) // in createApp, after /openapi.json
 */
export function registerApiDocs(app: ApiApp): void {
  app.get('/docs', (c) => {
    c.header('Content-Security-Policy', DOCS_CSP);
    c.header('Cache-Control', 'no-cache');
    return c.html(PAGE);
  });
  app.get('/docs/assets/:version/:name', (c) => {
    const asset = ASSETS.get(c.req.param('name'));
    if (!asset || c.req.param('version') !== SWAGGER_UI_VERSION) return c.notFound();
    return c.body(asset.body, 200, {
      'Content-Type': asset.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });
}
