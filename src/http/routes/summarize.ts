import { createRoute, z } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import {
  type SummarizeRequest,
  type SummarizeResponse,
  SummarizeRequestSchema,
  SummarizeResponseSchema,
} from '../../../schemas/api.js';
import { SUMMARIZE_REQUEST_EXAMPLE } from '../../../schemas/examples.js';
import type { ApiApp, RouteDeps } from '../context.js';
import { answer } from '../middleware.js';
import { problem } from '../problem.js';
import { MARKDOWN_MEDIA_TYPE, MARKDOWN_SHAPE, problemResponses } from '../respond.js';

const summarizeRequest = {
  body: {
    required: true,
    description: 'The documents and the summary options.',
    content: {
      'application/json': { schema: SummarizeRequestSchema, example: SUMMARIZE_REQUEST_EXAMPLE },
    },
  },
};

const summarizeErrors = problemResponses([400, 413, 415, 500, 503], {
  400: 'Malformed JSON, a missing or empty `documents`, wrong types, duplicate file names or unknown keys.',
  413: 'The body is over the size limit (default 5 MB) or carries more documents than allowed (default 1000).',
});

export const summarizeRoute = createRoute({
  method: 'post',
  path: '/v1/summarize',
  tags: ['Summaries'],
  operationId: 'summarizeDocuments',
  summary: 'Summarize documents you send',
  description:
    'The same cited summary as `GET /v1/summary`, over the documents in the body; citations refer to your `file` names and their `href` is `{file}#L{start}-L{end}`. With `topics: true`, also each story of those documents with its summary and its facets’ summaries. Nothing is stored. The body may be at most 5 MB and carry at most 1000 documents (both configurable). The same answer as Markdown: `POST /v1/summarize.md`.',
  request: summarizeRequest,
  responses: {
    200: {
      description: 'The summary (and the topic summaries when asked).',
      content: { 'application/json': { schema: SummarizeResponseSchema } },
    },
    ...summarizeErrors,
  },
});

export const summarizeMarkdownRoute = createRoute({
  method: 'post',
  path: '/v1/summarize.md',
  tags: ['Summaries'],
  operationId: 'summarizeDocumentsMarkdown',
  summary: 'Summarize documents you send, as Markdown',
  description:
    '`POST /v1/summarize` rendered as Markdown with footnoted citations: one section per summary (with `topics: true`, one per story and facet). Same body, same limits.',
  request: summarizeRequest,
  responses: {
    200: {
      description: `The summary as readable Markdown: ${MARKDOWN_SHAPE}`,
      content: {
        [MARKDOWN_MEDIA_TYPE]: {
          schema: z.string().openapi({
            description: 'Markdown with footnoted citations.',
            example:
              '# Summary\n\nThe council approved the harbour budget on Monday.[^1][^2]\n\n[^1]: harbour/monday.txt:1, offsets 0–50: “The council approved the harbour budget on Monday.”\n[^2]: harbour/wire.txt:1, offsets 0–70: “On Monday the council approved the harbour budget after a long debate.”\n',
          }),
        },
      },
    },
    ...summarizeErrors,
  },
});

/** POST /v1/summarize and its Markdown twin, POST /v1/summarize.md. */
export function registerSummarizeRoutes(app: ApiApp, { options, compute }: RouteDeps): void {
  async function summarize(c: Context, body: SummarizeRequest, markdown: boolean) {
    if (body.documents.length > options.maxDocuments) {
      return problem(
        c,
        413,
        `body documents: ${body.documents.length} documents sent, at most ${options.maxDocuments} allowed per request`,
      );
    }
    const text = await compute.posted(body, markdown);
    return answer(c, text, 200, {
      'Content-Type': markdown ? MARKDOWN_MEDIA_TYPE : 'application/json',
    });
  }

  // The JSON text comes from the worker as is: typed as the JSON answer it is.
  app.openapi(
    summarizeRoute,
    (c) =>
      summarize(c, c.req.valid('json'), false) as unknown as Promise<
        TypedResponse<JSONParsed<SummarizeResponse>, 200, 'json'>
      >,
  );
  app.openapi(summarizeMarkdownRoute, (c) => summarize(c, c.req.valid('json'), true));
}
