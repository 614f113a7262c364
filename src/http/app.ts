import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_DOCUMENTS } from '../core/index.js';
import { Metrics } from '../metrics.js';
import { registerApiDocs } from './api-docs.js';
import { ApiKeyCheck, declareApiKey, requireApiKey } from './auth.js';
import { BodyCache } from './body-cache.js';
import { inProcessCompute, measuredCompute, ServiceBusyError } from './compute.js';
import type { AppEnv, AppOptions, AppState, RouteDeps } from './context.js';
import { registerFastPath } from './fast-path.js';
import { baseHeaders } from './middleware.js';
import { openApiConfig } from './openapi-config.js';
import { registerPage } from './page/register-page.js';
import { registerSignIn, signInPage } from './page/sign-in.js';
import { PROBLEM_TITLES, type ProblemStatus, problem, validationDetail } from './problem.js';
import { CorpusNotServedError, Readiness } from './readiness.js';
import { requestMetrics } from './request-metrics.js';
import { registerCitationRoutes } from './routes/citations.js';
import { registerDocumentRoutes } from './routes/documents.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerMetricsRoutes } from './routes/metrics.js';
import { registerSummarizeRoutes } from './routes/summarize.js';
import { registerSummaryRoutes } from './routes/summary.js';
import { registerTopicRoutes } from './routes/topics.js';

/** What an HTTPException from Hono's own validators and middleware means, said for a caller. */
function httpExceptionDetail(err: HTTPException, method: string): string {
  if (err.status === 400 && /JSON/i.test(err.message))
    return 'body: malformed JSON (the body could not be parsed as JSON)';
  if (err.status === 415)
    return `body: Content-Type must be application/json for ${method} requests with a body`;
  if (err.status === 413) return 'body: larger than the request body limit';
  return err.message || PROBLEM_TITLES[err.status as ProblemStatus] || 'request failed';
}

/**
 * The HTTP API v1 as a Hono app. Reads `state.model` once per request, so the server can swap
 * the model on reload. Every error is RFC 9457 `application/problem+json`.
 *
 * @example
 * const app = createApp({ model: buildModel(await loadCorpus('data')), loadedAt: new Date() })
 * const res = await app.request('/v1/topics')
 */
export function createApp(state: AppState, options: AppOptions = {}): OpenAPIHono<AppEnv> {
  const metrics = options.metrics ?? new Metrics();
  const readiness = options.readiness ?? new Readiness('ready');
  const compute = measuredCompute(options.compute ?? inProcessCompute, metrics);
  const deps: RouteDeps = {
    state,
    compute,
    readiness,
    bodies: new BodyCache(compute),
    options: {
      corsOrigin: options.corsOrigin ?? '*',
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      maxDocuments: options.maxDocuments ?? DEFAULT_MAX_DOCUMENTS,
    },
  };
  const log = options.log;

  const app = new OpenAPIHono<AppEnv>({
    // One hook for every route: a validation failure is a 400 problem naming the parameter.
    defaultHook: (result, c) => {
      if (!result.success) return problem(c, 400, validationDetail(result.target, result.error));
    },
  });

  app.use(requestMetrics(metrics));
  app.use(baseHeaders({ corsOrigin: deps.options.corsOrigin, ...(log ? { log } : {}) }));
  if (options.apiKey) {
    const check = new ApiKeyCheck(options.apiKey);
    app.use(requireApiKey(check, { signInPage: (c, next) => signInPage(c, next) }));
    registerSignIn(app, check);
  }
  // Only the POST routes read a body; GET bodies are never read.
  app.on(
    'POST',
    '*',
    bodyLimit({
      maxSize: deps.options.maxBodyBytes,
      onError: (c) =>
        problem(c, 413, `body: larger than the limit of ${deps.options.maxBodyBytes} bytes`),
    }),
  );

  // Before the routes: answers a GET target already answered without validating it again.
  registerFastPath(app, deps);
  registerHealthRoutes(app, deps);
  registerMetricsRoutes(app, metrics);
  registerDocumentRoutes(app, deps);
  registerTopicRoutes(app, deps);
  registerSummaryRoutes(app, deps);
  registerSummarizeRoutes(app, deps);
  registerCitationRoutes(app, deps);
  registerPage(app, deps);
  // Every operation but the probes: the bearer scheme, 401, and 503 (not ready yet).
  declareApiKey(app);

  let openApiJson: string | undefined;
  app.get('/openapi.json', (c) => {
    openApiJson ??= JSON.stringify(app.getOpenAPI31Document(openApiConfig));
    return c.body(openApiJson, 200, { 'Content-Type': 'application/json' });
  });
  registerApiDocs(app);

  app.notFound((c) =>
    problem(
      c,
      404,
      `no route ${c.req.method} ${c.req.path}; the routes are listed at /openapi.json and /docs`,
    ),
  );

  app.onError((err, c) => {
    if (err instanceof CorpusNotServedError)
      return problem(c, 503, `no corpus is served yet: ${readiness.reason()}; retry after 1 s`, {
        'Retry-After': '1',
      });
    if (err instanceof ServiceBusyError)
      return problem(c, 503, `${err.message}; retry after ${err.retryAfter} s`, {
        'Retry-After': String(err.retryAfter),
      });
    if (err instanceof HTTPException && err.status < 500) {
      const status = (err.status in PROBLEM_TITLES ? err.status : 400) as ProblemStatus;
      return problem(c, status, httpExceptionDetail(err, c.req.method));
    }
    log?.error(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      },
      'unhandled error',
    );
    return problem(
      c,
      500,
      'unexpected failure while answering this request; quote the requestId when reporting it',
    );
  });

  return app;
}
