import { createRoute, z } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import {
  type SummarizeResponse,
  SummarizeRequestSchema,
  SummarizeResponseSchema,
} from '../../../schemas/api.js';
import type { ApiApp, RouteDeps } from '../context.js';
import { answer } from '../middleware.js';
import { problem } from '../problem.js';
import { MARKDOWN_MEDIA_TYPE, problemResponses, wantsMarkdown } from '../respond.js';

export const summarizeRoute = createRoute({
  method: 'post',
  path: '/v1/summarize',
  tags: ['Summaries'],
  operationId: 'summarizeDocuments',
  summary: 'Summarize documents you send',
  description:
    'The same cited summary as `GET /v1/summary`, over the documents in the body; citations refer to your `file` names and their `href` is `{file}#L{start}-L{end}`. With `topics: true`, also each story of those documents with its summary and its facets’ summaries. Nothing is stored. The body may be at most 5 MB and carry at most 1000 documents (both configurable).',
  request: {
    body: {
      required: true,
      description: 'The documents and the summary options.',
      content: { 'application/json': { schema: SummarizeRequestSchema } },
    },
  },
  responses: {
    200: {
      description:
        'The summary (and the topic summaries when asked). With `Accept: text/markdown`, the same as readable Markdown (one paragraph per sentence, one footnote per distinct citation: `file:lines, offsets start–end: “quote”`), one section per summary.',
      content: {
        'application/json': { schema: SummarizeResponseSchema },
        'text/markdown': {
          schema: z.string().openapi({
            description: 'Markdown with footnoted citations.',
            example:
              '# Summary\n\nThe city council approved the harbour budget on Monday after a long debate.[^1][^2]\n\n[^1]: notes/harbour.txt:1\n[^2]: wire.txt:1\n',
          }),
        },
      },
    },
    ...problemResponses([400, 413, 415, 500, 503], {
      400: 'Malformed JSON, a missing or empty `documents`, wrong types, duplicate file names or unknown keys.',
      413: 'The body is over the size limit (default 5 MB) or carries more documents than allowed (default 1000).',
    }),
  },
});

/** POST /v1/summarize. */
export function registerSummarizeRoutes(app: ApiApp, { options, compute }: RouteDeps): void {
  app.openapi(summarizeRoute, async (c) => {
    const body = c.req.valid('json');
    if (body.documents.length > options.maxDocuments) {
      return problem(
        c,
        413,
        `body documents: ${body.documents.length} documents sent, at most ${options.maxDocuments} allowed per request`,
      );
    }
    const markdown = wantsMarkdown(c);
    const text = await compute.posted(body, markdown);
    // Both variants vary on Accept (joined to a CORS `Vary: Origin` by answer()).
    const type = markdown ? MARKDOWN_MEDIA_TYPE : 'application/json';
    return answer(c, text, 200, {
      'Content-Type': type,
      Vary: 'Accept',
    }) as unknown as TypedResponse<JSONParsed<SummarizeResponse>, 200, 'json'>;
  });
}
