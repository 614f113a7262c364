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

/**
 * Checks a citation against the files as they are now: the file exists, its sha256 is the
 * cited one, the text between the offsets equals the quote, and the offsets fall on the
 * cited lines. Pure: the caller passes the current files.
 */
export function verifyCitation(
  files: ReadonlyMap<string, SourceFile>,
  claim: CitationClaim,
): VerifyResult {
  const file = files.get(claim.file);
  if (!file)
    return {
      file: claim.file,
      status: 'not_found',
      reason: `no file ${JSON.stringify(claim.file)} in the corpus`,
    };
  const { start, end } = claim.offsets;
  const inRange = start >= 0 && end >= start && end <= file.text.length;
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
      reason: `offsets ${start}..${end} are outside the file (length ${file.text.length})`,
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
