import { formatOf, type SourceFile } from '../corpus/index.js';
import { parseHtml } from './html.js';
import { parseMarkdown } from './markdown.js';
import type { ParsedDocument } from './types.js';

/** The parsed Markdown and HTML files of a corpus, by file id (plain-text files have no entry). */
export interface ParsedFiles {
  get(id: string): ParsedDocument | undefined;
  /** Forgets a file's parse once no stage needs it again (a build's memory stays per file). */
  release?(id: string): void;
}

/**
 * Parses one file by its format (from its id's extension), or returns undefined for plain text,
 * which keeps the line reading. A pure function of the file's text, one file at a time, so a
 * cache can key it by the file's sha256 and a worker can run it.
 */
export function parseFile(file: Pick<SourceFile, 'id' | 'text'>): ParsedDocument | undefined {
  const format = formatOf(file.id);
  if (format === 'plain') return undefined;
  try {
    return { blocks: format === 'html' ? parseHtml(file.text) : parseMarkdown(file.text) };
  } catch (error) {
    // The parsers are not known to throw on any string; if one ever does, the file is kept with
    // no blocks (every line `markup` or blank: out of summaries) rather than read as plain lines,
    // which would put its markup into summaries, and the failure is reported.
    console.warn(
      `citesum: could not parse ${file.id}; its lines are left out of summaries:`,
      error,
    );
    return { blocks: [] };
  }
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
