import type { OpenAPIHono } from '@hono/zod-openapi';
import type { RequestIdVariables } from 'hono/request-id';
import type { CorpusModel } from '../core/index.js';
import type { Logger } from '../log.js';
import type { BodyCache } from './body-cache.js';

/**
 * What the app serves: the current corpus model. The server swaps `model` (and `loadedAt`)
 * when the data folder changes; every request reads the model once, at its start, so a
 * request never sees two corpora.
 */
export interface AppState {
  model: CorpusModel;
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
   * Where unexpected errors (level `error`) and one record per request (level `info`, `error`
   * for a 5xx) go; absent = silent (tests).
   */
  log?: Logger;
}

/** Hono environment of the app: the request id set by the request-id middleware. */
export type AppEnv = { Variables: RequestIdVariables };

/** The app type every route module registers on. */
export type ApiApp = OpenAPIHono<AppEnv>;

/** What route modules need: the live state, the resolved options and the shared summary cache. */
export interface RouteDeps {
  readonly state: AppState;
  /** Per-model serialized bodies (topic list, summaries) shared by the API routes and the page. */
  readonly bodies: BodyCache;
  readonly options: Required<Omit<AppOptions, 'log'>>;
}
