/**
 * The questions the service answers about a built model. The HTTP layer, the command line and
 * the page read a model only through these functions.
 */
export {
  documentLines,
  documentList,
  documentWithText,
  findDocument,
  type LinesPage,
} from './documents.js';
export { corpusStats, type CorpusStats } from './stats.js';
export {
  normalizeSummaryRequest,
  storySummaries,
  summarize,
  type SummarizeOptions,
  summaryKey,
  type SummaryRequest,
} from './summaries.js';
export { allStories, type CursorProblem, findTopic, listStories, topicDetail } from './topics.js';
export { verifyCitations } from './verify.js';
