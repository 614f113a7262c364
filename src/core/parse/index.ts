/**
 * The parse stage: a document's text to blocks with rendered text and exact source maps.
 */
import { parseHtml } from './html.js';
import { parseMarkdown } from './markdown.js';
import type { DocumentFormat, ParsedDocument } from './types.js';

export { lineKinds } from './line-kinds.js';
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
