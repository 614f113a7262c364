import { formatOf, type SourceFile } from '../corpus/index.js';
import { fallbackDocument } from './fallback.js';
import { parseHtml } from './html.js';
import { guardMarkdown, markdownWorkBudget } from './markdown-guard.js';
import { parseGuardedMarkdown } from './markdown.js';
import type { DocumentFormat, ParsedDocument } from './types.js';

/** The parsed Markdown and HTML files of a corpus, by file id (plain-text files have no entry). */
export interface ParsedFiles {
  get(id: string): ParsedDocument | undefined;
  /** Forgets a file's parse once no stage needs it again (a build's memory stays per file). */
  release?(id: string): void;
}

const PARSER: Record<DocumentFormat, string> = { markdown: 'Markdown', html: 'HTML' };

/** A number of steps as a reader reads it: `9.1e8`. */
function steps(n: number): string {
  return n.toExponential(1).replace('e+', 'e');
}

/**
 * Parses `text` (the decoded file, BOM removed) as Markdown or HTML, in time and stack bounded by
 * its length: nesting past the limits is flattened (markdown-guard.ts, html-tree.ts); a Markdown
 * file whose estimated parser work passes its budget, or a file its parser fails on anyway, is
 * read as text with its markup stripped (fallback.ts), with the reason in `fallback`. Never throws
 * on any string, and never drops a file: the worst case is the stripped reading. Offsets in the
 * result count UTF-16 units of `text`. Deterministic: every limit is a function of the text.
 * @example
 * const { blocks } = parseDocument('# Incident\n\nThe *queue* stalled.', 'markdown');
 * blocks[1].text // 'The queue stalled.'
 */
export function parseDocument(text: string, format: DocumentFormat): ParsedDocument {
  const stripped = 'read as text with its markup stripped';
  try {
    if (format === 'html') return { blocks: parseHtml(text) };
    const guard = guardMarkdown(text);
    const budget = markdownWorkBudget(text.length);
    if (guard.work > budget)
      return fallbackDocument(
        text,
        format,
        `its markup would take the Markdown parser about ${steps(guard.work)} steps, over its budget of ${steps(budget)} for ${text.length.toLocaleString('en-US')} characters; ${stripped}`,
      );
    return { blocks: parseGuardedMarkdown(text, guard) };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return fallbackDocument(
      text,
      format,
      `the ${PARSER[format]} parser failed (${message}); ${stripped}`,
    );
  }
}

/**
 * Parses one file by its format (from its id's extension), or returns undefined for plain text,
 * which keeps the line reading. A pure function of the file's text, one file at a time, so a
 * cache can key it by the file's sha256 and a worker can run it.
 */
export function parseFile(file: Pick<SourceFile, 'id' | 'text'>): ParsedDocument | undefined {
  const format = formatOf(file.id);
  return format === 'plain' ? undefined : parseDocument(file.text, format);
}

/** `parseFile` over every file of a corpus. */
export function parseFiles(files: readonly SourceFile[]): ParsedFiles {
  const parsed = new Map<string, ParsedDocument>();
  for (const file of files) {
    const doc = parseFile(file);
    if (doc) parsed.set(file.id, doc);
  }
  return parsed;
}

/**
 * The files of a corpus parsed on first request, each once: a build asks only for the files whose
 * lines or sentences it recomputes, so an incremental reload parses what changed, not every
 * Markdown file of the folder. `ready`: files parsed ahead (`parseFile` of the same text, e.g. in
 * worker threads), served as they are.
 */
export function lazyParsedFiles(
  files: readonly SourceFile[],
  ready?: ReadonlyMap<string, ParsedDocument | undefined>,
): ParsedFiles {
  const byId = new Map(files.map((f) => [f.id, f]));
  const done = new Map<string, ParsedDocument | undefined>(ready);
  return {
    get(id) {
      if (done.has(id)) return done.get(id);
      const file = byId.get(id);
      const doc = file ? parseFile(file) : undefined;
      done.set(id, doc);
      return doc;
    },
    release(id) {
      done.set(id, undefined);
    },
  };
}
