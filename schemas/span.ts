import { z } from '@hono/zod-openapi';

/** 1-based, inclusive line range: the lines a reader opens to check a citation. */
export const LineSpanSchema = z
  .object({
    start: z.number().int().min(1).openapi({ description: 'First line, 1-based.', example: 9 }),
    end: z
      .number()
      .int()
      .min(1)
      .openapi({ description: 'Last line, 1-based, inclusive.', example: 9 }),
  })
  .openapi('LineSpan', { description: 'A 1-based, inclusive range of lines.' });

/** 0-based, end-exclusive range of UTF-16 code units into the decoded file text (unist/vfile convention). */
export const OffsetSpanSchema = z
  .object({
    start: z
      .number()
      .int()
      .min(0)
      .openapi({ description: 'First UTF-16 code unit, 0-based.', example: 512 }),
    end: z
      .number()
      .int()
      .min(0)
      .openapi({ description: 'One past the last UTF-16 code unit (exclusive).', example: 620 }),
  })
  .openapi('OffsetSpan', {
    description:
      'A 0-based range of UTF-16 code units into the decoded file text (a leading BOM is not counted), end exclusive: `text.slice(start, end)`.',
  });

export type LineSpan = z.infer<typeof LineSpanSchema>;
export type OffsetSpan = z.infer<typeof OffsetSpanSchema>;
