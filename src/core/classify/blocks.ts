import type { FileState } from './file-state.js';
import { BULLET } from './line-shapes.js';
import { readerText } from './shape.js';
import { FIRST_PLURAL, lineWordCount, SECOND_PERSON, unquoted } from './vocabulary.js';

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

/** Paragraphs enclosed by appeal lines that speak in the publisher's voice are part of the appeal. */
export function markEnclosedAppeals({ texts, blank, verdicts }: FileState): void {
  const isAppealish = (k: number) => {
    const r = verdicts[k]!;
    return (
      r.kind === 'boilerplate' &&
      (r.reason === 'call-to-action' || r.reason === 'repeated-across-files')
    );
  };
  const nonBlank = texts.map((_, k) => k).filter((k) => !blank[k]);
  for (let a = 0; a < nonBlank.length; a++) {
    if (!isAppealish(nonBlank[a]!)) continue;
    let b = a + 1;
    while (b < nonBlank.length && verdicts[nonBlank[b]!]!.kind === 'content') b++;
    if (b === a + 1 || b >= nonBlank.length || !isAppealish(nonBlank[b]!)) continue;
    const run = nonBlank.slice(a + 1, b);
    const voiced = run.filter(
      (k) => FIRST_PLURAL.test(unquoted(texts[k]!)) || SECOND_PERSON.test(unquoted(texts[k]!)),
    ).length;
    if (voiced * 2 >= run.length)
      for (const k of run) verdicts[k] = { kind: 'boilerplate', reason: 'call-to-action' };
  }
}
