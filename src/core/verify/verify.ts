import type { LineSpan, OffsetSpan } from '../../../schemas/span.js';
import type { VerifyResult } from '../../../schemas/verify.js';
import { lineSpanOf, type SourceFile } from '../corpus/index.js';

/** What a caller claims: enough of a citation to check it. */
export interface CitationClaim {
  readonly file: string;
  readonly sha256?: string;
  readonly lines?: LineSpan;
  readonly offsets: OffsetSpan;
  readonly quote: string;
}

/** What is wrong with a claim's offsets on their own (negative or reversed), or undefined. */
function offsetsProblem({ start, end }: OffsetSpan): string | undefined {
  if (start < 0 || end < 0) return `offsets ${start}..${end} are negative: offsets count from 0`;
  if (start > end) return `offsets ${start}..${end} are reversed: start is after end`;
  return undefined;
}

/**
 * Checks a citation against the files as they are now: the file is served, the offsets are a
 * range inside it, its sha256 is the cited one, the text between the offsets equals the quote,
 * and the offsets fall on the cited lines. Every failure is a result with a reason that says what
 * is wrong, never an exception. Pure: the caller passes the current files and, to explain a file
 * that is in the folder but not served, the skipped files with their reasons.
 */
export function verifyCitation(
  files: ReadonlyMap<string, SourceFile>,
  claim: CitationClaim,
  skipped: ReadonlyMap<string, string> = new Map(),
): VerifyResult {
  const file = files.get(claim.file);
  if (!file) {
    const why = skipped.get(claim.file);
    return {
      file: claim.file,
      status: 'not_found',
      reason:
        why === undefined
          ? `no file ${JSON.stringify(claim.file)} in the corpus`
          : `the file ${JSON.stringify(claim.file)} is in the data folder but skipped, so it cannot be checked: ${why}`,
    };
  }
  const { start, end } = claim.offsets;
  const malformed = offsetsProblem(claim.offsets);
  if (malformed)
    return { file: claim.file, status: 'mismatch', reason: malformed, sha256: file.sha256 };
  const length = file.text.length;
  const inRange = end <= length;
  const actual = inRange ? file.text.slice(start, end) : undefined;
  const actualLines = inRange ? lineSpanOf(file.lineIndex, start, end) : undefined;
  const extra = {
    sha256: file.sha256,
    ...(actual !== undefined ? { actual } : {}),
    ...(actualLines ? { actualLines } : {}),
  };
  if (claim.sha256 && claim.sha256.toLowerCase() !== file.sha256) {
    return {
      file: claim.file,
      status: 'stale',
      reason: 'sha256 differs: the file changed since the citation was made',
      ...extra,
    };
  }
  if (!inRange) {
    return {
      file: claim.file,
      status: 'mismatch',
      reason: `offsets ${start}..${end} ${start > length ? 'start' : 'end'} past the end of the file, whose text is ${length} characters long`,
      sha256: file.sha256,
    };
  }
  if (actual !== claim.quote)
    return {
      file: claim.file,
      status: 'mismatch',
      reason: 'the quote is not the text at those offsets',
      ...extra,
    };
  if (
    claim.lines &&
    (claim.lines.start !== actualLines!.start || claim.lines.end !== actualLines!.end)
  ) {
    return {
      file: claim.file,
      status: 'mismatch',
      reason: `the offsets fall on lines ${actualLines!.start}-${actualLines!.end}, not ${claim.lines.start}-${claim.lines.end}`,
      ...extra,
    };
  }
  return { file: claim.file, status: 'verified', sha256: file.sha256 };
}
