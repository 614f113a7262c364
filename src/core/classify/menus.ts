import type { FileState } from './file-state.js';
import { SENTENCE_END } from './line-shapes.js';
import { lineWordCount } from './vocabulary.js';

/** Runs of three or more very short lines without sentence punctuation are menus or option lists. */
export function markMenuRuns({ texts, blank, verdicts }: FileState): void {
  for (let i = 0; i < texts.length;) {
    let j = i;
    while (
      j < texts.length &&
      !blank[j] &&
      lineWordCount(texts[j]!) <= 3 &&
      !SENTENCE_END.test(texts[j]!.trim())
    )
      j++;
    if (j - i >= 3)
      for (let k = i; k < j; k++)
        if (verdicts[k]!.kind !== 'boilerplate')
          verdicts[k] = { kind: 'boilerplate', reason: 'navigation' };
    i = Math.max(j, i + 1);
  }
}

/**
 * Indented short lines after a paragraph that runs on into them ("… These are" / "  mitigation")
 * are the items of a list that finishes the sentence, not a menu: they return to content.
 */
export function restoreListItems({ texts, blank, verdicts }: FileState): void {
  for (let i = 0; i < texts.length;) {
    if (
      blank[i] ||
      !/^\s+\S/u.test(texts[i]!) ||
      (i > 0 && !blank[i - 1] && /^\s+\S/u.test(texts[i - 1]!))
    ) {
      i++;
      continue;
    }
    let j = i;
    while (j < texts.length && !blank[j] && /^\s+\S/u.test(texts[j]!)) j++;
    let p = i - 1;
    while (p >= 0 && blank[p]) p--;
    const lead = p >= 0 ? texts[p]!.trim() : '';
    if (
      p >= 0 &&
      p >= i - 2 &&
      verdicts[p]!.kind === 'content' &&
      lineWordCount(lead) > 8 &&
      (lead.endsWith(':') || !SENTENCE_END.test(lead))
    )
      for (let k = i; k < j; k++)
        if (verdicts[k]!.reason === 'navigation') verdicts[k] = { kind: 'content' };
    i = j;
  }
}
