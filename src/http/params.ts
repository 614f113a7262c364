import { z } from '@hono/zod-openapi';
import {
  MAX_FILE_ID_CHARS,
  MAX_QUERY_CHARS,
  MAX_SENTENCES,
  MAX_TOPIC_ID_CHARS,
  MAX_WORDS,
  TOPICS_PAGE,
} from '../core/index.js';

/**
 * Path and query parameter schemas of the routes. Query values arrive as strings and are
 * coerced to integers, then range-checked: `maxSentences=0` or `maxWords=abc` fail with 400
 * and a `detail` naming the parameter.
 */

/** `maxSentences`: 1..50, default 5. */
export const MaxSentencesParam = z.coerce
  .number()
  .int()
  .min(MAX_SENTENCES.min)
  .max(MAX_SENTENCES.max)
  .optional()
  .openapi({
    description: `At most this many sentences (${MAX_SENTENCES.min}–${MAX_SENTENCES.max}, default ${MAX_SENTENCES.default}).`,
    default: MAX_SENTENCES.default,
    example: MAX_SENTENCES.default,
  });

/** `maxWords`: 1..5000, default 250; the budget is never exceeded. */
export const MaxWordsParam = z.coerce
  .number()
  .int()
  .min(MAX_WORDS.min)
  .max(MAX_WORDS.max)
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
    example: 'user numbers of the messaging apps',
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
      example: '003_2772de2c2eaa7074.txt',
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
      example: 's-3f9a1c2e7b',
    }),
});

/** Query of GET /v1/documents/{file}/lines: an optional 1-based inclusive range. */
export const LinesQuery = z
  .object({
    start: z.coerce
      .number()
      .int()
      .min(1)
      .optional()
      .openapi({ description: 'First line, 1-based (default 1).', example: 3 }),
    end: z.coerce.number().int().min(1).optional().openapi({
      description: 'Last line, 1-based, inclusive (default: the last line; clamped to the file).',
      example: 5,
    }),
  })
  .refine((q) => q.start === undefined || q.end === undefined || q.end >= q.start, {
    message: 'must not be less than start',
    path: ['end'],
  });

/** Query of GET /v1/topics: a page of the story list. */
export const TopicsQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(TOPICS_PAGE.min)
    .max(TOPICS_PAGE.max)
    .optional()
    .openapi({
      description: `Stories per page (${TOPICS_PAGE.min}–${TOPICS_PAGE.max}, default ${TOPICS_PAGE.default}).`,
      default: TOPICS_PAGE.default,
      example: TOPICS_PAGE.default,
    }),
  cursor: z.string().min(1).max(200).optional().openapi({
    description:
      'Where the page starts: the `nextCursor` of the previous page (absent: the first).',
    example: 'NTA6OGE5ZjJjMWUwZDdhNmI1Yw',
  }),
});
