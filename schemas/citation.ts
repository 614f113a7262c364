import { z } from '@hono/zod-openapi';
import { LineSpanSchema, OffsetSpanSchema } from './span.js';

/** Where a statement comes from, precise enough to re-check it byte for byte. */
export const CitationSchema = z
  .object({
    file: z.string().openapi({
      description: "Corpus file id (or the caller's `file` name for posted documents).",
      example: '003_2772de2c2eaa7074.txt',
    }),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .openapi({
        description:
          "SHA-256 of the file's bytes (of the text's UTF-8 bytes for posted documents).",
        example: '5b1c0a6e2d0c5f0a7f1b8e9c3d2a4b6c8e0f1a2b3c4d5e6f708192a3b4c5d6e7',
      }),
    lines: LineSpanSchema,
    offsets: OffsetSpanSchema,
    quote: z.string().openapi({
      description: 'Exactly the file text between the offsets.',
      example:
        'Access to calls in foreign messengers will be restored after they start complying with Russian legislation.',
    }),
    href: z.string().openapi({
      description: 'Spot-check URL of the cited lines.',
      example: '/v1/documents/003_2772de2c2eaa7074.txt/lines?start=3&end=3',
    }),
  })
  .openapi('Citation', {
    description:
      'Where a statement comes from, precise enough to re-check it character for character.',
  });

export type Citation = z.infer<typeof CitationSchema>;
