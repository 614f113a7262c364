import type { VerifyResult } from '../../../schemas/verify.js';
import type { CorpusView } from '../model.js';
import { type CitationClaim, verifyCitation } from '../verify/index.js';

/**
 * Checks citations against the model's files, one result per citation in order; a citation of a
 * skipped file says why it is skipped.
 */
export function verifyCitations(
  model: CorpusView,
  claims: readonly CitationClaim[],
): VerifyResult[] {
  const skipped = new Map(model.skipped.map((s) => [s.file, s.reason]));
  return claims.map((c) => verifyCitation(model.byId, c, skipped));
}
