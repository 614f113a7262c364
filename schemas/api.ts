import { z } from '@hono/zod-openapi';
import {
  DEFAULT_LINES_PAGE,
  DEFAULT_MAX_DOCUMENTS,
  MAX_LINES_PAGE,
  MAX_POSTED_NAME_CHARS,
  MAX_QUERY_CHARS,
  MAX_SENTENCES,
  MAX_WORDS,
} from '../src/core/limits.js';
import { DocumentInfoSchema, LineSchema, SkippedFileSchema } from './document.js';
import { EXAMPLE_POSTED_DOCUMENTS } from './examples.js';
import { FingerprintSchema } from './fingerprint.js';
import { StorySummarySchema, SummarySchema } from './summary.js';

/**
 * Request and response shapes of the HTTP API v1 that are not core types. The core's own
 * shapes (Citation, Summary, Topic, DocumentInfo, Line, VerifyResult, Problem) live in
 * their own files; this file composes them into the bodies the routes send and accept.
 */

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export { FingerprintSchema };

/** Where the service is in its life (`/healthz`'s `phase`; `/readyz` answers 200 only in `ready`). */
export const ReadinessPhaseSchema = z
  .enum(['starting', 'loading', 'workers', 'ready', 'draining'])
  .openapi('ReadinessPhase', {
    description:
      '`starting`: the HTTP routes are loading; `loading`: no corpus is served yet (the index is read, or built on a first start); `workers`: the corpus is served, the compute workers are still reading the model; `ready`: everything is served; `draining`: shutting down, finishing the requests in flight.',
    example: 'ready',
  });

/** The served corpus' fingerprint and counts, as the probes report them. */
const CorpusCountsShape = {
  corpus: FingerprintSchema.optional(),
  documents: z
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ description: 'Files served.', example: 5 }),
  skipped: z
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ description: 'Files the loader skipped (see `GET /v1/documents`).', example: 0 }),
  sentences: z
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ description: 'Content sentences in the corpus.', example: 71 }),
  topics: z
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ description: 'Stories discovered.', example: 2 }),
  facets: z
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ description: 'Facets of all stories.', example: 8 }),
  copies: z.number().int().min(0).optional().openapi({
    description:
      'Files that are wholly a copy of another file (`copyOf` in `GET /v1/documents`): cited through their original.',
    example: 0,
  }),
  proseWithoutContent: z.number().int().min(0).optional().openapi({
    description:
      'Files whose text is mostly prose but which yield no content sentence (`noContent` in `GET /v1/documents`, with the reasons): nothing of them reaches a summary.',
    example: 0,
  }),
  loadedAt: z.string().optional().openapi({
    description: 'When the served corpus was loaded (ISO 8601).',
    example: '2026-11-22T14:50:00.000Z',
  }),
  message: z.string().optional().openapi({
    description: 'Set when the corpus is empty or the data folder is missing.',
    example: 'no readable .txt, .md or .html files in data',
  }),
};

/** Answer of GET /healthz. */
export const HealthSchema = z
  .object({
    status: z
      .literal('ok')
      .openapi({ description: 'Always `ok` when the process answers.', example: 'ok' }),
    ready: z.boolean().openapi({
      description: 'Whether `GET /readyz` answers 200 now.',
      example: true,
    }),
    phase: ReadinessPhaseSchema,
    uptime: z.number().min(0).openapi({
      description: 'Seconds since the process started.',
      example: 42.5,
    }),
    ...CorpusCountsShape,
  })
  .openapi('Health', {
    description:
      'Answer of `GET /healthz`. The corpus fields are present once a corpus is served (with `API_KEY` set, only to a caller who sends the key).',
  });

/** Answer of GET /readyz when the service is ready. */
export const ReadySchema = z
  .object({
    status: z.literal('ready').openapi({ description: 'Always `ready`.', example: 'ready' }),
    ...CorpusCountsShape,
  })
  .openapi('Ready', {
    description:
      'Answer of `GET /readyz` when ready: a corpus is served and every compute worker holds its model. The corpus fields as in `Health`.',
  });

/** Answer of GET /v1/documents. */
export const DocumentListSchema = z
  .object({
    corpus: FingerprintSchema,
    documents: z.array(DocumentInfoSchema).openapi({ description: 'Served files in id order.' }),
    skipped: z
      .array(SkippedFileSchema)
      .openapi({ description: 'Files found but not served, with the reason.' }),
    message: z.string().optional().openapi({
      description: 'Set when the corpus is empty or the data folder is missing.',
      example: 'no readable .txt, .md or .html files in data',
    }),
  })
  .openapi('DocumentList', {
    description: 'Answer of `GET /v1/documents`: the served files and the skipped ones.',
  });

/** Answer of GET /v1/documents/{file}: a file's info and its exact decoded text. */
export const DocumentSchema = DocumentInfoSchema.extend({
  corpus: FingerprintSchema,
  text: z.string().openapi({
    description:
      "The decoded file text (a leading BOM removed). Every citation's `offsets` index into this string: `text.slice(offsets.start, offsets.end) === quote`.",
    example: 'In a rare display of state-authorized dissent, …',
  }),
  linesHref: z.string().openapi({
    description: 'URL of the classified lines of this file.',
    example: '/v1/documents/000_3e47eca7661924bb.txt/lines',
  }),
}).openapi('Document', {
  description: "Answer of `GET /v1/documents/{file}`: a file's info and its exact decoded text.",
});

/** Answer of GET /v1/documents/{file}/lines. */
export const DocumentLinesSchema = z
  .object({
    file: z.string().openapi({ description: 'File id.', example: '003_2772de2c2eaa7074.txt' }),
    sha256: Sha256.openapi({
      description: "SHA-256 of the file's bytes.",
      example: '5b1c0a6e2d0c5f0a7f1b8e9c3d2a4b6c8e0f1a2b3c4d5e6f708192a3b4c5d6e7',
    }),
    lineCount: z
      .number()
      .int()
      .min(0)
      .openapi({ description: 'Lines in the whole file.', example: 15 }),
    lines: z.array(LineSchema).openapi({
      description: `The requested lines (at most ${MAX_LINES_PAGE}; ${DEFAULT_LINES_PAGE} without \`end\`), exactly as stored, without line-break characters.`,
    }),
    next: z.string().optional().openapi({
      description:
        'URL of the following page of as many lines; absent when this page ends at the last line.',
      example: '/v1/documents/003_2772de2c2eaa7074.txt/lines?start=1001&end=2000',
    }),
  })
  .openapi('DocumentLines', {
    description:
      'Answer of `GET /v1/documents/{file}/lines`: the exact lines of a range, one page at a time.',
  });

/** One document a caller sends to POST /v1/summarize. */
export const PostedDocumentSchema = z
  .object({
    file: z.string().min(1).max(MAX_POSTED_NAME_CHARS).openapi({
      description: 'Your name for the document; citations refer to it.',
      example: EXAMPLE_POSTED_DOCUMENTS[0].file,
    }),
    text: z.string().openapi({
      description:
        'The document text. Offsets in citations count UTF-16 code units into it (a leading BOM removed).',
      example: EXAMPLE_POSTED_DOCUMENTS[0].text,
    }),
  })
  .strict()
  .openapi('PostedDocument', { description: 'One document sent to `POST /v1/summarize`.' });

/** Body of POST /v1/summarize. */
export const SummarizeRequestSchema = z
  .object({
    documents: z
      .array(PostedDocumentSchema)
      .min(1)
      .superRefine((docs, ctx) => {
        const seen = new Set<string>();
        docs.forEach((d, i) => {
          if (seen.has(d.file))
            ctx.addIssue({
              code: 'custom',
              path: [i, 'file'],
              message: `duplicate file name ${JSON.stringify(d.file)}`,
            });
          seen.add(d.file);
        });
      })
      .openapi({
        description: `The documents to summarize (distinct \`file\` names). Over the configured maximum (default ${DEFAULT_MAX_DOCUMENTS}) the request is refused with 413.`,
      }),
    query: z.string().max(MAX_QUERY_CHARS).optional().openapi({
      description: 'Optional query: a query-focused summary.',
      example: 'harbour budget',
    }),
    maxSentences: z
      .number()
      .int()
      .min(MAX_SENTENCES.min)
      .max(MAX_SENTENCES.max)
      .optional()
      .openapi({
        description: `At most this many sentences (default ${MAX_SENTENCES.default}).`,
        example: MAX_SENTENCES.default,
      }),
    maxWords: z
      .number()
      .int()
      .min(MAX_WORDS.min)
      .max(MAX_WORDS.max)
      .optional()
      .openapi({
        description: `Word budget, never exceeded (default ${MAX_WORDS.default}).`,
        example: MAX_WORDS.default,
      }),
    topics: z.boolean().optional().openapi({
      description:
        "Also discover the documents' stories and their facets, and summarize each (two levels).",
      example: false,
    }),
  })
  .strict()
  .openapi('SummarizeRequest', { description: 'Body of `POST /v1/summarize`.' });

/** Answer of POST /v1/summarize. */
export const SummarizeResponseSchema = z
  .object({
    summary: SummarySchema,
    topics: z.array(StorySummarySchema).optional().openapi({
      description:
        'With `topics: true`: one summary per story of the documents (its `topic` field holds the story), each with one summary per facet.',
    }),
  })
  .openapi('SummarizeResponse', { description: 'Answer of `POST /v1/summarize`.' });

export type Health = z.infer<typeof HealthSchema>;
export type Ready = z.infer<typeof ReadySchema>;
export type ReadinessPhase = z.infer<typeof ReadinessPhaseSchema>;
export type DocumentList = z.infer<typeof DocumentListSchema>;
export type Document = z.infer<typeof DocumentSchema>;
export type DocumentLines = z.infer<typeof DocumentLinesSchema>;
export type PostedDocument = z.infer<typeof PostedDocumentSchema>;
export type SummarizeRequest = z.infer<typeof SummarizeRequestSchema>;
export type SummarizeResponse = z.infer<typeof SummarizeResponseSchema>;
