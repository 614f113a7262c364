import { z } from '@hono/zod-openapi';
import { EXAMPLE_CITATION } from './examples.js';
import { LineSpanSchema, OffsetSpanSchema } from './span.js';

/** Where a statement comes from, precise enough to re-check it byte for byte. */
export const CitationSchema = z
  .object({
    file: z.string().openapi({
      description: "Corpus file id (or the caller's `file` name for posted documents).",
      example: EXAMPLE_CITATION.file,
    }),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .openapi({
        description:
          "SHA-256 of the file's bytes (of the text's UTF-8 bytes for posted documents).",
        example: EXAMPLE_CITATION.sha256,
      }),
    lines: LineSpanSchema,
    offsets: OffsetSpanSchema,
    quote: z.string().openapi({
      description: 'Exactly the file text between the offsets.',
      example: EXAMPLE_CITATION.quote,
    }),
    href: z.string().openapi({
      description: 'Spot-check URL of the cited lines.',
      example: EXAMPLE_CITATION.href,
    }),
  })
  .openapi('Citation', {
    description:
      'Where a statement comes from, precise enough to re-check it character for character.',
  });

export type Citation = z.infer<typeof CitationSchema>;
