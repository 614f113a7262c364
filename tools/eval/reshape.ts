/**
 * The same articles in the shapes users save them in: each article on one line (how many exports
 * and data sets store text), one paragraph per line with a blank line between, or hard-wrapped at
 * 72 columns (e-mail, RFCs, wire copy); with the newswire/LaTeX quotation marks (``…'' and `…')
 * instead of the original ones; and every article copied under a second name (a page saved
 * twice). Generated from the originals, so tests and `npm run eval` need no large copies on disk.
 */

/** A document of a folder. */
export interface ShapedDocument {
  readonly file: string;
  readonly text: string;
}

/** How an article is laid out in its file. */
export type Shape = 'one-line' | 'paragraphs' | 'wrapped';

/** Every shape, in the order reports list them. */
export const SHAPES: readonly Shape[] = ['one-line', 'paragraphs', 'wrapped'];

/** Column at which `wrapped` breaks lines. */
export const WRAP_COLUMNS = 72;

/** The name a copy is saved under: the original's, with `-copy` before its extension. */
export function copyName(file: string): string {
  const dot = file.lastIndexOf('.');
  const slash = file.lastIndexOf('/');
  return dot > slash + 1 ? `${file.slice(0, dot)}-copy${file.slice(dot)}` : `${file}-copy`;
}

/** The paragraphs of an article: its non-blank lines, trimmed (every source keeps one per line). */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((l) => l.replace(/\s+/gu, ' ').trim())
    .filter(Boolean);
}

/** A paragraph broken into lines of at most `columns` characters, at spaces (a longer word stands alone). */
export function wrap(paragraph: string, columns = WRAP_COLUMNS): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > columns) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const SPACE_OR_START = /[\s([{—–-]/u;

/**
 * The text with its quotation marks in the newswire/LaTeX convention: double marks (“ ” " „ « »)
 * become `` and '', single curly marks ‘ and ’ become ` and ' (an apostrophe ’ becomes ').
 * A straight double quote opens at a word's start and closes at its end.
 */
export function newswireQuotes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '“' || c === '„' || c === '«') out += '``';
    else if (c === '”' || c === '»') out += "''";
    else if (c === '‘') out += '`';
    else if (c === '’') out += "'";
    else if (c === '"') {
      const before = i === 0 ? ' ' : text[i - 1]!;
      out += SPACE_OR_START.test(before) ? '``' : "''";
    } else out += c;
  }
  return out;
}

/** One article in a shape (its quotation marks as they are). */
export function reshape(text: string, shape: Shape): string {
  const paragraphs = paragraphsOf(text);
  switch (shape) {
    case 'one-line':
      return `${paragraphs.join(' ')}\n`;
    case 'paragraphs':
      return `${paragraphs.join('\n\n')}\n`;
    case 'wrapped':
      return `${paragraphs.map((p) => wrap(p).join('\n')).join('\n\n')}\n`;
  }
}

/** Options of {@link shapedFolder}. */
export interface FolderOptions {
  /** Newswire quotation marks (default true). */
  readonly newswire?: boolean;
  /** Every article also saved under {@link copyName} (default true). */
  readonly copies?: boolean;
}

/**
 * A folder of the articles in one shape: each reshaped (newswire quotation marks unless told
 * otherwise) and, unless told otherwise, also saved under a second name.
 */
export function shapedFolder(
  documents: readonly ShapedDocument[],
  shape: Shape,
  options: FolderOptions = {},
): ShapedDocument[] {
  const out: ShapedDocument[] = [];
  for (const d of documents) {
    const shaped = reshape(options.newswire === false ? d.text : newswireQuotes(d.text), shape);
    out.push({ file: d.file, text: shaped });
    if (options.copies !== false) out.push({ file: copyName(d.file), text: shaped });
  }
  return out;
}
