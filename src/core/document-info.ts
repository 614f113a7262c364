import type { NoContent } from '../../schemas/document.js';
import { type ClassifiedLine, proseTally } from './classify/index.js';

/**
 * What `GET /v1/documents` says of a file beyond its line counts: whether it is a file of prose
 * that yields no content sentence (a silent loss, made loud). Copies (`copyOf`, `copies`) are read
 * from the line columns (`copyOfFile`, `copiersByOriginal`).
 */

/** Share of a file's judged words that must be sentence-shaped for the file to be "mostly prose". */
export const MOSTLY_PROSE = 0.5;

/** Why a file of prose yields no content sentence, or undefined (it yields some, or is no prose). */
export function noContent(lines: readonly ClassifiedLine[]): NoContent | undefined {
  const tally = proseTally(lines);
  if (tally.prose === 0 || tally.prose < MOSTLY_PROSE * tally.words) return undefined;
  return {
    proseWords: tally.prose,
    share: Math.round((tally.prose / Math.max(1, tally.words)) * 1e4) / 1e4,
    reasons: { ...tally.lost },
  };
}
