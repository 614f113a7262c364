/**
 * Stage 3, segment: content lines grouped into paragraphs, cut into sentences whose spans slice
 * back exactly from the original file text.
 */
export { type Paragraph, paragraphsOf } from './paragraphs.js';
export { segmentCorpus, segmentFile, segmentFileSafely, type Sentence } from './segment.js';
export {
  ColumnSentence,
  columnSentence,
  type SentenceColumns,
  SentenceColumnsBuilder,
  sentenceCount,
  SentenceSource,
  renumbered,
  TOKEN_FLAGS,
} from './sentence-columns.js';
