/**
 * Quotation spans in every convention a reader writes them in: “…” and ‘…’ (English), "…" and
 * '…' (typewriter), ``…'' and `…' (newswire, LaTeX), «…» and »…« (French, German, Danish),
 * „…“ and ‚…‘ (German, Polish), ‹…› (single guillemets); nested (a ‘quote’ inside a “quote”),
 * across the sentences of a line, and across the lines of one paragraph: a quotation left open at
 * the end of a text runs to its end, and one closed before any opened runs from its start (it
 * was opened on an earlier line). The classifier reads the person of address outside these
 * spans: "you" and "we" in quoted speech are the speaker's, not the writer's.
 */

/** One quotation: `[start, end)` offsets in the text, quote marks included. */
export type QuoteSpan = readonly [number, number];

type Family = 'double' | 'single';

interface Frame {
  readonly at: number;
  readonly family: Family;
  /** The mark that opened the quotation (a `„` takes `“` as its closer, a `»` takes `«`). */
  readonly mark: string;
}

const SPACE = /\s/u;
/** Characters after which a mark opens a quotation (besides whitespace and the text's start). */
const BEFORE_OPEN = new Set([...'([{<—–-/', '“', '‘', '„', '‚', '«', '»', '‹', '›', '"', "'", '`']);
/** Characters before which a mark closes a quotation (besides whitespace and the text's end). */
const AFTER_CLOSE = new Set([...'.,;:!?…)]}>—–-/', '”', '’', '»', '«', '›', '‹', '"', "'", '“']);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether a mark at `[i, i + n)` stands where a quotation opens: at a word's start. */
function opening(text: string, i: number, n: number): boolean {
  const before = i === 0 ? ' ' : text[i - 1]!;
  const after = text[i + n];
  return (
    (SPACE.test(before) || BEFORE_OPEN.has(before)) && after !== undefined && !SPACE.test(after)
  );
}

/** Whether a mark at `[i, i + n)` stands where a quotation closes: at a word's end. */
function closing(text: string, i: number, n: number): boolean {
  const before = text[i - 1];
  const after = i + n >= text.length ? ' ' : text[i + n]!;
  return (
    before !== undefined && !SPACE.test(before) && (SPACE.test(after) || AFTER_CLOSE.has(after))
  );
}

/** A single quote between two letters or digits: an apostrophe ("don't", "Russia’s", "’90s"). */
function inWord(text: string, i: number): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  return (
    before !== undefined &&
    after !== undefined &&
    LETTER_OR_DIGIT.test(before) &&
    LETTER_OR_DIGIT.test(after)
  );
}

/** A mark read at one position: what it may do and how many characters it takes. */
interface Mark {
  readonly n: number;
  readonly family: Family;
  /** `open`, `close`, or `either` (decided by the open quotations). */
  readonly role: 'open' | 'close' | 'either';
  readonly mark: string;
}

/** The quotation mark at `i`, if any (two-character marks first). */
function markAt(text: string, i: number): Mark | undefined {
  const c = text[i]!;
  const two = text.slice(i, i + 2);
  if (two === '``') return { n: 2, family: 'double', role: 'open', mark: '``' };
  if (two === "''" && closing(text, i, 2))
    return { n: 2, family: 'double', role: 'close', mark: "''" };
  switch (c) {
    case '“':
    case '«':
    case '»':
    case '‹':
    case '›':
    case '”':
      return {
        n: 1,
        family: c === '‹' || c === '›' ? 'single' : 'double',
        role: 'either',
        mark: c,
      };
    case '„':
      return { n: 1, family: 'double', role: 'open', mark: c };
    case '‚':
      return opening(text, i, 1) ? { n: 1, family: 'single', role: 'open', mark: c } : undefined;
    case '‘':
      return { n: 1, family: 'single', role: 'either', mark: c };
    case '`':
      return opening(text, i, 1) ? { n: 1, family: 'single', role: 'open', mark: c } : undefined;
    case '"':
    case "'":
    case '’': {
      if (c !== '"' && inWord(text, i)) return undefined;
      const family: Family = c === '"' ? 'double' : 'single';
      const o = opening(text, i, 1);
      const cl = closing(text, i, 1);
      if (o === cl) return undefined;
      // A curly apostrophe never opens a quotation ("’90s", "’em").
      if (c === '’' && o) return undefined;
      return { n: 1, family, role: o ? 'open' : 'close', mark: c };
    }
    default:
      return undefined;
  }
}

/** The marks that close a quotation opened by each mark. */
const CLOSERS: Readonly<Record<string, readonly string[]>> = {
  '“': ['”', '"', "''"],
  '``': ["''", '”', '"'],
  '"': ['"', '”', "''"],
  '„': ['“', '”', '"'],
  '«': ['»'],
  '»': ['«'],
  '”': ['”'],
  '‘': ['’', "'"],
  "'": ["'", '’'],
  '`': ["'", '’'],
  '‚': ['‘', '’'],
  '‹': ['›'],
  '›': ['‹'],
};

function closes(frame: Frame, mark: string): boolean {
  return CLOSERS[frame.mark]?.includes(mark) ?? false;
}

/** Typewriter single marks and backticks are apostrophes as often as quotes: one left open ends nothing. */
const WEAK_OPENERS = new Set(["'", '`']);

/**
 * The top-level quotation spans of a text, in order. Marks are read by position (a mark at a
 * word's start opens, at a word's end closes; an apostrophe inside a word is no mark) and matched
 * on a stack by family, so quotations nest. A closing double mark with no quotation open, before
 * any other quotation, closes one opened before the text began (its span starts at 0); a stray
 * closing single mark is an apostrophe ("the groups’ statement") and is ignored. Quotations still
 * open at the end run to the end of the text.
 */
export function quoteSpans(text: string): QuoteSpan[] {
  const spans: [number, number][] = [];
  const stack: Frame[] = [];
  const push = (start: number, end: number) => {
    const last = spans[spans.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else spans.push([start, end]);
  };
  for (let i = 0; i < text.length;) {
    const m = markAt(text, i);
    if (!m) {
      i++;
      continue;
    }
    const end = i + m.n;
    let matched = -1;
    if (m.role !== 'open')
      for (let k = stack.length - 1; k >= 0; k--) {
        const f = stack[k]!;
        if (f.family === m.family && closes(f, m.mark)) {
          matched = k;
          break;
        }
        // A single quotation left open inside a double one that closes was an apostrophe.
        if (m.family === 'single') break;
      }
    if (matched >= 0) {
      const start = stack[matched]!.at;
      stack.length = matched;
      if (matched === 0) push(start, end);
    } else if (
      m.role === 'open' ||
      (m.role === 'either' && (opening(text, i, m.n) || !closing(text, i, m.n)))
    ) {
      stack.push({ at: i, family: m.family, mark: m.mark });
    } else if (m.family === 'double' && spans.length === 0 && stack.length === 0) {
      // Closes a quotation opened on an earlier line of the paragraph.
      push(0, end);
    }
    i = end;
  }
  const open = stack.find((f) => !WEAK_OPENERS.has(f.mark));
  if (open) push(open.at, text.length);
  return spans;
}

/** Characters that may be a quotation mark (a text with none has no quotation). */
const MARKS = /["'“”‘’«»„‚‹›`]/u;

/** The last text unquoted and its result: the rules ask about one line several times in a row. */
let last: { text: string; out: string } | undefined;

/** The text with its quotations blanked out (same length), so the writer's own voice remains. */
export function unquoted(text: string): string {
  if (!MARKS.test(text)) return text;
  if (last?.text === text) return last.out;
  const out = blankOut(text);
  last = { text, out };
  return out;
}

function blankOut(text: string): string {
  const spans = quoteSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [a, b] of spans) {
    out += text.slice(at, a) + ' '.repeat(b - a);
    at = b;
  }
  return out + text.slice(at);
}
