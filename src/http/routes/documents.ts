import { createRoute } from '@hono/zod-openapi';
import {
  type Document,
  DocumentLinesSchema,
  type DocumentList,
  DocumentListSchema,
  DocumentSchema,
} from '../../../schemas/api.js';
import {
  type CorpusView,
  DEFAULT_LINES_PAGE,
  documentLines,
  documentList,
  documentWithText,
  MAX_LINES_PAGE,
} from '../../core/index.js';
import { cacheBody, type CachedBody, LruMap, ModelCache } from '../cache.js';
import type { ApiApp, RouteDeps } from '../context.js';
import { FileParams, LinesQuery } from '../params.js';
import { problem } from '../problem.js';
import {
  CORPUS_HEADER,
  cacheHeaders,
  ifNoneMatchParameter,
  notModifiedResponse,
  problemResponses,
  sendCached,
  sendJson,
} from '../respond.js';

export const listDocumentsRoute = createRoute({
  method: 'get',
  path: '/v1/documents',
  tags: ['Documents'],
  operationId: 'listDocuments',
  summary: 'List the served files',
  description:
    'Every served file with its sha256, line and sentence counts and the counts of non-content lines per reason, plus the files the loader skipped and why.',
  parameters: [ifNoneMatchParameter],
  responses: {
    200: {
      description: 'The served and skipped files.',
      headers: cacheHeaders,
      content: { 'application/json': { schema: DocumentListSchema } },
    },
    304: notModifiedResponse,
    ...problemResponses([500]),
  },
});

export const getDocumentRoute = createRoute({
  method: 'get',
  path: '/v1/documents/{file}',
  tags: ['Documents'],
  operationId: 'getDocument',
  summary: 'One file with its exact text',
  description:
    "A served file: its info and its decoded text, into which every citation's offsets point. Unknown ids (including `..` tricks) are 404: only files of the served corpus are ever read.",
  parameters: [ifNoneMatchParameter],
  request: { params: FileParams },
  responses: {
    200: {
      description: 'The file.',
      headers: cacheHeaders,
      content: { 'application/json': { schema: DocumentSchema } },
    },
    304: notModifiedResponse,
    ...problemResponses([400, 404, 500], {
      400: 'The file id is empty or too long.',
      404: 'No served file has this id.',
    }),
  },
});

export const getDocumentLinesRoute = createRoute({
  method: 'get',
  path: '/v1/documents/{file}/lines',
  tags: ['Documents'],
  operationId: 'getDocumentLines',
  summary: 'Exact lines of a file (spot-check a citation), a page at a time',
  description: `Lines \`start..end\` (1-based, inclusive) exactly as stored, without their line-break characters, each with its \`start\`/\`end\` offsets in the file's text (the offsets citations use), its kind and, for non-content lines, the reason. Every citation's \`href\` points here. Paged: without \`end\`, ${DEFAULT_LINES_PAGE} lines from \`start\` (default 1); \`end\` is clamped to the file, and a range longer than ${MAX_LINES_PAGE} lines to its first ${MAX_LINES_PAGE}. \`lineCount\` is the whole file's; \`next\` links the following page of as many lines, absent after the last line.`,
  request: { params: FileParams, query: LinesQuery },
  responses: {
    200: {
      description: 'The lines.',
      content: { 'application/json': { schema: DocumentLinesSchema } },
    },
    ...problemResponses([400, 404, 500], {
      400: '`start`/`end` are not whole numbers ≥ 1, `end` < `start`, or `start` is past the last line.',
      404: 'No served file has this id.',
    }),
  },
});

interface DocumentsCache {
  list?: CachedBody<DocumentList>;
  readonly byFile: LruMap<string, CachedBody<Document>>;
}

/** The 404 of a file id that is not served. */
function unknownFile(file: string): string {
  return `path parameter file: no served file has the id ${JSON.stringify(file)}; list them at /v1/documents`;
}

/** GET /v1/documents, /v1/documents/{file}, /v1/documents/{file}/lines. */
export function registerDocumentRoutes(app: ApiApp, { state }: RouteDeps): void {
  const caches = new ModelCache<CorpusView, DocumentsCache>(() => ({ byFile: new LruMap(256) }));

  app.openapi(listDocumentsRoute, (c) => {
    const model = state.model;
    const cache = caches.for(model);
    cache.list ??= cacheBody(documentList(model));
    return sendCached(c, cache.list, { [CORPUS_HEADER]: model.fingerprint });
  });

  app.openapi(getDocumentRoute, (c) => {
    const { file } = c.req.valid('param');
    const model = state.model;
    const cache = caches.for(model);
    let body = cache.byFile.get(file);
    if (!body) {
      const doc = documentWithText(model, file);
      if (!doc) return problem(c, 404, unknownFile(file));
      body = cacheBody(doc);
      cache.byFile.set(file, body);
    }
    return sendCached(c, body, { [CORPUS_HEADER]: model.fingerprint });
  });

  app.openapi(getDocumentLinesRoute, (c) => {
    const { file } = c.req.valid('param');
    const { start, end } = c.req.valid('query');
    const model = state.model;
    const result = documentLines(model, file, start ?? 1, end);
    if (!result) return problem(c, 404, unknownFile(file));
    if (start !== undefined && start > result.lineCount) {
      return problem(
        c,
        400,
        `query parameter start: ${start} is past the last line of ${JSON.stringify(file)} (it has ${result.lineCount} lines)`,
      );
    }
    return sendJson(c, result, 200);
  });
}
