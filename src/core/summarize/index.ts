/**
 * Stage 6, summarize: extractive, cited summaries by budgeted concept coverage, with same-fact
 * merging (one statement, several citations) and query focus.
 */
export { citationOf } from './citations.js';
export { type CopyContext, copyCitations } from './copies.js';
export { type ConceptWeights, conceptWeights } from './concept-weights.js';
export { EXACT_LIMITS, SELECTION, type SelectionConstants, SELECTION_GRID } from './constants.js';
export { documentDate } from './document-date.js';
export { warmUpSolver } from './exact.js';
export { solverReady } from './highs-runtime.js';
export { sameFact } from './same-fact.js';
export { type SolveReport } from './solve.js';
export { type SummarizeContext, summarizeSentences } from './summarize-sentences.js';
