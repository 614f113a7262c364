import type { VerifyResult } from '../../../schemas/verify.js';
import type { CorpusModel } from '../model.js';
import { type CitationClaim, verifyCitation } from '../verify/index.js';

/** Checks citations against the model's files, one result per citation in order. */
export function verifyCitations(
  model: CorpusModel,
  claims: readonly CitationClaim[],
): VerifyResult[] {
  return claims.map((c) => verifyCitation(model.byId, c));
}
