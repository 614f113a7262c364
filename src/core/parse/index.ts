/**
 * Stage 1b, parse (after loading, before classifying): Markdown (mdast, GFM, front matter) and
 * HTML (hast) files become blocks, each with its kind, whether it is content (and if not, why),
 * the text a reader sees and, for every UTF-16 unit of that text, the exact span of the original
 * file it came from. Plain text is not parsed: it keeps the line reading.
 */
import { parseHtml } from './html.js';
import { parseMarkdown } from './markdown.js';
import type { DocumentFormat, ParsedDocument } from './types.js';

export { lineKinds } from './line-kinds.js';
export { lazyParsedFiles, parseFile, parseFiles, type ParsedFiles } from './parse-files.js';
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

/**
 * Parses `text` (the decoded file, BOM removed) as Markdown or HTML. Never throws on any
 * string; offsets in the result count UTF-16 units of `text`.
 * @example
 * const { blocks } = parseDocument('# Incident\n\nThe *queue* stalled.', 'markdown');
 * blocks[1].text // 'The queue stalled.'
 */
export function parseDocument(text: string, format: DocumentFormat): ParsedDocument {
  return { blocks: format === 'html' ? parseHtml(text) : parseMarkdown(text) };
}
