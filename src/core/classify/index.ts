/**
 * Stage 2, classify: every line of every file is content, heading, boilerplate or blank, with a
 * reason for each non-content line.
 */
export {
  type ClassifiedLine,
  type ClassifyFileHook,
  type ClassifyHooks,
  classifyEach,
  classifyLines,
  type FileLinesHook,
  type LineTable,
} from './classify-lines.js';
export { unitVerdicts } from './block-verdicts.js';
export { cleanTitle, documentTitle } from './titles.js';
export {
  type DistinctLines,
  distinctLines,
  type FileLines,
  type Repetition,
} from './repetition.js';
export {
  isProseLine,
  type ProseSpan,
  type ProseTally,
  proseTally,
  sentenceShapedSpans,
} from './prose.js';
export { quoteSpans, unquoted } from './quotes.js';
export { BULLET, CLAUSE_END, SENTENCE_END } from './line-shapes.js';
export { normalizeLine } from './vocabulary.js';
