import { createRoute } from '@hono/zod-openapi';
import { VERIFY_REQUEST_EXAMPLE } from '../../../schemas/examples.js';
import { VerifyRequestSchema, VerifyResponseSchema } from '../../../schemas/verify.js';
import { MAX_VERIFY_CITATIONS, verifyCitations } from '../../core/index.js';
import type { ApiApp, RouteDeps } from '../context.js';
import { problemResponses, sendJson } from '../respond.js';

export const verifyRoute = createRoute({
  method: 'post',
  path: '/v1/citations/verify',
  tags: ['Citations'],
  operationId: 'verifyCitations',
  summary: 'Check citations against the served files',
  description:
    "One result per citation, in order: `verified` (the quote is exactly the file text at those offsets and lines), `stale` (the file changed: sha256 differs), `mismatch` (the quote is not there; `actual` holds what is) or `not_found`. Post a whole summary's citations in one call. Citations of posted documents (`POST /v1/summarize`) are `not_found`: nothing is stored.",
  request: {
    body: {
      required: true,
      description:
        'The citations to check (full `Citation` objects, or at least `file`, `offsets` and `quote`).',
      content: {
        'application/json': { schema: VerifyRequestSchema, example: VERIFY_REQUEST_EXAMPLE },
      },
    },
  },
  responses: {
    200: {
      description: 'One result per citation, in order.',
      content: { 'application/json': { schema: VerifyResponseSchema } },
    },
    ...problemResponses([400, 413, 415, 500], {
      400: `Malformed JSON, a missing \`citations\` array, wrong types, or more than ${MAX_VERIFY_CITATIONS} citations.`,
      413: 'The body is over the size limit (default 5 MB).',
    }),
  },
});

/** POST /v1/citations/verify. */
export function registerCitationRoutes(app: ApiApp, { state }: RouteDeps): void {
  app.openapi(verifyRoute, (c) => {
    const { citations } = c.req.valid('json');
    const model = state.model;
    return sendJson(
      c,
      { results: verifyCitations(model, citations), corpus: model.fingerprint },
      200,
    );
  });
}
