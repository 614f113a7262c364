import type { SourceFile } from '../corpus/index.js';
import { UnionFind } from '../shared/union-find.js';
import { SENTENCE_END } from './line-shapes.js';
import type { Verdict } from './shape.js';
import {
  FIRST_PLURAL,
  hasLetters,
  lineWordCount,
  normalizeLine,
  SECOND_PERSON,
  UI_PHRASES,
  unquoted,
  WORD,
} from './vocabulary.js';

/**
 * The repetition rule: a line that recurs in unrelated files is a publisher's template
 * (appeals, menus, footers), unless the files are copies of one article (republished wire copy),
 * whose shared lines are facts.
 */

/**
 * A line that reads as reported fact: a full sentence of some length in the third person
 * (no we/our/you outside quotes) and without web-UI vocabulary. Two articles that reprint the
 * same wire paragraph share such lines; a publisher's template does not consist of them.
 */
export function isReportedFact(text: string): boolean {
  const t = text.trim();
  if (lineWordCount(t) < 8 || !SENTENCE_END.test(t)) return false;
  const u = unquoted(t);
  return !FIRST_PLURAL.test(u) && !SECOND_PERSON.test(u) && !UI_PHRASES.test(u);
}

/**
 * A line that can show two files are copies of one article: a reported fact, or a long line of
 * third-person running prose (the lines of a hard-wrapped paragraph do not end sentences).
 * Each outlet's own chrome (headlines, bylines, menus, appeals) is not fact-like, so it does
 * not dilute the measure of how much of the story two files share.
 */
function isFactLike(text: string): boolean {
  if (isReportedFact(text)) return true;
  const words = text.match(WORD) ?? [];
  if (words.length < 12) return false;
  const u = unquoted(text);
  if (FIRST_PLURAL.test(u) || SECOND_PERSON.test(u) || UI_PHRASES.test(u)) return false;
  // Running prose is mostly lower-case words; a menu or a title-cased headline is not.
  let lower = 0;
  for (const w of words) if (/^\p{Ll}/u.test(w)) lower++;
  return lower * 2 >= words.length;
}

/**
 * Whether a line repeated in `groups` unrelated file groups (of `corpusGroups` in the corpus)
 * is template text rather than a shared fact.
 */
export function isTemplateRepeat(text: string, groups: number, corpusGroups: number): boolean {
  // Anything that does not read as a reported fact (appeals, buttons, footers in the
  // publisher's voice) is a template as soon as two unrelated files share it.
  if (!isReportedFact(text)) return true;
  // A fact-like sentence shared by a few unrelated files is more likely quoted or reprinted copy
  // (a wire paragraph) than a template: it is a template only when it runs through about half
  // the corpus or more, and through at least three unrelated groups.
  return groups >= 3 && groups * 2 >= corpusGroups;
}

/** A file's lines, sliced and normalized once, for the repetition pass and the per-file pass. */
export interface FileLines {
  readonly file: SourceFile;
  /** What the rules read of each line: the line itself (plain text) or its rendered text (Markdown, HTML). */
  readonly texts: readonly string[];
  /** `normalizeLine` of each of `texts`. */
  readonly norms: readonly string[];
  /** Verdicts given by the document's structure (Markdown, HTML), which no rule revises; those lines read as `''`. */
  readonly fixed?: readonly (Verdict | undefined)[];
  /** The document marks its headings (Markdown, HTML): no first paragraph is taken for its title. */
  readonly titled?: boolean;
  /**
   * Markdown and HTML: each line's shape verdict, given by its blocks as wholes (`block-verdicts.ts`)
   * instead of the line's own shape; undefined for content. Absent for plain text.
   */
  readonly shapes?: readonly (Verdict | undefined)[];
  /**
   * Markdown and HTML: for each line, the first line of the paragraph (a block's text between
   * hard breaks) it belongs to, as `wrapRuns` guesses for hard-wrapped plain text.
   */
  readonly runs?: readonly number[];
}

/** A plain-text file's lines, as the rules read them. */
export function fileLines(file: SourceFile): FileLines {
  const texts: string[] = [];
  const norms: string[] = [];
  for (const e of file.lineIndex.lines) {
    const t = file.text.slice(e.start, e.end);
    texts.push(t);
    norms.push(normalizeLine(t));
  }
  return { file, texts, norms };
}

/** Lines repeated across unrelated files. */
export interface Repetition {
  /** Normalized lines that occur in two or more unrelated file groups, with the number of groups. */
  readonly groups: ReadonlyMap<string, number>;
  /** Unrelated file groups in the corpus (near-duplicate copies of one article count once). */
  readonly corpusGroups: number;
}

/**
 * A file's distinct normalized lines with letters, in order, and whether each is fact-like: all
 * the repetition rule reads of a file (a builder may keep these, not the file's lines, between
 * builds).
 */
export interface DistinctLines {
  readonly norms: readonly string[];
  readonly facts: Uint8Array;
}

/** Per `norms` array: a file read once is not scanned again while its reading is reused. */
const distinctMemo = new WeakMap<readonly string[], DistinctLines>();

/** The distinct lines of a file as the repetition rule reads them (memoized per reading). */
export function distinctLines(f: FileLines): DistinctLines {
  const memo = distinctMemo.get(f.norms);
  if (memo) return memo;
  const norms: string[] = [];
  const facts: number[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < f.norms.length; k++) {
    const n = f.norms[k]!;
    if (!n || seen.has(n) || !hasLetters(n)) continue;
    seen.add(n);
    norms.push(n);
    facts.push(isFactLike(f.texts[k]!.trim()) ? 1 : 0);
  }
  const out = { norms, facts: Uint8Array.from(facts) };
  distinctMemo.set(f.norms, out);
  return out;
}

/**
 * Normalized lines that occur in two or more unrelated files, with the number of unrelated
 * file groups they occur in. Files that share much of their fact-like text are near-duplicate
 * copies of one article (republished wire copy), not a template; their shared lines are facts,
 * so such files count once (union-find over near-duplicate pairs). Copying is measured over
 * fact-like lines only: the headers, menus and footers each outlet wraps around the story
 * would otherwise dilute it.
 */
export function repeatedLines(files: readonly FileLines[]): Repetition {
  return repetitionOf(files.map(distinctLines));
}

/** {@link repeatedLines} over the files' distinct lines, in corpus order. */
export function repetitionOf(files: readonly DistinctLines[]): Repetition {
  const byLine = new Map<string, number[]>();
  const factLike = new Map<string, boolean>();
  const factCount: number[] = [];
  files.forEach(({ norms, facts }, fi) => {
    let count = 0;
    for (let k = 0; k < norms.length; k++) {
      const n = norms[k]!;
      let list = byLine.get(n);
      if (!list) byLine.set(n, (list = []));
      list.push(fi);
      // As before: a line's fact-likeness is read from the first file that has it.
      if (!factLike.has(n)) factLike.set(n, facts[k] === 1);
      if (factLike.get(n)) count++;
    }
    factCount[fi] = count;
  });
  // Fact-like lines shared per file pair, from lines shared by few files (a line shared by many
  // files says nothing about two of them being copies).
  const shared = new Map<string, number>();
  for (const [n, list] of byLine) {
    if (list.length < 2 || list.length > 8 || !factLike.get(n)) continue;
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const key = `${list[i]}:${list[j]}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
  }
  const copies = new UnionFind(files.length);
  for (const [key, n] of shared) {
    const [a, b] = key.split(':').map(Number) as [number, number];
    // Copies: three or more fact-like lines in common, or most of the smaller file's.
    if (n >= 3 || n / Math.max(1, Math.min(factCount[a]!, factCount[b]!)) > 0.6) copies.union(a, b);
  }
  const groups = new Map<string, number>();
  for (const [n, list] of byLine) {
    if (list.length < 2) continue;
    const g = new Set(list.map((i) => copies.find(i)));
    if (g.size >= 2) groups.set(n, g.size);
  }
  return { groups, corpusGroups: new Set(files.map((_, i) => copies.find(i))).size };
}
