import type { OpenAPIHono } from '@hono/zod-openapi';
import type { RequestIdVariables } from 'hono/request-id';
import type { Secret } from '../config.js';
import type { CorpusView } from '../core/index.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { BodyCache } from './body-cache.js';
import type { Compute } from './compute.js';
import type { Readiness } from './readiness.js';

/**
 * What the app serves: the current corpus model. The server swaps `model` (and `loadedAt`)
 * when the data folder changes; every request reads the model once, at its start, so a
 * request never sees two corpora. With a worker pool (`AppOptions.compute`) it is the view the
 * main thread holds (files, lines, document infos, stories); without one, the whole model.
 */
export interface AppState {
  model: CorpusView;
  loadedAt: Date;
}

/** Options of the HTTP app; every field has a safe default. */
export interface AppOptions {
  /** Allowed CORS origins: `*` (default), a list of origins, or `[]` for no CORS headers. */
  corsOrigin?: '*' | readonly string[];
  /** Largest request body in bytes (default 5 MB); larger → 413. */
  maxBodyBytes?: number;
  /** Most documents one POST /v1/summarize may carry (default 1000); more → 413. */
  maxDocuments?: number;
  /**
   * Where summaries, topic details and posted summaries are computed (default: in-process, which
   * needs whole models in the state; the server passes its worker pool).
   */
  compute?: Compute;
  /**
   * Where unexpected errors (level `error`) and one record per request (level `info`, `error`
   * for a 5xx) go; absent = silent (tests).
   */
  log?: Logger;
  /**
   * The API key: when set, every route but `/healthz` and `/readyz` wants
   * `Authorization: Bearer <key>` (or the session cookie of the sign-in form). Absent: open.
   */
  apiKey?: Secret;
  /** Where requests and compute tasks are counted, exposed at `/metrics` (default: a fresh set). */
  metrics?: Metrics;
  /** The service's readiness for `/readyz` (default: ready, the state holds its model). */
  readiness?: Readiness;
}

/**
 * Hono environment of the app: the request id set by the request-id middleware, and whether the
 * request carried the API key (always true when the service runs without one).
 */
export type AppEnv = { Variables: RequestIdVariables & { authenticated?: boolean } };

/** The app type every route module registers on. */
export type ApiApp = OpenAPIHono<AppEnv>;

/** What route modules need: the live state, the resolved options and the shared summary cache. */
export interface RouteDeps {
  readonly state: AppState;
  /** Per-model serialized bodies (topic list, summaries) shared by the API routes and the page. */
  readonly bodies: BodyCache;
  readonly options: Required<
    Omit<AppOptions, 'log' | 'compute' | 'apiKey' | 'metrics' | 'readiness'>
  >;
  readonly compute: Compute;
  readonly readiness: Readiness;
}
