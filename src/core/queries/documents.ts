import type { Document, DocumentList } from '../../../schemas/api.js';
import type { DocumentInfo, Line } from '../../../schemas/document.js';
import type { SourceFile } from '../corpus/index.js';
import { linesHref } from '../hrefs.js';
import { DEFAULT_LINES_PAGE, MAX_LINES_PAGE } from '../limits.js';
import type { CorpusView } from '../model.js';

/** The served files with what the classifier made of each, and the skipped files with reasons. */
export function documentList(model: CorpusView): DocumentList {
  return {
    corpus: model.fingerprint,
    documents: [...model.documents],
    skipped: [...model.skipped],
    ...(model.message ? { message: model.message } : {}),
  };
}

/** One served file with its exact text, or undefined. */
export function documentWithText(model: CorpusView, file: string): Document | undefined {
  const found = findDocument(model, file);
  if (!found) return undefined;
  return {
    ...found.info,
    corpus: model.fingerprint,
    text: found.source.text,
    linesHref: linesHref(file),
  };
}

/** A served file and its document info, or undefined. */
export function findDocument(
  model: CorpusView,
  file: string,
): { source: SourceFile; info: DocumentInfo } | undefined {
  const source = model.byId.get(file);
  const info = model.documentsById.get(file);
  return source && info ? { source, info } : undefined;
}

/** One page of a file's lines: what `GET /v1/documents/{file}/lines` answers. */
export interface LinesPage {
  readonly file: string;
  readonly sha256: string;
  /** Lines in the whole file. */
  readonly lineCount: number;
  readonly lines: Line[];
  /** URL of the following page, as many lines long (absent after the last line). */
  readonly next?: string;
}

/**
 * The exact lines of a file from `start` (default 1) to `end`, with their offsets and kinds, or
 * undefined for an unknown file. Without `end` a page of DEFAULT_LINES_PAGE lines; a range is
 * clamped to the file and to MAX_LINES_PAGE lines. `next` links the following page of as many
 * lines, so following it pages through the rest of the file.
 *
 * @example
 * documentLines(model, 'a.txt')?.next // '/v1/documents/a.txt/lines?start=1001&end=2000' (when longer)
 */
export function documentLines(
  model: CorpusView,
  file: string,
  start = 1,
  end?: number,
): LinesPage | undefined {
  const source = model.byId.get(file);
  const table = model.lines.get(file);
  if (!source || !table) return undefined;
  const from = Math.max(1, start);
  const wanted = end === undefined ? DEFAULT_LINES_PAGE : Math.min(MAX_LINES_PAGE, end - from + 1);
  const to = Math.min(table.length, from + wanted - 1);
  const lines: Line[] = [];
  for (let n = from; n <= to; n++) {
    const l = table[n - 1]!;
    const line: Line = { number: l.number, start: l.start, end: l.end, text: l.text, kind: l.kind };
    if (!l.reason || l.kind === 'content') lines.push(line);
    else if (l.original) lines.push({ ...line, reason: l.reason, original: { ...l.original } });
    else lines.push({ ...line, reason: l.reason });
  }
  const page = { file, sha256: source.sha256, lineCount: table.length, lines };
  if (to >= table.length || to < from) return page;
  const count = to - from + 1;
  return {
    ...page,
    next: linesHref(file, { start: to + 1, end: Math.min(table.length, to + count) }),
  };
}
