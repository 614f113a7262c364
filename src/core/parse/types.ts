/**
 * Types of the parse stage: a document becomes a list of blocks, each with the text a
 * reader sees and, per UTF-16 code unit of that text, the source span it was read from.
 *
 * Offsets are 0-based UTF-16 code units into the ORIGINAL file text, end exclusive.
 */

/** The input formats the parse stage understands. */
export type DocumentFormat = 'markdown' | 'html';

/**
 * What a block is, structurally. Markdown and HTML share the prose kinds; the rest name
 * the thing a reader would point at ("that's the nav", "that's a code sample").
 */
export type BlockKind =
  // prose (content when inside the article)
  | 'paragraph'
  | 'list-item'
  | 'blockquote'
  // text kept but not summarized
  | 'heading'
  | 'footnote'
  | 'caption'
  | 'byline'
  | 'table'
  // not prose
  | 'code'
  | 'html'
  | 'definition'
  | 'badge'
  | 'image'
  | 'front-matter'
  | 'thematic-break'
  | 'navigation'
  // HTML page furniture
  | 'script'
  | 'style'
  | 'header'
  | 'footer'
  | 'aside'
  | 'form'
  | 'cookie-banner'
  | 'embed'
  | 'hidden';

/**
 * Why a block is kept out of summaries. Most equal the block's kind; the extra ones say
 * which rule fired when the kind alone does not (an HTML paragraph outside the article,
 * an `aside` that is a share bar, a `form` that is a newsletter box).
 */
export type BlockReason =
  | Exclude<BlockKind, 'paragraph' | 'list-item' | 'blockquote'>
  | 'title'
  | 'outside-article'
  | 'breadcrumb'
  | 'related'
  | 'share'
  | 'comments'
  | 'newsletter'
  | 'advertisement'
  | 'banner'
  // a line of markup only, in a file read as stripped text because its parser could not read it
  | 'unparsed';

/**
 * One block of a document, in source order; blocks never overlap.
 *
 * Invariants (tested): `sourceStart.length === sourceEnd.length === text.length`;
 * `start <= sourceStart[k] < sourceEnd[k] <= end`; `sourceEnd[k-1] <= sourceStart[k]`
 * except that code units rendered from one source construct (a surrogate pair decoded from
 * `&#128512;`, a tab expanded to spaces) share one span; a character copied verbatim has
 * `source.slice(sourceStart[k], sourceEnd[k]) === text[k]`.
 */
export interface Block {
  readonly kind: BlockKind;
  /** Offset of the block's first source character (includes its markup, e.g. `## `). */
  readonly start: number;
  /** Offset just past the block's last source character. */
  readonly end: number;
  /** True for running prose that may be summarized. */
  readonly content: boolean;
  /** Why the block is not content; absent exactly when `content` is true. */
  readonly reason?: BlockReason;
  /**
   * What a reader sees: markup removed, entities and escapes decoded, soft line breaks as
   * `' '`, hard breaks as `'\n'`, images dropped. Empty for code-like blocks that are not
   * rendered text (`html`, `script`, `style`, `definition`, `front-matter`, `thematic-break`).
   */
  readonly text: string;
  /** Per code unit of `text`: where its source starts. */
  readonly sourceStart: Int32Array;
  /** Per code unit of `text`: just past its source. */
  readonly sourceEnd: Int32Array;
  /**
   * Inline constructs as flat quintuples `[flags, renderStart, renderEnd, srcStart, srcEnd]`
   * (links, emphasis, inline code, ...); see {@link ConstructFlag}. Used to widen citations
   * so that a quote never cuts a construct's markup in half.
   */
  readonly constructs: Int32Array;
}

/** Flags of a construct record in {@link Block.constructs}. */
export const ConstructFlag = {
  /** A sentence splitter should not break inside it (link text, inline code). */
  atomic: 1,
  /** The construct is a link (its text is a link's text). */
  link: 2,
} as const;

/** The parse result of one document. */
export interface ParsedDocument {
  /** Blocks in source order, non-overlapping. */
  readonly blocks: Block[];
  /**
   * Set when the file's parser was not used (it failed, or its input would cost it more than its
   * budget): why. The blocks are then the stripped-text reading of `fallback.ts`.
   */
  readonly fallback?: string;
}

/** The four line kinds of the `/lines` endpoint. */
export type LineKind = 'content' | 'heading' | 'boilerplate' | 'blank';

/** What a source line is, by the block covering most of it. */
export interface LineLabel {
  readonly kind: LineKind;
  /** Kind of the block covering most of the line (absent for blank lines and bare markup). */
  readonly block?: BlockKind;
  /** Why the line is not content (`'markup'` for a line covered by no block, e.g. `<div>`). */
  readonly reason?: BlockReason | 'markup' | 'blank';
}
