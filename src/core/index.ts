/**
 * The core's public surface: build a model from files (`buildModel`, `modelFromTexts`) and ask it
 * questions (`queries.ts`). Pure except for `loadCorpus`, the one part that reads the disk.
 */
export { type LoadedCorpus, loadCorpus, type LoadOptions, sha256Hex } from './corpus/index.js';
export { documentHref, type HrefFor, linesHref, postedHref, topicsHref } from './hrefs.js';
export * from './limits.js';
export {
  buildModel,
  type CorpusInput,
  type CorpusModel,
  type CorpusView,
  modelFromTexts,
  type ModelOptions,
} from './model.js';
export {
  allStories,
  corpusStats,
  type CorpusStats,
  type CursorProblem,
  documentLines,
  documentList,
  documentWithText,
  findDocument,
  findTopic,
  type LinesPage,
  listStories,
  normalizeSummaryRequest,
  storySummaries,
  summarize,
  type SummarizeOptions,
  summaryKey,
  type SummaryRequest,
  topicDetail,
  verifyCitations,
} from './queries/index.js';
export { solverReady, warmUpSolver } from './summarize/index.js';
export { countWords } from './text/index.js';
