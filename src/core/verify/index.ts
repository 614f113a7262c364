/** Stage 7, verify: a citation checked against the files as they are now; the outcome is data. */
export { type CitationClaim, verifyCitation } from './verify.js';
