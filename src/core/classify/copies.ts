import type { FileState } from './file-state.js';
import { BULLET, CLAUSE_END } from './line-shapes.js';
import { readOrigins, type Repetition } from './repetition.js';

/**
 * The copy pass: a paragraph whose every line is also in one better original (a file ranked
 * before this one, `Repetition.origins`, that has all of them) is `duplicate` here, each line
 * pointing to its first occurrence there; the original keeps it as content. Paragraphs are judged
 * whole, as the segmenter reads them (content lines joined while a line runs on into the next),
 * so a sentence is never cut between a copied line and one of this file's own: a paragraph that
 * is only partly a copy stays content.
 */
export function markDuplicates(state: FileState, fileId: string, repetition: Repetition): void {
  const { texts, norms, verdicts } = state;
  for (let i = 0; i < texts.length;) {
    if (verdicts[i]!.kind !== 'content') {
      i++;
      continue;
    }
    let j = i + 1;
    while (
      j < texts.length &&
      verdicts[j]!.kind === 'content' &&
      !BULLET.test(texts[j]!) &&
      !CLAUSE_END.test(texts[j - 1]!)
    )
      j++;
    const original = originalOf(norms.slice(i, j), fileId, repetition);
    if (original)
      for (let k = i; k < j; k++)
        verdicts[k] = {
          kind: 'duplicate',
          reason: 'duplicate',
          original: { file: original.file, line: original.lines[k - i]! },
        };
    i = j;
  }
}

/**
 * The best original of a paragraph's lines: the first file, in rank order, that is ranked before
 * `fileId` in every line's list of files; with the line of each there. Undefined when a line is
 * in no other file, or no one file has them all.
 */
function originalOf(
  norms: readonly string[],
  fileId: string,
  repetition: Repetition,
): { file: string; lines: number[] } | undefined {
  let candidates: Map<string, number[]> | undefined;
  for (const n of norms) {
    const value = repetition.origins.get(n);
    if (value === undefined) return undefined;
    const list = readOrigins(value);
    const self = list.findIndex((o) => o.file === fileId);
    if (self <= 0) return undefined;
    const next = new Map<string, number[]>();
    for (const o of list.slice(0, self)) {
      const lines = candidates ? candidates.get(o.file) : [];
      if (lines) next.set(o.file, [...lines, o.line]);
    }
    if (next.size === 0) return undefined;
    candidates = next;
  }
  const first = candidates?.entries().next().value;
  return first ? { file: first[0], lines: first[1] } : undefined;
}
