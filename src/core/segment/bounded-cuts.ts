/**
 * Sentences of a run of text of any length, in time linear in its length: the text is analysed
 * (tokenized, tagged, sentence-split by wink-nlp) window by window, and a "sentence" longer than
 * MAX_SENTENCE_CHARS (a dump, a log line, words that never reach a full stop) is cut into pieces
 * the way a reader would break a run-on text: at a clause mark (`,` `;` `:` a dash) where there is
 * one, else between two words, each piece with an exact span.
 *
 * Windows: a text longer than ANALYSIS_WINDOW_CHARS is analysed in windows of about that size,
 * ending between two words. A window's last sentence may run on past its end, so it is not
 * emitted: the next window starts where it starts, and reads it whole. A paragraph shorter than a
 * window (every paragraph of ordinary prose) is analysed exactly as before, in one piece.
 */
import { ANALYSIS_WINDOW_CHARS, MAX_SENTENCE_CHARS } from '../limits.js';
import { analyze, featuresOf, type TokenFeatures, type TokenTable } from '../text/index.js';
import { type Cut, sentenceCuts } from './cuts.js';

/** A sentence of a text: its span in the text (trimmed) and its features. */
export interface BoundedSentence {
  readonly start: number;
  readonly end: number;
  readonly features: TokenFeatures;
}

/** Rewrites the cuts of one analysed window (e.g. joins those a link's text runs across). */
export type CutFilter = (cuts: Cut[], window: { start: number; end: number }) => Cut[];

/** Tokens that end a clause: where a reader pauses in a run-on text. */
const CLAUSE = /^[,;:\u2013\u2014]$|^--$/u;

/** Where a window starting at `from` ends: near `from + size`, between two words if there are any. */
function windowEnd(text: string, from: number, size: number): number {
  const limit = from + size;
  // Back off to a whitespace character, at most a tenth of the window.
  for (let p = limit; p > limit - size / 10; p--) if (/\s/u.test(text[p]!)) return p;
  // No space near the end: never split a surrogate pair.
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit + 1 : limit;
}

function tokenEnd(t: TokenTable, k: number): number {
  return t.starts[k]! + t.values[k]!.length;
}

/** A piece `[a, b]` of tokens, trimmed of line-break tokens, as a cut (undefined when empty). */
function piece(t: TokenTable, a: number, b: number): Cut | undefined {
  while (a <= b && t.types[a] === 'tabCRLF') a++;
  while (b >= a && t.types[b] === 'tabCRLF') b--;
  if (a > b) return undefined;
  return { first: a, last: b, start: t.starts[a]!, end: tokenEnd(t, b) };
}

/**
 * The last token of the next piece of `[a, last]`, which runs past MAX_SENTENCE_CHARS: when the
 * rest is at most twice the limit and `balanced`, near its middle (two halves of a reader's size
 * rather than a full piece and a scrap); else at most the limit from the piece's start. Prefers a
 * clause mark in the back half of the allowed stretch, else the last word that fits; a piece ends
 * where a space follows (never between `,` and the closing quote written against it), unless no
 * word boundary fits at all.
 */
function pieceEnd(t: TokenTable, a: number, last: number, balanced: boolean): number {
  const start = t.starts[a]!;
  const rest = tokenEnd(t, last) - start;
  const target = balanced && rest <= 2 * MAX_SENTENCE_CHARS ? rest / 2 : MAX_SENTENCE_CHARS;
  const low = start + target / 2;
  const high = start + target;
  let fit = a;
  let word = -1;
  let clause = -1;
  for (let k = a; k < last && tokenEnd(t, k) <= high; k++) {
    fit = k;
    if (t.starts[k + 1]! === tokenEnd(t, k)) continue; // no space after it: not a place to cut
    word = k;
    if (t.starts[k]! >= low && CLAUSE.test(t.values[k]!)) clause = k;
  }
  return clause >= 0 ? clause : word >= 0 ? word : fit;
}

/**
 * Splits every cut longer than MAX_SENTENCE_CHARS into pieces (see {@link pieceEnd}). The last cut
 * of an unfinished window is split only while more than twice the limit remains: the rest is read
 * again, whole, by the next window.
 */
function capCuts(t: TokenTable, cuts: readonly Cut[], finished: boolean): Cut[] {
  const out: Cut[] = [];
  cuts.forEach((cut, i) => {
    if (cut.end - cut.start <= MAX_SENTENCE_CHARS) {
      out.push(cut);
      return;
    }
    const complete = finished || i < cuts.length - 1;
    let a = cut.first;
    while (a <= cut.last) {
      const rest = tokenEnd(t, cut.last) - t.starts[a]!;
      if (rest <= MAX_SENTENCE_CHARS || (!complete && rest <= 2 * MAX_SENTENCE_CHARS)) {
        const p = piece(t, a, cut.last);
        if (p)
          out.push({ ...p, start: Math.max(p.start, cut.start), end: Math.min(p.end, cut.end) });
        return;
      }
      const b = pieceEnd(t, a, cut.last, complete);
      const p = piece(t, a, b);
      if (p) out.push(p);
      a = b + 1;
    }
  });
  return out;
}

/**
 * The sentences of `text` (see the module comment), in order, with spans relative to `text`.
 * `filter` rewrites each window's cuts before they are capped (offsets relative to the window).
 * @example
 * boundedSentences('One. Two.').map((s) => [s.start, s.end]) // [[0, 4], [5, 9]]
 */
export function boundedSentences(text: string, filter?: CutFilter): BoundedSentence[] {
  const out: BoundedSentence[] = [];
  let from = 0;
  while (from < text.length) {
    const finished = text.length - from <= ANALYSIS_WINDOW_CHARS;
    const to = finished ? text.length : windowEnd(text, from, ANALYSIS_WINDOW_CHARS);
    const body = text.slice(from, to);
    const t = analyze(body);
    let cuts = sentenceCuts(body, t);
    if (filter) cuts = filter(cuts, { start: from, end: to });
    cuts = capCuts(t, cuts, finished);
    // An unfinished window keeps its last cut for the next one, unless it has no other.
    const emit = finished || cuts.length < 2 ? cuts.length : cuts.length - 1;
    for (let k = 0; k < emit; k++) {
      const c = cuts[k]!;
      out.push({
        start: from + c.start,
        end: from + c.end,
        features: featuresOf(t, c.first, c.last),
      });
    }
    from = emit < cuts.length ? from + cuts[emit]!.start : to;
  }
  return out;
}
