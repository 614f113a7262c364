import type { FileState } from './file-state.js';
import { SENTENCE_END } from './line-shapes.js';
import { readerText } from './shape.js';
import { lineWordCount } from './vocabulary.js';

const BIO_VERB =
  /^(?:is|was|writes|covers|reports|reported|has|joined|previously|served|works|worked)\b/iu;

/** Names the header bylines before the first body paragraph ("By Jane Roe", "Jane Roe, Correspondent"). */
function headerAuthors({ texts, blank, verdicts }: FileState): Set<string> {
  const firstBody = texts.findIndex(
    (t, k) =>
      verdicts[k]!.kind === 'content' && lineWordCount(t) >= 12 && SENTENCE_END.test(t.trim()),
  );
  const authors = new Set<string>();
  for (let k = 0; k < (firstBody < 0 ? texts.length : firstBody); k++) {
    if (blank[k]) continue;
    const t = readerText(texts[k]!).replace(/^(?:by|written by|words by|story by)\s+/iu, '');
    const head = t.split(/\s*(?:[|,·•—–]|\s-\s|\bin\b|\band\b)\s*/u)[0] ?? '';
    const names = head.match(
      /^(?:\p{Lu}[\p{Ll}'’-]+\s+){0,1}(\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+)$/u,
    );
    if (names && lineWordCount(t) <= 12) authors.add(names[1]!.toLowerCase());
  }
  return authors;
}

/**
 * The author's bio: a paragraph about a person the header bylines, or the paragraph under an
 * "About the author" label, is a byline, not the story.
 */
export function markAuthorBios(state: FileState): void {
  const { texts, blank, verdicts } = state;
  const authors = headerAuthors(state);
  for (let k = 0; k < texts.length; k++) {
    if (verdicts[k]!.kind !== 'content') continue;
    const t = readerText(texts[k]!);
    const m = /^(\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+)\s+(.*)$/u.exec(t);
    if (!m || !authors.has(m[1]!.toLowerCase()) || !BIO_VERB.test(m[2]!) || lineWordCount(t) > 60)
      continue;
    for (let q = k; q < texts.length && !blank[q] && verdicts[q]!.kind === 'content'; q++)
      verdicts[q] = { kind: 'boilerplate', reason: 'byline' };
  }
  for (let k = 0; k < texts.length; k++) {
    if (
      blank[k] ||
      !/^about the (?:authors?|writers?|reporters?|contributors?)\s*:?$/iu.test(
        readerText(texts[k]!),
      )
    )
      continue;
    verdicts[k] = { kind: 'boilerplate', reason: 'byline' };
    let q = k + 1;
    while (q < texts.length && blank[q]) q++;
    for (; q < texts.length && !blank[q] && lineWordCount(texts[q]!) <= 80; q++)
      verdicts[q] = { kind: 'boilerplate', reason: 'byline' };
  }
}
