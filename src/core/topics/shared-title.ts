import type { TermIndex } from '../index/index.js';
import type { Sentence } from '../segment/index.js';
import { analyze, featuresOf } from '../text/index.js';
import { isReaderLabel } from './label-shape.js';

/**
 * A group named by a document's title (a Markdown or HTML first heading, a headline): the title
 * of its most central document, when that title names what the group's documents share.
 */

/**
 * Share of a group's documents that must hold at least half of a title's content words for the
 * title to name what the documents share (a majority).
 */
const TITLE_SHARED = 0.5;
/**
 * A title names its group when one of its words is at least this many times more frequent among
 * the group's documents than among the corpus's (a section name every document has, such as
 * "Installation", is not).
 */
const TITLE_LIFT = 2;
/** Longest title that names a group: a label is read at a glance (a longer headline is a sentence). */
const TITLE_WORDS = 8;

/** Content stems of a text (stems of words that are not stop words), as the index reads them. */
function contentStems(text: string): Set<string> {
  const t = analyze(text);
  const f = featuresOf(t, 0, t.values.length - 1);
  return new Set(f.stems.filter((x, i) => !f.stop[i] && /[\p{L}\p{N}]/u.test(x)));
}

/** What a title's words are compared with: the corpus's documents, and those holding a term. */
export interface CorpusCounts {
  readonly docs: number;
  readonly docsWith: (term: number) => number;
}

/**
 * The corpus's number of documents with content, and of documents holding a term (each term's
 * counted once, on first use, from its postings): what a title's words are compared with.
 */
export function documentCounts(sentences: readonly Sentence[], index: TermIndex): CorpusCounts {
  const memo = new Map<number, number>();
  return {
    docs: new Set(sentences.map((s) => s.fileIndex)).size,
    docsWith: (t) => {
      let n = memo.get(t);
      if (n === undefined) {
        const docs = new Set<number>();
        for (const id of index.postings[t]!) docs.add(sentences[id]!.fileIndex);
        memo.set(t, (n = docs.size));
      }
      return n;
    },
  };
}

/**
 * The title of the group's most central document when it names what the group's documents share:
 * the document whose distinct terms weigh most (c-TF-IDF, per square root of their number, as a
 * sentence's centrality); at least half of the group's documents hold at least half of the
 * title's content words (one document always does), and one of them is `TITLE_LIFT` times more
 * frequent in the group's documents than in the corpus's (unless the group is most of the
 * corpus), so a section name every document has ("Installation") does not name the group.
 * Undefined when there is no such title.
 */
export function sharedTitle(
  ids: readonly number[],
  sentences: readonly Sentence[],
  index: TermIndex,
  weights: ReadonlyMap<number, number>,
  corpus: CorpusCounts,
  titleOf: (file: string) => string | undefined,
): string | undefined {
  const terms = new Map<string, Set<number>>();
  for (const id of ids) {
    const file = sentences[id]!.file;
    let set = terms.get(file);
    if (!set) terms.set(file, (set = new Set()));
    for (const t of index.content[id]!) set.add(t);
  }
  let central: string | undefined;
  let best = -1;
  for (const [file, set] of terms) {
    let w = 0;
    for (const t of set) w += weights.get(t) ?? 0;
    const score = w / Math.sqrt(set.size + 1);
    if (score > best) {
      best = score;
      central = file;
    }
  }
  const title = central === undefined ? undefined : titleOf(central);
  if (!title || title.split(/\s+/u).length > TITLE_WORDS || !isReaderLabel(title)) return undefined;
  if (terms.size === 1) return title;
  const words = [...contentStems(title)].map((st) => index.vocab.get(st));
  if (words.length === 0 || words.some((t) => t === undefined)) return undefined;
  let holding = 0;
  for (const set of terms.values()) {
    let held = 0;
    for (const t of words) if (set.has(t!)) held++;
    if (held * 2 >= words.length) holding++;
  }
  if (holding < TITLE_SHARED * terms.size) return undefined;
  if (terms.size * 2 > corpus.docs) return title;
  const lift = (t: number): number => {
    let inGroup = 0;
    for (const set of terms.values()) if (set.has(t)) inGroup++;
    return inGroup / terms.size / (corpus.docsWith(t) / corpus.docs);
  };
  return words.some((t) => lift(t!) >= TITLE_LIFT) ? title : undefined;
}
