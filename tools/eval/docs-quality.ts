/**
 * How well the summaries of a documentation folder read (issue: "Documentation folders read
 * well"), counted per 100 summary sentences and as a share of labels. Independent of the rules
 * that chose the sentences and labels: each defect is re-read from the sentence's text, its
 * citations and the folder's files, so a rule that misses shows here.
 *
 * Sentence defects:
 * - colon intro: the sentence ends with ":" (it introduces a code block, list or table the
 *   summary does not show);
 * - definition fragment: `term - explanation` whose explanation opens in lower case (a term,
 *   quoted or bracketed or a few words, then a dash or colon, then no sentence of its own);
 * - dangling connective / pronoun: as in `readability.ts` (opens with a connective or a
 *   pronoun, and the summary sentence before it is not the one right before it in its source);
 * - template: the sentence's text (normalized) stands in at least 5 files of the folder: a
 *   licence note or a "maintained by" footer, shown as if several sources confirmed a fact.
 *
 * Label defects (stories and facets): a comma list of keywords, a version number (alone or with
 * one word), a code token,
 * a licence word, a lone all-caps word, an abbreviation stub, or no label at all ("untitled").
 * This reading is the evaluation's own (regular expressions over the label), deliberately not the
 * labeller's rules (`src/core/topics/label-shape.ts`), so that a rule that misses shows here.
 */
import type { Summary } from '../../schemas/summary.js';
import type { CorpusModel } from '../../src/core/index.js';
import { analyze, hasShape, shapeOf } from '../../src/core/text/index.js';

/** The sentence defect kinds, in the order the report prints them. */
export const DOC_DEFECTS = [
  'colonIntros',
  'definitionFragments',
  'danglingConnectives',
  'danglingPronouns',
  'templates',
] as const;
/** One sentence defect kind. */
export type DocDefect = (typeof DOC_DEFECTS)[number];

/** The label defect kinds. */
export const LABEL_DEFECTS = [
  'commaList',
  'version',
  'codeToken',
  'licence',
  'allCaps',
  'abbreviation',
  'untitled',
] as const;
/** One label defect kind. */
export type LabelDefect = (typeof LABEL_DEFECTS)[number];

/** Files a sentence must stand in to count as a template. */
export const TEMPLATE_FILES = 5;

/** Closing quotes and brackets after a final colon (not the bracket of a smiley, ":)"). */
const CLOSERS = /(?<!:)["'”’»)\]]*$/u;
/** A term (quoted, bracketed, in code, or up to four words), a dash or colon, then a lower-case opening. */
const DEFINITION =
  /^\s*(?:["“'‘`[{<(][^"”'’`\]}>)]{1,60}["”'’`\]}>)]|[^\s,;.!?]+(?:\s+[^\s,;.!?]+){0,3})\s*(?:\s[-–—]\s|[–—]|:\s)\s*(?:["“'‘`([]\s*)?\p{Ll}/u;
/** Words that open a sentence, not a term: a sentence with a colon after them is no definition item. */
const FUNCTION_WORD =
  /^(?:with|without|the|a|an|in|on|for|by|to|if|when|this|that|it|as|at|of|from|please|you|we|they|he|she|i)\b/iu;

/** Whether a summary sentence ends with a colon (an intro to what the summary does not show). */
export function isColonIntro(text: string): boolean {
  return /:$/u.test(text.trim().replace(CLOSERS, ''));
}

/** Whether a sentence is a definition-list item whose explanation is no sentence of its own. */
export function isDefinitionFragment(text: string): boolean {
  const m = DEFINITION.exec(text);
  if (!m || FUNCTION_WORD.test(text.trim())) return false;
  // A pair of dashes around an aside ("Mr Smith – the former minister – said") is no definition.
  const dash = /\s([-–—])\s/u.exec(m[0]);
  return !(dash && text.slice(m[0].length).includes(` ${dash[1]} `));
}

const LICENCE_NAME =
  /\b(?:MIT|ISC|BSD|GPL|LGPL|AGPL|MPL|CC0|SOFTWARE|WARRANTY|LICENSE|COPYRIGHT)\b/u;
const LICENCE_ONLY =
  /^(?:(?:licen[cs]e[sd]?|copyright|warrant(?:y|ies)|software|unlicense|the)\s*)+$/iu;
const LATIN = /^(?:eg|e\.g|ie|i\.e|etc|vs|cf|viz|al|nb)\.?$/iu;

/** Every defect kind a label shows (an empty list: a label a reader would write). */
export function labelDefects(label: string): LabelDefect[] {
  const out: LabelDefect[] = [];
  const t = label.trim();
  // Words as a reader reads them: an abbreviation in brackets or a quoted word is no code.
  const tokens = t
    .split(/\s+/u)
    .map((w) => w.replace(/^["'“‘(]+|["'”’),;:!?]+$/gu, ''))
    .filter(Boolean);
  const parts = t.split(/\s*,\s*/u);
  if (!t || /^untitled$/iu.test(t)) out.push('untitled');
  if (parts.length >= 3 || (parts.length === 2 && parts.every((p) => !/\s/u.test(p))))
    out.push('commaList');
  const versions = tokens.filter((w) => /^v?\d+(?:\.\d+)+(?:[-+.][\p{L}\p{N}.]+)?$/iu.test(w));
  // A version alone or with a word ("v0.8.0", "Node.js 12.20"); a headline may name one.
  if (versions.length > 0 && tokens.length - versions.length < 3) out.push('version');
  if (
    tokens.some(
      (w) =>
        /[_/\\{}()<>=$#`@|~^*]|::|\[|\]/u.test(w) ||
        /^\p{Ll}[\p{L}\p{N}-]*\.\p{L}/u.test(w) ||
        /^\p{Ll}+\p{Lu}/u.test(w) ||
        /^--?\p{L}/u.test(w) ||
        /^\w+-\w+-\w+/u.test(w),
    )
  )
    out.push('codeToken');
  if (LICENCE_NAME.test(t) || LICENCE_ONLY.test(t)) out.push('licence');
  if (tokens.length === 1 && /\p{Lu}.*\p{Lu}/u.test(t) && !/\p{Ll}/u.test(t)) out.push('allCaps');
  if (
    tokens.some((w) => LATIN.test(w)) ||
    (tokens.length <= 2 && tokens.some((w) => /^\p{L}{1,2}\.$/u.test(w))) ||
    // A sentence's end inside the label ("No. SQLite files"), honorifics before a name aside.
    t
      .split(/\s+/u)
      .slice(0, -1)
      .some((w) => /^\p{L}+\.$/u.test(w) && !/^(?:Mr|Mrs|Ms|Dr|St)\.$/u.test(w))
  )
    out.push('abbreviation');
  return out;
}

/** Sentence and label defects of a folder's summaries. */
export interface DocsQuality {
  readonly summaries: number;
  readonly sentences: number;
  readonly counts: Record<DocDefect, number>;
  readonly per100: Record<DocDefect, number>;
  /** Sentence defects of every kind, per 100 summary sentences. */
  readonly defectsPer100: number;
  readonly labels: number;
  readonly labelCounts: Record<LabelDefect, number>;
  /** Labels with any defect. */
  readonly badLabels: number;
  readonly examples: Record<DocDefect | 'labels', string[]>;
}

const EXAMPLES = 4;
const normalize = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Audits the summaries of a model (corpus, stories, facets) and its story and facet labels. */
export function docsQuality(model: CorpusModel, summaries: readonly Summary[]): DocsQuality {
  const counts = Object.fromEntries(DOC_DEFECTS.map((d) => [d, 0])) as Record<DocDefect, number>;
  const examples = Object.fromEntries(
    [...DOC_DEFECTS, 'labels'].map((d) => [d, [] as string[]]),
  ) as Record<DocDefect | 'labels', string[]>;
  const note = (d: DocDefect, text: string) => {
    counts[d]++;
    if (examples[d].length < EXAMPLES) examples[d].push(text.slice(0, 140));
  };
  // Files each normalized sentence text stands in, and each sentence's position in its file.
  const filesOf = new Map<string, Set<string>>();
  const position = new Map<string, number>();
  for (const s of model.sentences) {
    const n = normalize(s.text);
    let set = filesOf.get(n);
    if (!set) filesOf.set(n, (set = new Set()));
    set.add(s.file);
    position.set(`${s.file}\u0000${s.offsets.start}`, s.position);
  }
  let sentences = 0;
  for (const summary of summaries) {
    summary.sentences.forEach((s, i) => {
      sentences++;
      if (isColonIntro(s.text)) note('colonIntros', s.text);
      if (isDefinitionFragment(s.text)) note('definitionFragments', s.text);
      const here = s.citations[0]!;
      const prev = summary.sentences[i - 1]?.citations[0];
      const p =
        prev && prev.file === here.file
          ? position.get(`${prev.file}\u0000${prev.offsets.start}`)
          : undefined;
      const follows =
        p !== undefined && position.get(`${here.file}\u0000${here.offsets.start}`) === p + 1;
      const t = analyze(s.text);
      const shape = shapeOf(t, 0, t.values.length - 1);
      if (hasShape(shape, 'connective') && !follows) note('danglingConnectives', s.text);
      if (hasShape(shape, 'pronoun') && !follows) note('danglingPronouns', s.text);
      if ((filesOf.get(normalize(s.text))?.size ?? 0) >= TEMPLATE_FILES) note('templates', s.text);
    });
  }
  const labelCounts = Object.fromEntries(LABEL_DEFECTS.map((d) => [d, 0])) as Record<
    LabelDefect,
    number
  >;
  let labels = 0;
  let badLabels = 0;
  for (const story of model.stories)
    for (const topic of [story.topic, ...story.facets.map((f) => f.topic)]) {
      labels++;
      const kinds = labelDefects(topic.label);
      for (const k of kinds) labelCounts[k]++;
      if (kinds.length > 0) {
        badLabels++;
        if (examples.labels.length < 12)
          examples.labels.push(`${topic.label} (${kinds.join(', ')})`);
      }
    }
  const per100 = Object.fromEntries(
    DOC_DEFECTS.map((d) => [d, sentences ? (100 * counts[d]) / sentences : 0]),
  ) as Record<DocDefect, number>;
  const total = DOC_DEFECTS.reduce((n, d) => n + counts[d], 0);
  return {
    summaries: summaries.length,
    sentences,
    counts,
    per100,
    defectsPer100: sentences ? (100 * total) / sentences : 0,
    labels,
    labelCounts,
    badLabels,
    examples,
  };
}

/** The report as `npm run eval` prints it: one row per folder, then examples. */
export function docsQualityTable(rows: readonly { label: string; q: DocsQuality }[]): string {
  const head = `${'per 100 summary sentences'.padEnd(30)} | sentences | ${DOC_DEFECTS.map((d) => d.padStart(19)).join(' | ')} | ${'all'.padStart(5)} | bad labels`;
  const lines = rows.map(
    ({ label, q }) =>
      `${label.padEnd(30)} | ${String(q.sentences).padStart(9)} | ${DOC_DEFECTS.map((d) => q.per100[d].toFixed(2).padStart(19)).join(' | ')} | ${q.defectsPer100.toFixed(2).padStart(5)} | ${q.badLabels}/${q.labels} (${q.labels ? ((100 * q.badLabels) / q.labels).toFixed(1) : '0.0'}%)`,
  );
  const ex: string[] = [];
  for (const { label, q } of rows)
    for (const k of [...DOC_DEFECTS, 'labels'] as const)
      for (const e of q.examples[k]) ex.push(`  ${label} · ${k}: ${e}`);
  return [head, ...lines, ...(ex.length > 0 ? ['examples:', ...ex] : [])].join('\n');
}
