import { z } from '@hono/zod-openapi';
import { EXAMPLE_CITATION } from './examples.js';

/** 1-based, inclusive line range: the lines a reader opens to check a citation. */
export const LineSpanSchema = z
  .object({
    start: z
      .number()
      .int()
      .min(1)
      .openapi({ description: 'First line, 1-based.', example: EXAMPLE_CITATION.lines.start }),
    end: z.number().int().min(1).openapi({
      description: 'Last line, 1-based, inclusive.',
      example: EXAMPLE_CITATION.lines.end,
    }),
  })
  .openapi('LineSpan', { description: 'A 1-based, inclusive range of lines.' });

/** 0-based, end-exclusive range of UTF-16 code units into the decoded file text (unist/vfile convention). */
export const OffsetSpanSchema = z
  .object({
    start: z.number().int().min(0).openapi({
      description: 'First UTF-16 code unit, 0-based.',
      example: EXAMPLE_CITATION.offsets.start,
    }),
    end: z.number().int().min(0).openapi({
      description: 'One past the last UTF-16 code unit (exclusive).',
      example: EXAMPLE_CITATION.offsets.end,
    }),
  })
  .openapi('OffsetSpan', {
    description:
      'A 0-based range of UTF-16 code units into the decoded file text (a leading BOM is not counted), end exclusive: `text.slice(start, end)`.',
  });

export type LineSpan = z.infer<typeof LineSpanSchema>;
export type OffsetSpan = z.infer<typeof OffsetSpanSchema>;
