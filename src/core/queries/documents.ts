import type { Document, DocumentList } from '../../../schemas/api.js';
import type { DocumentInfo, Line } from '../../../schemas/document.js';
import type { SourceFile } from '../corpus/index.js';
import { linesHref } from '../hrefs.js';
import type { CorpusModel } from '../model.js';

/** The served files with what the classifier made of each, and the skipped files with reasons. */
export function documentList(model: CorpusModel): DocumentList {
  return {
    corpus: model.fingerprint,
    documents: [...model.documents],
    skipped: [...model.skipped],
    ...(model.message ? { message: model.message } : {}),
  };
}

/** One served file with its exact text, or undefined. */
export function documentWithText(model: CorpusModel, file: string): Document | undefined {
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
  model: CorpusModel,
  file: string,
): { source: SourceFile; info: DocumentInfo } | undefined {
  const source = model.byId.get(file);
  const info = model.documentsById.get(file);
  return source && info ? { source, info } : undefined;
}

/** The exact lines `start..end` (1-based, inclusive, clamped to the file) of a file with their offsets and kinds. */
export function documentLines(
  model: CorpusModel,
  file: string,
  start = 1,
  end = Number.MAX_SAFE_INTEGER,
): { file: string; sha256: string; lineCount: number; lines: Line[] } | undefined {
  const source = model.byId.get(file);
  const table = model.lines.get(file);
  if (!source || !table) return undefined;
  const from = Math.max(1, start);
  const to = Math.min(table.length, end);
  const lines: Line[] = [];
  for (let n = from; n <= to; n++) {
    const l = table[n - 1]!;
    const line: Line = { number: l.number, start: l.start, end: l.end, text: l.text, kind: l.kind };
    lines.push(l.reason && l.kind !== 'content' ? { ...line, reason: l.reason } : line);
  }
  return { file, sha256: source.sha256, lineCount: table.length, lines };
}
