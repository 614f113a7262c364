import type { TokenTable } from '../text/index.js';

/** A straight or curly single quote: the halves of a newswire/LaTeX closing quote `''`. */
const SINGLE_QUOTE = /^['’]$/u;

/**
 * Sentence ranges with the newswire/LaTeX closing quote `''` kept whole. wink-nlp ends a
 * sentence after the first `'` of `.''`, so the next sentence would open with a stray `'` and
 * its span would begin one character early. A sentence that opens with a single quote written
 * flush against the previous sentence's closing single quote gives that quote back (a sentence
 * that held nothing else disappears).
 *
 * @example
 * // "He said ``it is over.'' Then he left." → "He said ``it is over.''" | "Then he left."
 */
export function rejoinClosingQuotes(t: TokenTable): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of t.sentences) {
    let first = a;
    const prev = out[out.length - 1];
    while (
      prev &&
      first <= b &&
      prev[1] === first - 1 &&
      SINGLE_QUOTE.test(t.values[first]!) &&
      SINGLE_QUOTE.test(t.values[prev[1]]!) &&
      t.starts[first] === t.starts[prev[1]]! + t.values[prev[1]]!.length
    ) {
      prev[1] = first;
      first++;
    }
    if (first <= b) out.push([first, b]);
  }
  return out;
}
