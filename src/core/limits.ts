/**
 * Every default and limit of the service, written once: the schemas, the route parameters, the
 * command line, the page and the core all read them from here.
 */

/** A whole-number range, both ends included. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

/** A whole-number range with its default. */
export interface Limit extends Range {
  readonly default: number;
}

/** Sentences in one summary: 1–50, default 5. */
export const MAX_SENTENCES: Limit = { min: 1, max: 50, default: 5 };

/** Word budget of one summary (whitespace-separated words, never exceeded): 1–5000, default 250. */
export const MAX_WORDS: Limit = { min: 1, max: 5000, default: 250 };

/**
 * Line numbers a request may name (`start`/`end` of a file's lines): 1-based; no file of at most
 * 2^31 − 1 bytes (the largest MAX_FILE_BYTES) has more lines.
 */
export const LINE_NUMBERS: Range = { min: 1, max: 2 ** 31 - 1 };

/**
 * Lines in one answer of `GET /v1/documents/{file}/lines` without an `end`: a page, with a `next`
 * link to the following one (a 12 MB file would otherwise be tens of MB of JSON).
 */
export const DEFAULT_LINES_PAGE = 1000;

/** Most lines one lines answer holds: a longer range is cut to its first this many, with `next`. */
export const MAX_LINES_PAGE = 5000;

/** Default number of sentences in a summary. */
export const DEFAULT_MAX_SENTENCES = MAX_SENTENCES.default;

/** Default word budget of a summary. */
export const DEFAULT_MAX_WORDS = MAX_WORDS.default;

/** Longest query text, in characters. */
export const MAX_QUERY_CHARS = 2000;

/** Longest topic id accepted in a path. */
export const MAX_TOPIC_ID_CHARS = 200;

/** Longest file id accepted in a path. */
export const MAX_FILE_ID_CHARS = 4096;

/** Longest name of a posted document. */
export const MAX_POSTED_NAME_CHARS = 1024;

/** Most citations one verify request may carry. */
export const MAX_VERIFY_CITATIONS = 10_000;

/** Most files a story lists in topic lists (the full list is in the topic's own detail). */
export const MAX_TOPIC_FILES = 20;

/** Most files a facet lists (its files are its story's; the full list is in its detail). */
export const MAX_FACET_FILES = 5;

/** Stories per page of the topic list: 1–500, default 50. */
export const TOPICS_PAGE: Limit = { min: 1, max: 500, default: 50 };

/** Most citations listed for one summary sentence (its `support` still counts every file). */
export const MAX_CITATIONS = 25;

/** Default size limit of one file of the data folder: 10 MB. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Default request body limit: 5 MB. */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Default maximum number of documents one `POST /v1/summarize` may carry. */
export const DEFAULT_MAX_DOCUMENTS = 1000;

/**
 * Largest request line plus headers the HTTP server reads (Node's `maxHeaderSize`): 32 KiB, so a
 * query of MAX_QUERY_CHARS characters fits even when every character is 9 bytes percent-encoded
 * (Node's default, 16 KiB, refused a 2,000-character query in Chinese). Larger → 431.
 */
export const MAX_HEADER_BYTES = 32 * 1024;

/** Time a client has to send the request line and headers (Node's `headersTimeout`); later → 408. */
export const HEADERS_TIMEOUT_MS = 60_000;

/** Time a client has to send a whole request, body included (Node's `requestTimeout`); later → 408. */
export const REQUEST_TIMEOUT_MS = 300_000;

/**
 * Deepest Markdown nesting read as structure: container markers (`>`, list markers) one line
 * opens or continues, and emphasis, strikethrough and link brackets open at once in one
 * paragraph. markdown-it's `maxNesting` in its default preset; deeper markers are flattened
 * (container markers dropped as markup, inline delimiters read as literal characters) so that
 * neither the parser nor a walk over its tree is handed unbounded nesting. See
 * src/core/parse/markdown-guard.ts.
 */
export const MAX_MARKDOWN_NESTING = 100;

/**
 * Widest container prefix (indentation and markers) of a Markdown line read as structure, in
 * columns: room for MAX_MARKDOWN_NESTING levels of four-column list indentation. Lists nested by
 * indentation alone cannot go deeper than this allows.
 */
export const MAX_MARKDOWN_PREFIX_COLUMNS = 4 * MAX_MARKDOWN_NESTING;

/**
 * Most emphasis, strikethrough and bracket delimiter runs read as markup in one Markdown
 * paragraph; later ones are literal characters. micromark resolves them in time quadratic in
 * their number (a paragraph of 20,000 stray `]` took 18 s); no paragraph of the package READMEs
 * the eval audits holds more than 150.
 */
export const MAX_INLINE_DELIMITERS = 1000;

/**
 * The Markdown parser's work budget, in estimated steps: `MARKDOWN_WORK_BASE +
 * MARKDOWN_WORK_PER_CHAR × length`. The estimate sums, per paragraph, the squares of its delimiter
 * runs and of its lazy continuation lines under a container (the parser's quadratic costs;
 * markdown-guard.ts). A file over budget is read as text with its markup stripped instead,
 * deterministically (the estimate is a function of the text, never of the clock). The package
 * READMEs reach at most 3 steps per character; the budget bounds the quadratic part of parsing a
 * 10 MB file to a few seconds.
 */
export const MARKDOWN_WORK_BASE = 4_000_000;

/** See {@link MARKDOWN_WORK_BASE}. */
export const MARKDOWN_WORK_PER_CHAR = 16;

/**
 * Deepest HTML element nesting read as structure: Chromium's and Safari's HTML tree builders
 * stop nesting at 512 (`kMaximumHTMLParserDOMTreeDepth`) and attach deeper elements as siblings;
 * the parse stage does the same, so a page reads as those browsers show it and the recursive
 * walks over its tree stay bounded. See src/core/parse/html-tree.ts.
 */
export const MAX_HTML_DEPTH = 512;

/**
 * Longest sentence, in UTF-16 code units: a longer one (a dump, a log, a line of words that never
 * reaches a full stop) is cut into pieces of at most this length, at a clause mark where there is
 * one, else between two words, each piece with its exact span, as a reader breaks a run-on text.
 * About 170 words. The longest sentence of every corpus measured is shorter or barely longer
 * (MultiLing 2011: 480; Opinosis: 767; the package READMEs: 1,080, a list of 22 names, cut in two
 * halves); a run-on sentence's cost grows with its length squared in the stages after segmenting
 * (4 MB of words with no sentence end took 72 s to build). See src/core/segment/bounded-cuts.ts.
 */
export const MAX_SENTENCE_CHARS = 1000;

/**
 * Longest text analysed by wink-nlp at once, in UTF-16 code units: a longer paragraph (one line of
 * megabytes) is analysed in windows of this size, each ending between two words, the sentence
 * that runs across a window's end read again, whole, by the next. No paragraph of ordinary prose
 * is this long, so their analysis is unchanged.
 */
export const ANALYSIS_WINDOW_CHARS = 100_000;
