import { z } from '@hono/zod-openapi';
import {
  DEFAULT_LINES_PAGE,
  LINE_NUMBERS,
  MAX_LINES_PAGE,
  MAX_FILE_ID_CHARS,
  MAX_QUERY_CHARS,
  MAX_SENTENCES,
  MAX_TOPIC_ID_CHARS,
  MAX_WORDS,
  type Range,
  TOPICS_PAGE,
} from '../core/index.js';
import {
  EXAMPLE_FILE,
  EXAMPLE_QUERY,
  EXAMPLE_STORY_ID,
  EXAMPLE_TOPICS_CURSOR,
} from '../../schemas/examples.js';

/**
 * Path and query parameter schemas of the routes. Integer query values arrive as strings and must
 * be digits only, then are range-checked: `maxSentences=0`, `maxWords=abc` or `start=1e1` fail
 * with 400 and a `detail` naming the parameter.
 */

/** A whole number written with ASCII digits only: no sign, exponent, fraction, hex or spaces. */
export const DIGITS = /^[0-9]+$/;

/**
 * An integer query parameter in `range`: digits only (what `type: integer` promises; `Number()`
 * would also take `1e1`, `0x5`, `1.0`, ` 1` or an empty string), then the range check. The
 * OpenAPI document shows `type: integer` with the range's `minimum` and `maximum`.
 *
 * @example
 * z.object({ maxSentences: strictInt(MAX_SENTENCES).optional() })
 */
export function strictInt(range: Range) {
  return z.preprocess(
    (value, ctx) => {
      if (typeof value !== 'string') return value;
      if (DIGITS.test(value)) return Number(value);
      ctx.addIssue({
        code: 'custom',
        message: `expected a whole number written with digits only, got ${JSON.stringify(value.slice(0, 40))}`,
      });
      return z.NEVER;
    },
    // Range first, and it stops there: a 30-digit value is "too big", not also "not a safe int".
    z.number().min(range.min).max(range.max, { abort: true }).int(),
  );
}

/** `maxSentences`: 1..50, default 5. */
export const MaxSentencesParam = strictInt(MAX_SENTENCES)
  .optional()
  .openapi({
    description: `At most this many sentences (${MAX_SENTENCES.min}–${MAX_SENTENCES.max}, default ${MAX_SENTENCES.default}).`,
    default: MAX_SENTENCES.default,
    example: MAX_SENTENCES.default,
  });

/** `maxWords`: 1..5000, default 250; the budget is never exceeded. */
export const MaxWordsParam = strictInt(MAX_WORDS)
  .optional()
  .openapi({
    description: `Word budget of the whole summary (${MAX_WORDS.min}–${MAX_WORDS.max}, default ${MAX_WORDS.default}); never exceeded.`,
    default: MAX_WORDS.default,
    example: MAX_WORDS.default,
  });

/** Options every summary route takes. */
export const SummaryOptionsQuery = z.object({
  maxSentences: MaxSentencesParam,
  maxWords: MaxWordsParam,
});

/** Query of GET /v1/summary. */
export const CorpusSummaryQuery = SummaryOptionsQuery.extend({
  query: z.string().max(MAX_QUERY_CHARS).optional().openapi({
    description:
      'Free text: a query-focused summary. Absent or empty: a summary of the whole corpus.',
    example: EXAMPLE_QUERY,
  }),
});

/** `{file}`: a percent-encoded file id (ids may contain `/`, sent as `%2F`). */
export const FileParams = z.object({
  file: z
    .string()
    .min(1)
    .max(MAX_FILE_ID_CHARS)
    .openapi({
      param: { name: 'file', in: 'path' },
      description: 'File id, percent-encoded (a `/` in the id is sent as `%2F`).',
      example: EXAMPLE_FILE,
    }),
});

/** `{topicId}`. */
export const TopicParams = z.object({
  topicId: z
    .string()
    .min(1)
    .max(MAX_TOPIC_ID_CHARS)
    .openapi({
      param: { name: 'topicId', in: 'path' },
      description: 'Story or facet id from `GET /v1/topics`.',
      example: EXAMPLE_STORY_ID,
    }),
});

/** Query of GET /v1/documents/{file}/lines: an optional 1-based inclusive range, paged. */
export const LinesQuery = z
  .object({
    start: strictInt(LINE_NUMBERS)
      .optional()
      .openapi({ description: 'First line, 1-based (default 1).', example: 3 }),
    end: strictInt(LINE_NUMBERS)
      .optional()
      .openapi({
        description: `Last line, 1-based, inclusive. Default: a page of ${DEFAULT_LINES_PAGE} lines from \`start\`. Clamped to the file, and to ${MAX_LINES_PAGE} lines from \`start\` (follow \`next\` for more).`,
        example: 5,
      }),
  })
  .refine((q) => q.start === undefined || q.end === undefined || q.end >= q.start, {
    message: 'must not be less than start',
    path: ['end'],
  });

/** Query of GET /v1/topics: a page of the story list. */
export const TopicsQuery = z.object({
  limit: strictInt(TOPICS_PAGE)
    .optional()
    .openapi({
      description: `Stories per page (${TOPICS_PAGE.min}–${TOPICS_PAGE.max}, default ${TOPICS_PAGE.default}).`,
      default: TOPICS_PAGE.default,
      example: TOPICS_PAGE.default,
    }),
  cursor: z.string().min(1).max(200).optional().openapi({
    description:
      'Where the page starts: the `nextCursor` of the previous page (absent: the first). A cursor belongs to one state of the corpus (the example is the seed corpus’s, from its second story on).',
    example: EXAMPLE_TOPICS_CURSOR,
  }),
});
