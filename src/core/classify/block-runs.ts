import type { FileState } from './file-state.js';
import { isTemplate, type Repetition, runRepetition } from './repetition.js';
import type { Verdict } from './shape.js';

/**
 * Repetition by paragraph in Markdown and HTML: a paragraph wrapped over several lines is judged
 * as one, as `judgeWrappedRuns` judges a wrapped paragraph of plain text, but its lines are known
 * from the document's structure rather than guessed from their widths. It is a template when most
 * of its lines recur in unrelated files and its whole text reads as one (`isTemplate`);
 * then every line of it is, and otherwise none is by repetition: a line shared by two READMEs
 * ("versions of Node.js.") never cuts the sentence it belongs to in two.
 */

/**
 * Judges every paragraph of two or more lines (`runs[i]` is the first line of line i's paragraph)
 * by repetition, else gives its lines their block's shape verdict (`shapes`). Returns which lines
 * it judged; the per-line pass leaves them alone.
 */
export function judgeBlockRuns(
  state: FileState,
  repetition: Repetition,
  runs: readonly number[],
  shapes: readonly (Verdict | undefined)[],
): boolean[] {
  const { texts, norms, verdicts } = state;
  const repeated = repetition.groups;
  const inRun = new Array<boolean>(texts.length).fill(false);
  for (let i = 0; i < texts.length;) {
    let j = i + 1;
    while (j < texts.length && runs[j] === i) j++;
    if (j - i >= 2) {
      const { rep, most } = runRepetition(norms, repeated, i, j);
      const joined = texts
        .slice(i, j)
        .map((t) => t.trim())
        .join(' ');
      const template = rep * 2 >= j - i && isTemplate(joined, most, repetition);
      for (let k = i; k < j; k++) {
        verdicts[k] = template
          ? { kind: 'boilerplate', reason: 'template' }
          : (shapes[k] ?? { kind: 'content' });
        inRun[k] = true;
      }
    }
    i = j;
  }
  return inRun;
}
