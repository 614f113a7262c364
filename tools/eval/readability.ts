/**
 * Readability defects of summaries, per 100 summary sentences: what a reader trips over in an
 * extract. Each sentence is re-read from its text through the text façade (part-of-speech tags
 * and token shapes, `src/core/text/shape.ts`), and its neighbours from its citations:
 *
 * - dangling connective / pronoun: opens with a connective ("However,", "But", "In contrast,")
 *   or a third-person or demonstrative pronoun ("He", "This", "Its"), and the summary sentence
 *   before it is not the sentence right before it in its source (a heading between is no
 *   sentence);
 * - unbalanced quotes: quotation marks that do not pair up;
 * - fragment: no verb outside quotation marks, a lower-case opening, or a participle clause with
 *   no main clause;
 * - redundant pair: two sentences of one summary sharing ≥ 0.5 of the smaller one's content
 *   words (stems of non-stop words), counted per pair;
 * - relative time: "today", "last year", "on this day", … with no date beside it, in a summary
 *   that draws on articles of different (or unknown) dates.
 */
import type { Summary } from '../../schemas/summary.js';
import type { CorpusModel } from '../../src/core/index.js';
import { documentDate } from '../../src/core/summarize/index.js';
import { analyze, featuresOf, hasShape, shapeOf } from '../../src/core/text/index.js';

/** The defect kinds, in the order the report prints them. */
export const DEFECTS = [
  'danglingConnectives',
  'danglingPronouns',
  'unbalancedQuotes',
  'fragments',
  'redundantPairs',
  'relativeTime',
] as const;

/** One defect kind. */
export type Defect = (typeof DEFECTS)[number];

/** Defect counts over a set of summaries, and per 100 summary sentences. */
export interface ReadabilityReport {
  readonly summaries: number;
  readonly sentences: number;
  readonly counts: Record<Defect, number>;
  readonly per100: Record<Defect, number>;
  /** A few offending sentences per kind, for reading. */
  readonly examples: Record<Defect, string[]>;
}

/** Content-word overlap of two sentences at or above which they count as a redundant pair. */
export const REDUNDANT_OVERLAP = 0.5;
const EXAMPLES = 3;

function contentStems(text: string): Set<string> {
  const t = analyze(text);
  const f = featuresOf(t, 0, t.values.length - 1);
  return new Set(f.stems.filter((s, i) => !f.stop[i] && /\p{L}/u.test(s)));
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.min(a.size, b.size);
}

/** Which sentence of its file a citation quotes: its position, from the model's sentences. */
function positions(model: CorpusModel): (file: string, start: number) => number | undefined {
  const at = new Map<string, number>();
  for (const s of model.sentences) at.set(`${s.file}\u0000${s.offsets.start}`, s.position);
  return (file, start) => at.get(`${file}\u0000${start}`);
}

/**
 * Counts the defects of summaries, each with the model it was made from (for a cited file's text
 * and date, and for which sentence of its file a citation quotes).
 */
export function readabilityReport(
  items: readonly { summary: Summary; model: CorpusModel }[],
): ReadabilityReport {
  const counts = Object.fromEntries(DEFECTS.map((d) => [d, 0])) as Record<Defect, number>;
  const examples = Object.fromEntries(DEFECTS.map((d) => [d, []])) as unknown as Record<
    Defect,
    string[]
  >;
  const note = (d: Defect, text: string) => {
    counts[d]++;
    if (examples[d].length < EXAMPLES) examples[d].push(text);
  };
  let sentences = 0;
  const positionsOf = new Map<CorpusModel, ReturnType<typeof positions>>();
  for (const { summary, model } of items) {
    if (!positionsOf.has(model)) positionsOf.set(model, positions(model));
    const position = positionsOf.get(model)!;
    const dateOf = (file: string) => {
      const text = model.byId.get(file)?.text;
      return (text === undefined ? undefined : documentDate(text)) ?? `file:${file}`;
    };
    const ss = summary.sentences;
    sentences += ss.length;
    const manyDates = new Set(ss.map((s) => dateOf(s.citations[0]!.file))).size > 1;
    const stems = ss.map((s) => contentStems(s.text));
    ss.forEach((s, i) => {
      const t = analyze(s.text);
      const shape = shapeOf(t, 0, t.values.length - 1);
      const here = s.citations[0]!;
      const prev = ss[i - 1]?.citations[0];
      const p =
        prev && prev.file === here.file ? position(prev.file, prev.offsets.start) : undefined;
      const follows = p !== undefined && position(here.file, here.offsets.start) === p + 1;
      if (hasShape(shape, 'connective') && !follows) note('danglingConnectives', s.text);
      if (hasShape(shape, 'pronoun') && !follows) note('danglingPronouns', s.text);
      if (hasShape(shape, 'unbalancedQuotes')) note('unbalancedQuotes', s.text);
      if (hasShape(shape, 'fragment')) note('fragments', s.text);
      if (hasShape(shape, 'relativeTime') && manyDates) note('relativeTime', s.text);
      for (let j = 0; j < i; j++)
        if (overlap(stems[i]!, stems[j]!) >= REDUNDANT_OVERLAP)
          note('redundantPairs', `${ss[j]!.text} ⟷ ${s.text}`);
    });
  }
  const per100 = Object.fromEntries(
    DEFECTS.map((d) => [d, sentences ? (100 * counts[d]) / sentences : 0]),
  ) as Record<Defect, number>;
  return { summaries: items.length, sentences, counts, per100, examples };
}

/** The report as table rows: one line per corpus, one column per defect kind (per 100 sentences). */
export function readabilityRows(
  rows: readonly { label: string; report: ReadabilityReport }[],
): string {
  const head = `${'per 100 summary sentences'.padEnd(34)} | sentences | ${DEFECTS.map((d) => d.padStart(19)).join(' | ')}`;
  const lines = rows.map(
    ({ label, report }) =>
      `${label.padEnd(34)} | ${String(report.sentences).padStart(9)} | ${DEFECTS.map((d) => report.per100[d].toFixed(2).padStart(19)).join(' | ')}`,
  );
  return [head, ...lines].join('\n');
}
