/**
 * Line shapes shared by the line classifier and the segmenter. They must agree: a marker the
 * classifier strips before judging a line is the marker the segmenter keeps outside the
 * sentence span, so both read these definitions and neither keeps its own copy.
 *
 * Horizontal whitespace is `[^\S\r\n]`: any Unicode space (tab, no-break space, em space, …)
 * but never a line break.
 */

/** Closing quotes and brackets that may follow a sentence's final punctuation. */
const CLOSERS = `["'”’»)\\]]*`;

/** A list marker opening a line ("• ", "- ", "1. ", "a) "), with its indentation and the space after it. */
export const BULLET = /^[^\S\r\n]*(?:[•·▪◦‣●○■□➢►–—*+-]|\d{1,3}[.)]|[a-zA-Z][.)])[^\S\r\n]+/u;

/** A line (trimmed) that ends a sentence: final punctuation, perhaps closing quotes or brackets. */
export const SENTENCE_END = new RegExp(`[.!?…。]${CLOSERS}$`, 'u');

/**
 * A line that ends a sentence or a clause that may stand at the end of a paragraph (colon,
 * semicolon), trailing whitespace allowed: the next line opens a new paragraph rather than
 * continuing this one.
 */
export const CLAUSE_END = new RegExp(`[.!?…。:;]${CLOSERS}\\s*$`, 'u');
