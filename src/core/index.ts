/**
 * The core's public surface: build a model from files (`buildModel`, `modelFromTexts`) and ask it
 * questions (`queries.ts`). Pure except for `loadCorpus`, the one part that reads the disk.
 */
export { type LoadedCorpus, loadCorpus, type LoadOptions } from './corpus/index.js';
export { documentHref, type HrefFor, linesHref, postedHref } from './hrefs.js';
export * from './limits.js';
export {
  buildModel,
  type CorpusInput,
  type CorpusModel,
  modelFromTexts,
  type ModelOptions,
} from './model.js';
export {
  corpusStats,
  type CorpusStats,
  documentLines,
  documentList,
  documentWithText,
  findDocument,
  findTopic,
  type LinesPage,
  listTopics,
  normalizeSummaryRequest,
  summarize,
  summaryKey,
  type SummaryRequest,
  verifyCitations,
} from './queries.js';
export { countWords } from './text/index.js';
