/**
 * Stage 1b, parse (after loading, before classifying): Markdown (mdast, GFM, front matter) and
 * HTML (hast) files become blocks, each with its kind, whether it is content (and if not, why),
 * the text a reader sees and, for every UTF-16 unit of that text, the exact span of the original
 * file it came from. Plain text is not parsed: it keeps the line reading.
 */
export { lineKinds } from './line-kinds.js';
export {
  lazyParsedFiles,
  parseDocument,
  parseFile,
  parseFiles,
  type ParsedFiles,
} from './parse-files.js';
export { atomicRanges, rawSourceSpan, sourceSpan, type SourceSpan } from './source-span.js';
export { ConstructFlag } from './types.js';
export type {
  Block,
  BlockKind,
  BlockReason,
  DocumentFormat,
  LineKind,
  LineLabel,
  ParsedDocument,
} from './types.js';
