import { z } from '@hono/zod-openapi';

/** The kinds a line can be; only `content` lines are ever summarized. */
export const LineKindSchema = z
  .enum(['content', 'heading', 'boilerplate', 'duplicate', 'blank'])
  .openapi('LineKind', {
    description:
      'What a line is: only `content` lines feed summaries. A `duplicate` line is a copy of content in another file (its `original`): the summary cites that original and lists this copy as a further citation.',
  });

/** Where the content a duplicate line copies stays content. */
export const LinePointerSchema = z
  .object({
    file: z.string().openapi({
      description: 'File id of the original.',
      example: '001_df515b8c033e9bb4.txt',
    }),
    line: z
      .number()
      .int()
      .min(1)
      .openapi({ description: '1-based line number in the original.', example: 12 }),
  })
  .openapi('LinePointer', {
    description: 'A line of another file: the original a duplicate line copies.',
  });

/** Reasons the line rules give (every other reason but `blank` comes from a Markdown or HTML block's kind). */
export const RULE_LINE_REASONS = [
  'heading',
  'template',
  'duplicate',
  'call-to-action',
  'navigation',
  'photo-credit',
  'byline',
  'dateline',
  'url',
  'cross-promotion',
  'fragment',
] as const;

/** Why a line is not content (absent for content lines). */
export const LineReasonSchema = z
  .enum([
    'blank',
    ...RULE_LINE_REASONS,
    // Markdown and HTML: the block the line belongs to (src/core/parse).
    'code',
    'html',
    'definition',
    'badge',
    'image',
    'front-matter',
    'thematic-break',
    'table',
    'footnote',
    'caption',
    'title',
    'markup',
    // HTML page furniture.
    'script',
    'style',
    'header',
    'footer',
    'aside',
    'form',
    'cookie-banner',
    'embed',
    'hidden',
    'outside-article',
    'breadcrumb',
    'related',
    'share',
    'comments',
    'newsletter',
    'advertisement',
    'banner',
    // A line of markup only in a file read as stripped text (its parser could not read it).
    'unparsed',
  ])
  .openapi('LineReason', {
    description:
      'Why a line was kept out of summaries: from its shape and repetition (plain text, and what remains content in Markdown and HTML), or from the Markdown or HTML block it belongs to (`code`, `table`, `badge`, `front-matter`, `script`, `cookie-banner`, …; `markup` for a line of tags only; `unparsed` for one in a file its parser could not read, which was read as text with its markup stripped).',
  });

/** One line of a file, exactly as stored, without its line-break characters. */
export const LineSchema = z
  .object({
    number: z.number().int().min(1).openapi({ description: '1-based line number.', example: 15 }),
    start: z.number().int().min(0).openapi({
      description:
        "Offset of the line's first character in the file's text (0-based, UTF-16 code units, as citation offsets).",
      example: 2484,
    }),
    end: z.number().int().min(0).openapi({
      description:
        "Offset just past the line's last character, excluding its line break (exclusive): `text` is the file's text from `start` to `end`.",
      example: 2500,
    }),
    text: z.string().openapi({
      description: 'The exact line text, without line-break characters.',
      example: 'Remind me later.',
    }),
    kind: LineKindSchema,
    reason: LineReasonSchema.optional(),
    original: LinePointerSchema.optional().openapi({
      description:
        'For a `duplicate` line: the line of the original file it copies (which stays content there).',
    }),
  })
  .openapi('Line', {
    description:
      'One line of a file exactly as stored (without its line break), with its offsets in the file, its kind and, unless content, the reason.',
  });

/** Counts of lines per kind/reason in one file. */
export const LineCountsSchema = z
  .object({
    content: z
      .number()
      .int()
      .min(0)
      .openapi({ description: 'Lines that feed summaries.', example: 6 }),
    heading: z.number().int().min(0).openapi({ description: 'Section headings.', example: 1 }),
    boilerplate: z.number().int().min(0).openapi({
      description:
        'Navigation, calls to action, credits, templates, code, tables, markup and other non-content lines.',
      example: 8,
    }),
    duplicate: z.number().int().min(0).openapi({
      description: "Copies of another file's content lines (cited with their original).",
      example: 0,
    }),
    blank: z
      .number()
      .int()
      .min(0)
      .openapi({ description: 'Empty or whitespace-only lines.', example: 1 }),
  })
  .openapi('LineCounts', { description: 'How many lines of each kind the file has.' });

/** A file of prose that yields no content sentence: a loss the user should hear about. */
export const NoContentSchema = z
  .object({
    proseWords: z.number().int().min(1).openapi({
      description: 'Words of sentence-shaped text in the file (sentences a reader wrote).',
      example: 412,
    }),
    share: z.number().min(0).max(1).openapi({
      description: "Share of the file's words that are sentence-shaped text.",
      example: 0.93,
    }),
    reasons: z.record(z.string(), z.number().int().min(0)).openapi({
      description: 'Why its sentence-shaped lines were kept out: lines per reason.',
      example: { 'call-to-action': 1 },
    }),
  })
  .openapi('NoContent', {
    description:
      'Set on a file whose text is mostly prose but which yields no content sentence (and is no copy of another file): nothing of it reaches stories or summaries, and the reasons say why.',
  });

/** One served file: identity, fingerprint and what the classifier made of it. */
export const DocumentInfoSchema = z
  .object({
    file: z.string().openapi({
      description: 'File id: path relative to the data folder, `/`-separated.',
      example: '000_3e47eca7661924bb.txt',
    }),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .openapi({
        description: "SHA-256 of the file's bytes, hex.",
        example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      }),
    bytes: z.number().int().min(0).openapi({ description: 'File size in bytes.', example: 2526 }),
    lineCount: z.number().int().min(0).openapi({
      description: 'Number of lines (a last line without a final newline counts).',
      example: 15,
    }),
    sentenceCount: z
      .number()
      .int()
      .min(0)
      .openapi({ description: 'Number of content sentences.', example: 9 }),
    lines: LineCountsSchema,
    reasons: z.record(z.string(), z.number().int().min(0)).openapi({
      description: 'Non-content lines per reason.',
      example: { template: 6, 'call-to-action': 1 },
    }),
    fallback: z.string().optional().openapi({
      description:
        "Present when the file's Markdown or HTML parser could not read it (it failed, or the file would cost it more than its work budget): why. The file was then read as text with its markup stripped (tags and markup removed, character references decoded) and its lines judged by their shape, as plain text is; citations still slice the original bytes.",
      example:
        'its markup would take the Markdown parser about 2.5e7 steps, over its budget of 6.1e6 for 130,027 characters; read as text with its markup stripped',
    }),
    copyOf: z.string().optional().openapi({
      description:
        'Set when the file is wholly a copy of another (every line with text is a duplicate of that file, or not content): the original, which is summarized and cited in its place. The file is listed in its original’s story.',
      example: '001_df515b8c033e9bb4.txt',
    }),
    copies: z
      .array(z.string())
      .optional()
      .openapi({
        description:
          'Files holding duplicates of lines of this file (whole copies or copied passages), in corpus order.',
        example: ['001_df515b8c033e9bb4 (1).txt'],
      }),
    noContent: NoContentSchema.optional(),
  })
  .openapi('DocumentInfo', {
    description: 'One served file: its id, fingerprint and what the line classifier made of it.',
  });

/** A file the loader did not serve, with the reason. */
export const SkippedFileSchema = z
  .object({
    file: z.string().openapi({
      description: 'Path relative to the data folder, `/`-separated.',
      example: 'image.txt',
    }),
    reason: z
      .string()
      .openapi({ description: 'Why the file was skipped.', example: 'not valid UTF-8' }),
  })
  .openapi('SkippedFile', {
    description: 'A file found in the data folder but not served, and why.',
  });

export type LineKind = z.infer<typeof LineKindSchema>;
export type LineReason = z.infer<typeof LineReasonSchema>;
export type Line = z.infer<typeof LineSchema>;
export type LinePointer = z.infer<typeof LinePointerSchema>;
export type NoContent = z.infer<typeof NoContentSchema>;
export type LineCounts = z.infer<typeof LineCountsSchema>;
export type DocumentInfo = z.infer<typeof DocumentInfoSchema>;
export type SkippedFile = z.infer<typeof SkippedFileSchema>;
