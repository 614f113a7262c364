/**
 * The parse stage's invariants as one checker that lists every violation (empty when the
 * document is well-formed), for fixture tests and property tests alike.
 */
import type { Block } from '../../../../src/core/parse/index.js';

const REFERENCE = /^&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?$/u;
const WHITESPACE = /^[\s\u00a0]*$/u;
/** Numeric references to HTML whitespace (tab, LF, FF, CR, space), which HTML collapses like the characters. */
const SPACE_REFERENCE = /&#(?:[xX]0*(?:9|[aAcCdD]|20)|0*(?:9|10|12|13|32))(?![0-9a-fA-F]);?/gu;

function isAsciiPunctuation(c: string): boolean {
  return c.length === 1 && /[!-/:-@[-`{-~]/u.test(c);
}

/** Why the source slice of rendered unit `k` does not fit it, or undefined when it does. */
function unitProblem(source: string, block: Block, k: number): string | undefined {
  const c = block.text[k]!;
  const s = block.sourceStart[k]!;
  const e = block.sourceEnd[k]!;
  const slice = source.slice(s, e);
  if (slice === c) return undefined;
  if (slice.startsWith('&') && REFERENCE.test(slice)) return undefined;
  if (slice.length === 2 && slice[0] === '\\' && slice[1] === c && isAsciiPunctuation(c))
    return undefined;
  // A space stands for whitespace (a soft line break, a collapsed run, an expanded tab).
  if (c === ' ' && WHITESPACE.test(slice.replace(SPACE_REFERENCE, ''))) return undefined;
  // A line break or a cell separator may stand for anything between two rendered units
  // (a hard break `  \n` or `\\\n`, a `<br>`, the `|` between cells, closing tags).
  if (c === '\n' || c === '\t') return undefined;
  // A surrogate pair copied verbatim maps unit by unit, so this only fires on shared spans.
  return `text[${k}]=${JSON.stringify(c)} but source[${s},${e})=${JSON.stringify(slice)}`;
}

/**
 * Checks blocks against the source: spans inside the text, in order and disjoint; maps as
 * long as the text, inside their block, non-decreasing and disjoint (units decoded from one
 * reference may share a span); every unit fits its slice; `content` iff no reason.
 */
export function blockProblems(source: string, blocks: readonly Block[]): string[] {
  const problems: string[] = [];
  let previousEnd = 0;
  blocks.forEach((b, n) => {
    const where = `block ${n} (${b.kind} [${b.start},${b.end}))`;
    if (!(b.start >= previousEnd && b.start < b.end && b.end <= source.length))
      problems.push(`${where}: span out of order or outside the text`);
    previousEnd = b.end;
    if (b.content !== (b.reason === undefined))
      problems.push(`${where}: content and reason disagree`);
    if (b.sourceStart.length !== b.text.length || b.sourceEnd.length !== b.text.length)
      problems.push(`${where}: map length differs from text length`);
    for (let k = 0; k < b.text.length; k++) {
      const s = b.sourceStart[k]!;
      const e = b.sourceEnd[k]!;
      if (!(b.start <= s && s < e && e <= b.end))
        problems.push(`${where}: unit ${k} span [${s},${e}) not inside the block`);
      if (k > 0) {
        const ps = b.sourceStart[k - 1]!;
        const pe = b.sourceEnd[k - 1]!;
        const shared = ps === s && pe === e;
        if (!shared && pe > s)
          problems.push(`${where}: unit ${k} [${s},${e}) overlaps unit ${k - 1} [${ps},${pe})`);
      }
      const problem = unitProblem(source, b, k);
      if (problem) problems.push(`${where}: ${problem}`);
      if (problems.length > 20) return;
    }
  });
  return problems;
}

/** The original slice a rendered range `[i, j)` of a block cites. */
export function citedSlice(source: string, block: Block, i: number, j: number): string {
  return source.slice(block.sourceStart[i]!, block.sourceEnd[j - 1]!);
}

/**
 * A block in one line for pinning: `C` for content or `-`, the kind, `/reason` when it
 * differs from the kind, and the first 40 units of its text.
 */
export function blockLine(b: Block): string {
  const reason = b.reason && b.reason !== b.kind ? `/${b.reason}` : '';
  return `${b.content ? 'C' : '-'} ${b.kind}${reason}: ${b.text.slice(0, 40).replace(/\s+/gu, ' ')}`;
}
