import type { LineSpan } from '../../schemas/span.js';

/**
 * Every URL a citation or a document points to, built in one place. Citations into the served
 * corpus point at the lines endpoint of the HTTP API; citations into posted documents (nothing is
 * stored) point at the caller's own file name with a line fragment.
 */

/** Builds the spot-check URL of a citation. */
export type HrefFor = (file: string, lines: LineSpan) => string;

/** A file id as one path segment (`/` → `%2F`). */
function segment(file: string): string {
  return encodeURIComponent(file);
}

/** URL of a served document: `/v1/documents/{file}`. */
export function documentHref(file: string): string {
  return `/v1/documents/${segment(file)}`;
}

/**
 * URL of a served document's classified lines, optionally of a range.
 *
 * @example
 * linesHref('a b.txt', { start: 3, end: 4 }) // '/v1/documents/a%20b.txt/lines?start=3&end=4'
 */
export function linesHref(file: string, lines?: LineSpan): string {
  const base = `${documentHref(file)}/lines`;
  return lines ? `${base}?start=${lines.start}&end=${lines.end}` : base;
}

/**
 * Spot-check reference of a citation into a posted document: the caller's own file name (each
 * `/`-separated segment percent-encoded) with a line fragment.
 *
 * @example
 * postedHref('notes/a b.txt', { start: 3, end: 4 }) // 'notes/a%20b.txt#L3-L4'
 */
export function postedHref(file: string, lines: LineSpan): string {
  const path = file.split('/').map(encodeURIComponent).join('/');
  return lines.start === lines.end
    ? `${path}#L${lines.start}`
    : `${path}#L${lines.start}-L${lines.end}`;
}

/**
 * URL of a page of the topic list.
 *
 * @example
 * topicsHref({ limit: 50, cursor: 'NTA6…' }) // '/v1/topics?limit=50&cursor=NTA6…'
 */
export function topicsHref(page: { limit: number; cursor: string }): string {
  return `/v1/topics?limit=${page.limit}&cursor=${encodeURIComponent(page.cursor)}`;
}
