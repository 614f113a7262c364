import type { FileState } from './file-state.js';
import { BULLET } from './line-shapes.js';
import { isShortLine, SHORT_LINE_MAX_WORDS } from './appeals.js';
import { readerText, shapeReason, type Verdict, vocabularyReason } from './shape.js';
import { FIRST_PLURAL, lineWordCount, SECOND_PERSON } from './vocabulary.js';
import { unquoted } from './quotes.js';

/** A short line inside a block of boilerplate lines (no blank line between) belongs to that block. */
export function absorbShortLinesInBlocks({ texts, verdicts }: FileState): void {
  for (let i = 1; i + 1 < texts.length; i++) {
    if (verdicts[i]!.kind !== 'content' || lineWordCount(texts[i]!) > 8) continue;
    const before = verdicts[i - 1]!;
    const after = verdicts[i + 1]!;
    if (before.kind === 'boilerplate' && after.kind === 'boilerplate')
      verdicts[i] = {
        kind: 'boilerplate',
        reason: before.reason === 'navigation' ? 'navigation' : 'call-to-action',
      };
  }
}

/** A cross-promotion label ("Related:") carries the link list under it. */
export function extendCrossPromotion({ texts, blank, verdicts }: FileState): void {
  for (let i = 0; i < texts.length; i++) {
    if (verdicts[i]!.reason !== 'cross-promotion') continue;
    for (let k = i + 1; k < texts.length && !blank[k]; k++) {
      const t = readerText(texts[k]!.replace(BULLET, ''));
      if (lineWordCount(t) > 16 || /[.!…]["'”’)]*$/u.test(t)) break;
      verdicts[k] = { kind: 'boilerplate', reason: 'cross-promotion' };
    }
  }
}

/**
 * Paragraphs enclosed by appeal lines that speak in the publisher's voice (we/you outside
 * quotations) are part of the appeal; a paragraph of more than 40 words is prose whatever its
 * neighbours (Kohlschütter et al. 2010), so a run that holds one is not absorbed.
 */
export function markEnclosedAppeals({ texts, blank, verdicts }: FileState): void {
  const isAppealish = (k: number) => {
    const r = verdicts[k]!;
    return r.kind === 'boilerplate' && (r.reason === 'call-to-action' || r.reason === 'template');
  };
  const nonBlank = texts.map((_, k) => k).filter((k) => !blank[k]);
  for (let a = 0; a < nonBlank.length; a++) {
    if (!isAppealish(nonBlank[a]!)) continue;
    let b = a + 1;
    while (b < nonBlank.length && verdicts[nonBlank[b]!]!.kind === 'content') b++;
    if (b === a + 1 || b >= nonBlank.length || !isAppealish(nonBlank[b]!)) continue;
    const run = nonBlank.slice(a + 1, b);
    if (run.some((k) => lineWordCount(texts[k]!) > SHORT_LINE_MAX_WORDS)) continue;
    const voiced = run.filter(
      (k) => FIRST_PLURAL.test(unquoted(texts[k]!)) || SECOND_PERSON.test(unquoted(texts[k]!)),
    ).length;
    if (voiced * 2 >= run.length)
      for (const k of run) verdicts[k] = { kind: 'boilerplate', reason: 'call-to-action' };
  }
}

/** A rendered Markdown or HTML line next to boilerplate, judged by what it says alone. */
function nearVocabulary(text: string): Verdict | undefined {
  const t = readerText(text);
  const words = lineWordCount(t);
  return vocabularyReason(t, words, isShortLine(t, words, true));
}

/**
 * Lines next to boilerplate are read again as Kohlschütter et al. (2010) read text blocks: a line
 * of up to 40 words whose neighbour (blank lines skipped) is boilerplate is judged by the
 * vocabulary rules too (an appeal of several sentences under its "Support us" button), and so on
 * outwards until nothing changes. Lines of wrapped paragraphs (`inRun`) were judged whole.
 * `markup`: the lines are a Markdown or HTML file's rendered blocks, read by what they say only
 * (`vocabularyReason`): structure, not a line's shape, decides what else they are.
 */
export function markVocabularyNearBoilerplate(
  { texts, blank, verdicts }: FileState,
  inRun: readonly boolean[],
  markup = false,
): void {
  const nonBlank = texts.map((_, k) => k).filter((k) => !blank[k]);
  const queue: number[] = [];
  const queued = new Uint8Array(texts.length);
  const visit = (p: number) => {
    const k = nonBlank[p];
    if (k === undefined || queued[k] || inRun[k] || verdicts[k]!.kind !== 'content') return;
    queued[k] = 1;
    queue.push(p);
  };
  nonBlank.forEach((k, p) => {
    if (verdicts[k]!.kind !== 'boilerplate') return;
    visit(p - 1);
    visit(p + 1);
  });
  while (queue.length > 0) {
    const p = queue.shift()!;
    const k = nonBlank[p]!;
    queued[k] = 0;
    if (verdicts[k]!.kind !== 'content') continue;
    const shape = markup
      ? nearVocabulary(texts[k]!)
      : shapeReason(texts[k]!.replace(BULLET, ''), { nearBoilerplate: true });
    if (shape?.kind !== 'boilerplate') continue;
    verdicts[k] = shape;
    visit(p - 1);
    visit(p + 1);
  }
}
