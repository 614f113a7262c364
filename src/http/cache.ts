import { createHash } from 'node:crypto';

/**
 * A response body serialized once and reused: the JSON text, its strong ETag, and (for
 * summaries) a lazily rendered Markdown variant. Brands keep a body tied to its schema type.
 */
export interface CachedBody<T> {
  readonly json: string;
  readonly etag: string;
  readonly value: T;
  markdown?: { readonly text: string; readonly etag: string };
}

/** A strong ETag over a body and its variant (so the JSON and Markdown forms differ). */
export function etagOf(body: string, variant = 'json'): string {
  return `"${createHash('sha1').update(variant).update('\u0000').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Serializes a value once, with its ETag. */
export function cacheBody<T>(value: T): CachedBody<T> {
  const json = JSON.stringify(value);
  return { json, etag: etagOf(json), value };
}

/**
 * A body from JSON text computed elsewhere (a worker): the text is what is sent; `value` is
 * parsed from it on first use (Markdown, the page), so it is the same data the text says.
 */
export function cachedJson<T>(json: string): CachedBody<T> {
  let value: T | undefined;
  return {
    json,
    etag: etagOf(json),
    get value(): T {
      return (value ??= JSON.parse(json) as T);
    },
  };
}

/**
 * Whether `If-None-Match` matches an ETag (weak comparison, RFC 9110 §13.1.2): `*`, or any
 * listed tag equal to it ignoring a `W/` prefix.
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.startsWith('W/') ? etag.slice(2) : etag;
  for (const raw of header.split(',')) {
    const t = raw.trim();
    if ((t.startsWith('W/') ? t.slice(2) : t) === bare) return true;
  }
  return false;
}

export { LruMap } from '../core/shared/lru.js';

/**
 * Per-model caches: keyed by the model object itself (a WeakMap), so a reload that swaps the
 * model drops every stale body at once and no fingerprint compare is needed on the hot path.
 */
export class ModelCache<M extends object, C> {
  readonly #byModel = new WeakMap<M, C>();
  constructor(private readonly create: (model: M) => C) {}

  for(model: M): C {
    let c = this.#byModel.get(model);
    if (!c) {
      c = this.create(model);
      this.#byModel.set(model, c);
    }
    return c;
  }
}
