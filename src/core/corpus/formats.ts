/**
 * How a file's text is read, by the extension of its name: plain lines, Markdown or HTML. The
 * same rule for loaded files and for documents posted by name, so a posted `notes.md` is read as
 * Markdown exactly as the same file in the data folder would be.
 */

/** The three ways a text is read. */
export type SourceFormat = 'plain' | 'markdown' | 'html';

/** Extensions read as Markdown (CommonMark + GFM, front matter). */
export const MARKDOWN_EXTENSIONS: readonly string[] = ['.md', '.markdown'];
/** Extensions read as HTML (saved web pages). */
export const HTML_EXTENSIONS: readonly string[] = ['.html', '.htm'];
/** Every extension the loader reads by default: plain text, Markdown and HTML. */
export const CORPUS_EXTENSIONS: readonly string[] = [
  '.txt',
  ...MARKDOWN_EXTENSIONS,
  ...HTML_EXTENSIONS,
];

/**
 * The format of a file, from its id's extension (case-insensitive); anything else is plain text.
 * @example
 * formatOf('notes/Intro.MD') // 'markdown'
 */
export function formatOf(id: string): SourceFormat {
  const dot = id.lastIndexOf('.');
  if (dot < 0 || dot < id.lastIndexOf('/')) return 'plain';
  const ext = id.slice(dot).toLowerCase();
  if (MARKDOWN_EXTENSIONS.includes(ext)) return 'markdown';
  if (HTML_EXTENSIONS.includes(ext)) return 'html';
  return 'plain';
}
