import type { Block } from '../parse/index.js';
import { isShortLine } from './appeals.js';
import { readerText, type Verdict, vocabularyReason } from './shape.js';
import { hasLetters, lineWordCount } from './vocabulary.js';

/**
 * Structure decides in Markdown and HTML: a content block (a paragraph, a list item, a block
 * quote's paragraph, an HTML `p`/`li`/`dd`) is judged as a whole, on the text a reader sees,
 * never line by line. A wrapped line inside a paragraph ("stream, it emits the following
 * events:") is part of its paragraph, not a heading or a menu by its own shape: headings are the
 * document's heading nodes. What the block says can still make it boilerplate (an appeal in the
 * publisher's voice, a photo credit, a byline, a "5 min read" stamp: `vocabularyReason`).
 *
 * The unit judged is the block's text between hard line breaks: an author who breaks a paragraph
 * into lines (an address, "Status: … / Owner: …", a contact line under two facts) sets each line
 * apart as a reader sees it, so each is judged on its own; a paragraph without hard breaks is one
 * unit.
 */

/** The judged units of a block: where each ends in its text, and its verdict (undefined: content). */
export interface BlockUnits {
  /** Exclusive end (in the block's text) of each unit, ascending; the last is the text's length. */
  readonly ends: readonly number[];
  readonly verdicts: readonly (Verdict | undefined)[];
}

const memo = new WeakMap<Block, BlockUnits>();

function judge(text: string): Verdict | undefined {
  const t = readerText(text.replace(/\s+/gu, ' '));
  if (!hasLetters(t)) return t === '' ? undefined : { kind: 'boilerplate', reason: 'navigation' };
  const words = lineWordCount(t);
  return vocabularyReason(t, words, isShortLine(t, words, false));
}

/**
 * The units of a content block and their verdicts (see the module comment). Memoized per block:
 * classification and segmentation read the same parsed blocks.
 * @example
 * blockUnits(parseMarkdown('*Photo: Lena Berg for Coastline News*')[0]).verdicts // [{ kind: 'boilerplate', reason: 'photo-credit' }]
 */
export function blockUnits(block: Block): BlockUnits {
  const hit = memo.get(block);
  if (hit) return hit;
  const ends: number[] = [];
  const verdicts: (Verdict | undefined)[] = [];
  const { text } = block;
  let from = 0;
  for (let k = 0; k <= text.length; k++) {
    if (k < text.length && text.charCodeAt(k) !== 10) continue;
    ends.push(k === text.length ? k : k + 1);
    verdicts.push(judge(text.slice(from, k)));
    from = k + 1;
  }
  const units = { ends, verdicts };
  memo.set(block, units);
  return units;
}

/**
 * The verdict of each code unit of a content block's text, as a lookup that must be called with
 * ascending positions (a cursor over the units).
 */
export function unitVerdicts(block: Block): (k: number) => Verdict | undefined {
  const { ends, verdicts } = blockUnits(block);
  if (verdicts.every((v) => v === undefined)) return () => undefined;
  let u = 0;
  return (k) => {
    while (u + 1 < ends.length && ends[u]! <= k) u++;
    return verdicts[u];
  };
}
