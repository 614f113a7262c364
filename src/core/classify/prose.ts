import { RULE_LINE_REASONS } from '../../../schemas/document.js';
import { CLAUSE_END, SENTENCE_END } from './line-shapes.js';
import { unquoted } from './quotes.js';
import {
  APPEAL_WORDS,
  FIRST_PLURAL,
  lineWordCount,
  PLEA,
  SECOND_PERSON,
  UI_PHRASES,
  WORD,
} from './vocabulary.js';

/**
 * What reads as prose a reader wrote, judged on the text alone: the repetition rule's evidence
 * that two files are copies, its test of whether a shared line is a reported fact, and the
 * measure of sentence-shaped text that the documents list and `npm run eval` report.
 */

/** Running prose is mostly lower-case words; a menu or a title-cased headline is not. */
function mostlyLowerCase(words: readonly string[]): boolean {
  let lower = 0;
  for (const w of words) if (/^\p{Ll}/u.test(w)) lower++;
  return lower * 2 >= words.length;
}

/**
 * A line of prose: a sentence of some length (eight words or more, ending a sentence), or a long
 * line of running text (twelve words or more, mostly lower case: a line of a hard-wrapped
 * paragraph ends mid-sentence). In any voice: an op-ed saved twice is a copy like a report is.
 */
export function isProseLine(text: string): boolean {
  const t = text.trim();
  const words = t.match(WORD) ?? [];
  if (words.length >= 8 && SENTENCE_END.test(t)) return true;
  return words.length >= 12 && mostlyLowerCase(words);
}

/**
 * A line that reads as reported fact: a full sentence of some length in the third person (no
 * we/our/you outside quotations) and without web-UI vocabulary. Two articles that reprint one wire
 * paragraph share such lines; a publisher's template (an appeal, a prompt, a menu) does not
 * consist of them.
 */
export function isReportedFact(text: string): boolean {
  const t = text.trim();
  if (lineWordCount(t) < 8 || !SENTENCE_END.test(t)) return false;
  const u = unquoted(t);
  return !FIRST_PLURAL.test(u) && !SECOND_PERSON.test(u) && !UI_PHRASES.test(u);
}

/**
 * A sentence of prose that asks nothing of the reader: four words or more (a short quotation with
 * its attribution, `"It's a tragedy," he said.`, is one), a sentence end, and outside quotations
 * no web-UI vocabulary, appeal words or pleas, in any person ("We used room service one night and
 * it was excellent."). Two reports, or two reviews, may repeat one verbatim; a site's chrome
 * (buttons, labels, "Remind me later.", "Thank you for reading.") is not one.
 */
export function isStatement(text: string): boolean {
  const t = text.trim();
  if (lineWordCount(t) < 4 || !SENTENCE_END.test(t)) return false;
  const u = unquoted(t);
  return !UI_PHRASES.test(u) && !APPEAL_WORDS.test(u) && !PLEA.test(u);
}

/**
 * A line of prose in the reporter's voice: a reported fact, or a long line of third-person running
 * text (a line of a hard-wrapped paragraph ends mid-sentence). What copies of one story share
 * and a site's template (appeals, prompts, notices in the publisher's voice) does not.
 */
export function isFactLike(text: string): boolean {
  if (isReportedFact(text)) return true;
  const words = text.match(WORD) ?? [];
  if (words.length < 12) return false;
  const u = unquoted(text);
  if (FIRST_PLURAL.test(u) || SECOND_PERSON.test(u) || UI_PHRASES.test(u)) return false;
  return mostlyLowerCase(words);
}

/** A sentence end inside running text: final punctuation, closers, then space and a capital. */
const SENTENCE_BREAK = /(?<=[.!?…]["'”’»)\]]*)\s+(?=["'“‘«(\p{Lu}\p{N}`])/u;

/** A sentence-shaped sentence of a paragraph: `[start, end)` offsets and its words. */
export interface ProseSpan {
  readonly start: number;
  readonly end: number;
  readonly words: number;
}

/**
 * The sentence-shaped text of a paragraph (its lines joined): sentences of six words or more that
 * open with a capital, a digit or a quotation mark, end with final punctuation and are mostly
 * lower-case words. What a reader wrote as sentences, whatever the classifier made of it:
 * headlines, menus, bylines and datelines are not sentence-shaped.
 */
export function sentenceShapedSpans(paragraph: string): ProseSpan[] {
  const out: ProseSpan[] = [];
  const breaks = new RegExp(SENTENCE_BREAK.source, 'gu');
  let at = 0;
  const take = (start: number, end: number) => {
    let a = start;
    let b = end;
    while (a < b && /\s/u.test(paragraph[a]!)) a++;
    while (b > a && /\s/u.test(paragraph[b - 1]!)) b--;
    const s = paragraph.slice(a, b);
    if (!/^["'“‘«(`]*[\p{Lu}\p{N}]/u.test(s) || !SENTENCE_END.test(s)) return;
    const words = s.match(WORD) ?? [];
    if (words.length >= 6 && mostlyLowerCase(words))
      out.push({ start: a, end: b, words: words.length });
  };
  for (const m of paragraph.matchAll(breaks)) {
    take(at, m.index);
    at = m.index + m[0].length;
  }
  take(at, paragraph.length);
  return out;
}

/** Reasons the line rules give (every other reason comes from a Markdown or HTML block's kind). */
const RULE_REASONS = new Set<string>(RULE_LINE_REASONS);

/** How much of a file's text is sentence-shaped, and what became of it. */
export interface ProseTally {
  /** Words of the lines the rules judged (not blank, not a Markdown or HTML block's furniture). */
  readonly words: number;
  /** Words of sentence-shaped text in them. */
  readonly prose: number;
  /** Words of sentence-shaped text on content or duplicate lines only. */
  readonly kept: number;
  /** Lines per reason that hold sentence-shaped text not kept. */
  readonly lost: Readonly<Record<string, number>>;
}

/** The lines a tally reads: a classified line's text, kind and reason. */
interface JudgedLine {
  readonly text: string;
  readonly kind: string;
  readonly reason?: string;
}

/**
 * Sentence-shaped text of a file's classified lines and how much of it is content or duplicate.
 * Paragraphs are the lines the rules judged, joined while a line runs on into the next (as the
 * segmenter joins hard-wrapped lines), whatever their verdicts; each sentence-shaped sentence is
 * kept when every line it lies on is content or duplicate.
 */
export function proseTally(lines: readonly JudgedLine[]): ProseTally {
  let words = 0;
  let prose = 0;
  let kept = 0;
  const lost: Record<string, number> = {};
  const lostLines = new Set<number>();
  const judged = (l: JudgedLine) =>
    l.kind !== 'blank' && (l.kind === 'content' || RULE_REASONS.has(l.reason ?? ''));
  for (let i = 0; i < lines.length;) {
    if (!judged(lines[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lines.length && judged(lines[j]!) && !CLAUSE_END.test(lines[j - 1]!.text)) j++;
    // The paragraph's text, and the line each character lies on.
    let text = '';
    const lineAt: number[] = [];
    for (let k = i; k < j; k++) {
      const t = lines[k]!.text.trim();
      words += lineWordCount(t);
      if (text) {
        text += ' ';
        lineAt.push(k);
      }
      text += t;
      for (let c = 0; c < t.length; c++) lineAt.push(k);
    }
    for (const s of sentenceShapedSpans(text)) {
      prose += s.words;
      const from = lineAt[s.start]!;
      const to = lineAt[s.end - 1]!;
      let ok = true;
      for (let k = from; k <= to; k++) {
        const kind = lines[k]!.kind;
        if (kind === 'content' || kind === 'duplicate') continue;
        ok = false;
        if (!lostLines.has(k)) {
          lostLines.add(k);
          const why = lines[k]!.reason ?? kind;
          lost[why] = (lost[why] ?? 0) + 1;
        }
      }
      if (ok) kept += s.words;
    }
    i = j;
  }
  return { words, prose, kept, lost };
}
