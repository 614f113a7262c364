import type { Sentence } from '../segment/index.js';
import { countWords } from '../text/index.js';
import { SELECTION, type SelectionConstants } from './constants.js';

/**
 * Whether a sentence may be extracted at all: it has a verb, a reasonable length, is not a
 * question to the reader and does not open by continuing the sentence before it.
 */
export function isCandidate(s: Sentence, k: SelectionConstants = SELECTION): boolean {
  if (!s.hasVerb) return false;
  const n = countWords(s.text);
  if (n < k.minWords || n > k.maxWords) return false;
  // A sentence that is a question to the reader or an unterminated fragment reads badly out of context.
  if (/\?["'”’»)]*$/u.test(s.text)) return false;
  // A sentence opening with "And"/"Or"/"Nor" continues the one before it and misleads alone.
  if (/^(?:and|or|nor)\b/iu.test(s.text)) return false;
  return true;
}
