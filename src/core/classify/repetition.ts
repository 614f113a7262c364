import { compareIds, type SourceFile } from '../corpus/index.js';
import { SHORT_LINE_WORDS } from './appeals.js';
import { isFactLike, isProseLine, isStatement } from './prose.js';
import type { Verdict } from './shape.js';
import { hasLetters, lineWordCount, normalizeLine } from './vocabulary.js';

/**
 * The repetition stage: lines shared across files are either a template (site chrome: the same
 * lines in many files that otherwise differ) or a copy (one article in several files: a wire story
 * two outlets printed, a page saved twice). A template is boilerplate everywhere; a copy is
 * content in exactly one file, its original, and a duplicate, pointing there, in the others.
 *
 * Self-contained: it reads each file's id and normalized line texts and returns plain maps, so a
 * file's verdicts depend on the corpus only through the values it looks up (incremental builds
 * record them, src/store/read-record.ts).
 */

/** A file's lines, sliced and normalized once, for the repetition stage and the per-file passes. */
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
  /** Why the file was read as stripped text instead of by its parser, when it was (parse/fallback.ts). */
  readonly fallback?: string;
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

/** What the repetition stage found: every value a file's rules look up, by normalized line. */
export interface Repetition {
  /**
   * Lines in two or more unrelated file groups (files that are copies of one another count once),
   * with the number of groups, counted up to `templateGroups` (more says nothing new).
   */
  readonly groups: ReadonlyMap<string, number>;
  /**
   * Lines in two or more files: the files that have them, best original first
   * ({@link originalRank}), as `file, line, file, line, …` joined by NUL (a
   * file id never holds one; each file's first occurrence, 1-based), at most {@link ORIGIN_FILES} of them. Read with {@link readOrigins}.
   */
  readonly origins: ReadonlyMap<string, string>;
  /** Unrelated groups from which a line of reported fact is a template, not a shared fact. */
  readonly templateGroups: number;
}

/**
 * Fewest unrelated files a sentence of reported fact must recur in, verbatim and as a whole line,
 * to be a template. Copies are shared by one or two other files (a wire story two outlets print, a
 * page saved twice); a paragraph several reports quote verbatim is rarer still. Five files that
 * otherwise differ are past both, with a margin.
 */
export const TEMPLATE_MIN_FILES = 5;
/**
 * Share of the folder's unrelated file groups a reported fact must recur in to be a template: in a
 * large folder about one event, more articles quote one statement; a site's chrome runs through a
 * fixed share of its pages, whatever the folder's size.
 */
export const TEMPLATE_SHARE = 0.05;
/**
 * Groups that make a reported fact a template whatever the folder's size: no statement recurs
 * verbatim, as a whole line, in 50 independently written files, while a site footer of a folder
 * of 100,000 pages may run through 1% of them.
 */
export const TEMPLATE_MAX_FILES = 50;
/**
 * Copies are found from lines shared by at most this many files: a line in more files is a
 * template or a stock phrase and says nothing about two files being copies (and bounds the pairs).
 */
const COPY_EVIDENCE_MAX_FILES = 8;
/**
 * Two files are copies when the prose they share is more than this share of the smaller one's
 * prose (by words): Broder's containment (Broder 1997, "On the resemblance and containment of
 * documents"), with "most of it" as the threshold.
 */
const COPY_CONTAINMENT = 0.5;

/** Files listed per line in `Repetition.origins`: a line in more files is chrome or a stock phrase. */
export const ORIGIN_FILES = 16;

/** The files a line of `Repetition.origins` lists, best original first, with its line in each. */
export function readOrigins(value: string): { file: string; line: number }[] {
  const parts = value.split('\u0000');
  const out: { file: string; line: number }[] = [];
  for (let k = 0; k + 1 < parts.length; k += 2)
    out.push({ file: parts[k]!, line: Number(parts[k + 1]) });
  return out;
}

/** Unrelated groups from which a reported fact is a template, for a folder of `corpusGroups`. */
export function templateGroupsFor(corpusGroups: number): number {
  return Math.max(
    TEMPLATE_MIN_FILES,
    Math.min(TEMPLATE_MAX_FILES, Math.ceil(corpusGroups * TEMPLATE_SHARE)),
  );
}

/**
 * Whether a line shared by `groups` unrelated file groups is a template. Site chrome — a short
 * line that is no statement (a button, a label, a short appeal: "Remind me later.", "Dear
 * readers,", "Thank you for reading.") or a line that is no prose (a menu) — is a template as soon
 * as two files that otherwise differ share it. Prose, in any voice (a reported fact, a quotation
 * with its attribution, a reviewer's "We used room service one night"), is a template only from
 * `templateGroups` groups on; below, it is a passage several files share: copies. (A long appeal
 * is caught by the shape rules.) `templateGroups` is read only when needed (incremental builds
 * record what is read).
 */
export function isTemplate(
  text: string,
  groups: number,
  repetition: Pick<Repetition, 'templateGroups'>,
): boolean {
  if (groups < 2) return false;
  const statement = isStatement(text);
  if (!statement && (lineWordCount(text) <= SHORT_LINE_WORDS || !isProseLine(text))) return true;
  return groups >= repetition.templateGroups;
}

/**
 * A file's distinct normalized lines with letters, in order, and the words of the prose ones: all
 * the repetition stage reads of a file (a builder may keep these, not the file's lines, between
 * builds).
 */
export interface DistinctLines {
  readonly norms: readonly string[];
  /** Words of each line when it is prose, else 0. */
  readonly prose: Uint32Array;
  /** Whether each line is fact-like (prose in the reporter's voice). */
  readonly facts: Uint8Array;
  /** 1-based line number of each norm's first occurrence. */
  readonly lines: Uint32Array;
  /** Words of the file's distinct prose lines. */
  readonly proseWords: number;
  /** Words of the file's distinct fact-like lines. */
  readonly factWords: number;
}

/** Per `norms` array: a file read once is not scanned again while its reading is reused. */
const distinctMemo = new WeakMap<readonly string[], DistinctLines>();

/** The distinct lines of a file as the repetition rule reads them (memoized per reading). */
export function distinctLines(f: FileLines): DistinctLines {
  const memo = distinctMemo.get(f.norms);
  if (memo) return memo;
  const norms: string[] = [];
  const prose: number[] = [];
  const facts: number[] = [];
  const lines: number[] = [];
  const seen = new Set<string>();
  let proseWords = 0;
  let factWords = 0;
  for (let k = 0; k < f.norms.length; k++) {
    const n = f.norms[k]!;
    if (!n || seen.has(n) || !hasLetters(n)) continue;
    seen.add(n);
    norms.push(n);
    lines.push(k + 1);
    const t = f.texts[k]!;
    const w = isProseLine(t) ? lineWordCount(t) : 0;
    const fact = w > 0 && isFactLike(t.trim());
    prose.push(w);
    facts.push(fact ? 1 : 0);
    proseWords += w;
    if (fact) factWords += w;
  }
  const out = {
    norms,
    prose: Uint32Array.from(prose),
    facts: Uint8Array.from(facts),
    lines: Uint32Array.from(lines),
    proseWords,
    factWords,
  };
  distinctMemo.set(f.norms, out);
  return out;
}

/**
 * The order in which files are preferred as the original of a shared passage: the file with more
 * prose first (the most complete copy of a story: a reader cited there sees all of it), then the
 * shorter id (a copy is usually named after its original, with a suffix: `story (1).txt`,
 * `story-copy.txt`), then corpus order. Deterministic, and every file's place depends on that
 * file alone.
 */
export function originalRank(
  a: { id: string; proseWords: number },
  b: { id: string; proseWords: number },
): number {
  return b.proseWords - a.proseWords || a.id.length - b.id.length || compareIds(a.id, b.id);
}

/**
 * The repetition stage over a corpus's files. Copies are pairs of files whose shared prose lines
 * make up most of the smaller one's prose (containment, Broder 1997; see `copyPairs`); files are counted in
 * unrelated groups by leader clustering in {@link originalRank} order (a file joins the group of
 * the first leader it is a copy of: direct links only, so one short file that shares a footer
 * with many does not chain them into one group). Every line shared by two or more files lists
 * the files that have it, best original first.
 */
export function repeatedLines(files: readonly FileLines[]): Repetition {
  return repetitionOf(
    files.map(distinctLines),
    files.map((f) => f.file.id),
  );
}

/** {@link repeatedLines} over the files' distinct lines and their ids, in corpus order. */
export function repetitionOf(read: readonly DistinctLines[], ids: readonly string[]): Repetition {
  const order = ids
    .map((id, i) => ({ i, id, proseWords: read[i]!.proseWords }))
    .sort(originalRank)
    .map((x) => x.i);
  // Per line: its prose words and fact-likeness (read from its first file, so the same for
  // every file) as `words * 2 + fact`, then the files that have it in rank order, each with the
  // line it is on there: [info, file, line, file, line, …] (one array per distinct line).
  const byLine = new Map<string, number[]>();
  for (const fi of order) {
    const { norms, prose, facts, lines } = read[fi]!;
    for (let k = 0; k < norms.length; k++) {
      const n = norms[k]!;
      let list = byLine.get(n);
      if (!list) byLine.set(n, (list = [prose[k]! * 2 + facts[k]!]));
      list.push(fi, lines[k]!);
    }
  }
  const copies = copyPairs(byLine, read);
  const isCopy = (a: number, b: number) => copies.has(a < b ? `${a}:${b}` : `${b}:${a}`);
  const partners = new Map<number, number[]>();
  for (const key of copies) {
    const [a, b] = key.split(':').map(Number) as [number, number];
    (partners.get(a) ?? partners.set(a, []).get(a)!).push(b);
    (partners.get(b) ?? partners.set(b, []).get(b)!).push(a);
  }
  const isLeader = new Uint8Array(ids.length);
  let leaders = 0;
  for (const fi of order) {
    if ((partners.get(fi) ?? []).some((p) => isLeader[p] === 1)) continue;
    isLeader[fi] = 1;
    leaders++;
  }
  const templateGroups = templateGroupsFor(leaders);
  const groups = new Map<string, number>();
  const origins = new Map<string, string>();
  for (const [n, list] of byLine) {
    if (list.length < 5) continue;
    const where: string[] = [];
    for (let k = 1; k < list.length && where.length < 2 * ORIGIN_FILES; k += 2)
      where.push(ids[list[k]!]!, String(list[k + 1]!));
    origins.set(n, where.join('\u0000'));
    const heads: number[] = [];
    for (let k = 1; k < list.length; k += 2) {
      const fi = list[k]!;
      if (heads.some((h) => isCopy(h, fi))) continue;
      heads.push(fi);
      if (heads.length >= templateGroups) break;
    }
    if (heads.length >= 2) groups.set(n, heads.length);
  }
  return { groups, origins, templateGroups };
}

/**
 * Pairs of files (`a:b`, a < b) that are copies: the prose they share is most of the smaller
 * one's. Measured on fact-like lines (the reporter's voice), so the chrome and appeals a site
 * puts around every page do not make two of its articles copies; on all prose lines when one file
 * has no fact-like line (an op-ed in the first person, saved twice).
 */
function copyPairs(
  byLine: ReadonlyMap<string, readonly number[]>,
  read: readonly DistinctLines[],
): Set<string> {
  const shared = new Map<string, { prose: number; facts: number }>();
  for (const list of byLine.values()) {
    const files = (list.length - 1) / 2;
    const words = list[0]! >> 1;
    if (files < 2 || files > COPY_EVIDENCE_MAX_FILES || words === 0) continue;
    const fact = (list[0]! & 1) === 1;
    for (let i = 1; i < list.length; i += 2)
      for (let j = i + 2; j < list.length; j += 2) {
        const a = Math.min(list[i]!, list[j]!);
        const b = Math.max(list[i]!, list[j]!);
        const key = `${a}:${b}`;
        let s = shared.get(key);
        if (!s) shared.set(key, (s = { prose: 0, facts: 0 }));
        s.prose += words;
        if (fact) s.facts += words;
      }
  }
  const out = new Set<string>();
  for (const [key, s] of shared) {
    const [a, b] = key.split(':').map(Number) as [number, number];
    const facts = Math.min(read[a]!.factWords, read[b]!.factWords);
    const contained =
      facts > 0
        ? s.facts / facts
        : s.prose / Math.max(1, Math.min(read[a]!.proseWords, read[b]!.proseWords));
    if (contained > COPY_CONTAINMENT) out.add(key);
  }
  return out;
}

/**
 * How the lines `[i, j)` of a run (a wrapped paragraph, a Markdown or HTML block) repeat across
 * unrelated files: how many of them are repeated, and the most groups any of them is in.
 */
export function runRepetition(
  norms: readonly string[],
  groups: Repetition['groups'],
  i: number,
  j: number,
): { rep: number; most: number } {
  let rep = 0;
  let most = 0;
  for (let k = i; k < j; k++) {
    const g = groups.get(norms[k]!) ?? 0;
    if (g > 0) rep++;
    if (g > most) most = g;
  }
  return { rep, most };
}
