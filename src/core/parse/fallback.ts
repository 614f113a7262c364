/**
 * The reading of a Markdown or HTML file that its parser could not read in bounded time and
 * space: the text with its markup stripped, in one linear pass of our own, never a drop.
 *
 * HTML: tags, comments and declarations removed; the contents of `script`, `style` and the other
 * raw-text and embedded elements skipped; block-level tags and blank lines end a paragraph; `<br>`
 * is a line break; whitespace collapsed; character references decoded.
 * Markdown: container prefixes (`>`, list markers, indentation) removed, a list marker opening a
 * paragraph of its own; fenced code kept out as `code`; emphasis, strikethrough and code-span
 * markers, link and image syntax (an image's text, a link's destination) and HTML tags removed;
 * backslash escapes and character references decoded; blank lines end a paragraph.
 *
 * Every paragraph is one content block with an exact source span per rendered unit, so the line
 * rules judge its lines by their shape as they judge plain text, and citations slice the original
 * bytes. A non-blank line no paragraph touches (tags only) becomes a block with the reason
 * `unparsed`. The document carries the reason the parser was not used.
 */
import { BlockSink } from './block-sink.js';
import { readHtml } from './fallback-html.js';
import { readMarkdown } from './fallback-markdown.js';
import { isBlankRange, lineAt, Reader } from './fallback-reader.js';
import type { Block, DocumentFormat, ParsedDocument } from './types.js';

/** Adds a non-content `unparsed` block over every non-blank line no block touches. */
function markUnparsedLines(text: string, blocks: readonly Block[]): Block[] {
  const sink = new BlockSink(text.length);
  let k = 0;
  for (let at = 0; at < text.length;) {
    const { end, next } = lineAt(text, at);
    while (k < blocks.length && blocks[k]!.end <= at) sink.blocks.push(blocks[k++]!);
    const touched = k < blocks.length && blocks[k]!.start < Math.max(end, at + 1);
    if (!touched && !isBlankRange(text, at, end)) {
      sink.cursor = at;
      sink.add('html', at, end, 'unparsed');
    }
    at = next;
  }
  while (k < blocks.length) sink.blocks.push(blocks[k++]!);
  return sink.blocks;
}

/**
 * Reads `text` as text with its markup stripped (see the module comment); `reason` says why the
 * parser was not used. Linear in the length of the text; never throws on any string.
 * @example
 * fallbackDocument('<div><p>A &amp; B.</p></div>', 'html', 'why').blocks[0].text // 'A & B.'
 */
export function fallbackDocument(
  text: string,
  format: DocumentFormat,
  reason: string,
): ParsedDocument {
  const r = new Reader(text);
  if (format === 'html') readHtml(r);
  else readMarkdown(r);
  return { blocks: markUnparsedLines(text, r.sink.blocks), fallback: reason };
}
