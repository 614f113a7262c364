import type { TokenTable } from '../text/index.js';
import { rejoinClosingQuotes } from './closing-quotes.js';

/** A sentence of an analysed text: its token range and its character range, spaces trimmed. */
export interface Cut {
  first: number;
  last: number;
  start: number;
  end: number;
}

const SPACE = /\s/u;

/**
 * The sentences wink-nlp found in `body` (analysed as `t`), with the newswire closing quote kept
 * whole, line-break tokens and surrounding spaces trimmed, empty ones dropped. Plain paragraphs
 * and rendered Markdown/HTML runs are cut by this one function, so both trim alike.
 */
export function sentenceCuts(body: string, t: TokenTable): Cut[] {
  const cuts: Cut[] = [];
  for (const [a, b] of rejoinClosingQuotes(t)) {
    let first = a;
    let last = b;
    while (first <= last && t.types[first] === 'tabCRLF') first++;
    while (last >= first && t.types[last] === 'tabCRLF') last--;
    if (first > last) continue;
    let s = t.starts[first]!;
    let e = t.starts[last]! + t.values[last]!.length;
    while (s < e && SPACE.test(body[s]!)) s++;
    while (e > s && SPACE.test(body[e - 1]!)) e--;
    if (e > s) cuts.push({ first, last, start: s, end: e });
  }
  return cuts;
}
