import type { SourceFile } from '../corpus/index.js';
import { type TermIndex } from '../index/index.js';
import type { Sentence } from '../segment/index.js';
import { hasShape } from '../text/index.js';
import { isCandidate } from './candidates.js';
import { documentDate } from './document-date.js';

/**
 * The readability rules of a summary, from the sentence's shape flags (part-of-speech tags and
 * token shapes, `text/shape.ts`): which sentences may stand in a summary at all, which need
 * their antecedent right before them, and which use relative time.
 */

/**
 * True when a sentence can be read as a sentence: not a fragment, its quotation marks paired,
 * not an intro to what follows it (ends with a colon) and not a definition-list item whose
 * explanation is no sentence.
 */
export function readsAlone(s: Sentence): boolean {
  return (
    !hasShape(s.shape, 'fragment') &&
    !hasShape(s.shape, 'unbalancedQuotes') &&
    !hasShape(s.shape, 'intro') &&
    !hasShape(s.shape, 'definition')
  );
}

/** True when a sentence opens with a connective or pronoun that points to the sentence before it. */
export function dangles(s: Sentence): boolean {
  return hasShape(s.shape, 'connective') || hasShape(s.shape, 'pronoun');
}

/**
 * True when a sentence can stand in a summary with nothing around it: a candidate that reads
 * alone and points back to nothing. A facet holds at least one (it is a group a summary can be
 * drawn from).
 */
export function standsAlone(s: Sentence): boolean {
  return isCandidate(s) && readsAlone(s) && !dangles(s);
}

/**
 * Antecedents of the dangling candidates: each needs the sentence before it in its article
 * (which may itself dangle, and so on); a dangling sentence whose chain leaves the admissible
 * sentences, or starts its article, cannot be chosen. Returns the usable candidates and the
 * antecedent of each (its predecessor, itself admissible).
 */
export function withAntecedents(
  candidates: readonly Sentence[],
  all: readonly Sentence[],
  admissible: (s: Sentence) => boolean,
): { usable: Sentence[]; antecedent: (s: Sentence) => Sentence | undefined } {
  const before = new Map<number, Sentence | null>();
  const antecedentOf = (s: Sentence): Sentence | null => {
    const hit = before.get(s.id);
    if (hit !== undefined) return hit;
    before.set(s.id, null); // guards the recursion
    let a: Sentence | null = null;
    const prev = all[s.id - 1];
    if (
      prev &&
      prev.fileIndex === s.fileIndex &&
      prev.position === s.position - 1 &&
      admissible(prev)
    )
      a = !dangles(prev) || antecedentOf(prev) ? prev : null;
    before.set(s.id, a);
    return a;
  };
  const usable = candidates.filter((s) => !dangles(s) || antecedentOf(s) !== null);
  return {
    usable,
    antecedent: (s) => (dangles(s) ? (antecedentOf(s) ?? undefined) : undefined),
  };
}

/**
 * Date groups of the files: files printing the same date share a group; a file without a date is
 * a group of its own (its relative time cannot be placed beside another file's).
 */
export function dateGroups(
  files: ReadonlyMap<string, SourceFile>,
): (s: Sentence) => { group: number; date: string | undefined } {
  const byFile = new Map<string, { group: number; date: string | undefined }>();
  const byDate = new Map<string, number>();
  return (s) => {
    let g = byFile.get(s.file);
    if (!g) {
      const text = files.get(s.file)?.text;
      const date = text === undefined ? undefined : documentDate(text);
      let group: number;
      if (date === undefined) group = -1 - s.fileIndex;
      else {
        group = byDate.get(date) ?? byDate.size;
        byDate.set(date, group);
      }
      g = { group, date };
      byFile.set(s.file, g);
    }
    return g;
  };
}

/** Share of the smaller sentence's content words (stems of non-stop words) that the other repeats. */
export function contentOverlap(index: TermIndex, a: number, b: number): number {
  const A = index.content[a]!;
  const B = index.content[b]!;
  if (A.length === 0 || B.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < A.length && j < B.length) {
    if (A[i] === B[j]) {
      shared++;
      i++;
      j++;
    } else if (A[i]! < B[j]!) i++;
    else j++;
  }
  return shared / Math.min(A.length, B.length);
}
