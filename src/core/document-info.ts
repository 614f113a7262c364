import type { DocumentInfo, NoContent } from '../../schemas/document.js';
import { type ClassifiedLine, type LineTable, proseTally } from './classify/index.js';
import type { SourceFile } from './corpus/index.js';
import type { Sentence } from './segment/index.js';

/**
 * What `GET /v1/documents` says of each file: its line counts per kind and reason, whether it is
 * wholly a copy of another file (and, for an original, which files copy it), and whether it is a
 * file of prose that yields no content sentence (a silent loss, made loud).
 */

/** Share of a file's judged words that must be sentence-shaped for the file to be "mostly prose". */
export const MOSTLY_PROSE = 0.5;

/** Why a file of prose yields no content sentence, or undefined (it yields some, or is no prose). */
function noContent(lines: readonly ClassifiedLine[]): NoContent | undefined {
  const tally = proseTally(lines);
  if (tally.prose === 0 || tally.prose < MOSTLY_PROSE * tally.words) return undefined;
  return {
    proseWords: tally.prose,
    share: Math.round((tally.prose / Math.max(1, tally.words)) * 1e4) / 1e4,
    reasons: { ...tally.lost },
  };
}

/** The original a file wholly copies: it has duplicates of one file's lines and no content line. */
export function copyOf(lines: readonly ClassifiedLine[]): string | undefined {
  let original: string | undefined;
  for (const l of lines) {
    if (l.kind === 'content') return undefined;
    if (l.kind !== 'duplicate' || !l.original) continue;
    if (original !== undefined && original !== l.original.file) return undefined;
    original = l.original.file;
  }
  return original;
}

function documentInfo(
  file: SourceFile,
  lines: readonly ClassifiedLine[],
  sentenceCount: number,
  copies: readonly string[] | undefined,
): DocumentInfo {
  const counts = { content: 0, heading: 0, boilerplate: 0, duplicate: 0, blank: 0 };
  const reasons: Record<string, number> = {};
  for (const l of lines) {
    counts[l.kind]++;
    if (l.reason && l.kind !== 'blank') reasons[l.reason] = (reasons[l.reason] ?? 0) + 1;
  }
  const info: DocumentInfo = {
    file: file.id,
    sha256: file.sha256,
    bytes: file.bytes,
    lineCount: lines.length,
    sentenceCount,
    lines: counts,
    reasons,
  };
  const original = counts.duplicate > 0 ? copyOf(lines) : undefined;
  const lost = sentenceCount === 0 && counts.duplicate === 0 ? noContent(lines) : undefined;
  return {
    ...info,
    ...(original !== undefined ? { copyOf: original } : {}),
    ...(copies && copies.length > 0 ? { copies: [...copies] } : {}),
    ...(lost ? { noContent: lost } : {}),
  };
}

/** The document info of every file, in corpus order. */
export function documentInfos(
  files: readonly SourceFile[],
  lines: LineTable,
  sentences: readonly Sentence[],
): DocumentInfo[] {
  const perFile = new Map<string, number>();
  for (const s of sentences) perFile.set(s.file, (perFile.get(s.file) ?? 0) + 1);
  // Per original, the files that copy some of its lines (files in corpus order).
  const copies = new Map<string, string[]>();
  for (const f of files)
    for (const l of lines.get(f.id) ?? []) {
      if (l.kind !== 'duplicate' || !l.original) continue;
      const list =
        copies.get(l.original.file) ?? copies.set(l.original.file, []).get(l.original.file)!;
      if (list[list.length - 1] !== f.id) list.push(f.id);
    }
  return files.map((f) =>
    documentInfo(f, lines.get(f.id) ?? [], perFile.get(f.id) ?? 0, copies.get(f.id)),
  );
}

/** Files that are wholly a copy of another, with their original. */
export function wholeCopies(files: readonly SourceFile[], lines: LineTable): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of files) {
    const original = copyOf(lines.get(f.id) ?? []);
    if (original !== undefined) out.set(f.id, original);
  }
  return out;
}
