import { SECURITY_SCHEME } from './auth.js';
import { SERVICE_VERSION } from './service-version.js';

/** The document-level part of the OpenAPI 3.1 contract (the paths come from the routes). */
export const openApiConfig = {
  openapi: '3.1.0',
  info: {
    title: 'citesum API',
    // package.json's version: the contract is versioned with the service that serves it.
    version: SERVICE_VERSION,
    summary:
      'Extractive summaries of a folder of text files, every sentence cited down to the line and character.',
    description: [
      'Summaries of the served corpus (and of documents you post) in which every sentence is taken verbatim from a source and carries citations a reader can check.',
      '',
      "**Citations.** `file` is the corpus file id; `lines` is 1-based and inclusive; `offsets` are 0-based UTF-16 code units into the decoded file text, end exclusive, so `text.slice(offsets.start, offsets.end) === quote`; `sha256` fingerprints the file's bytes; `href` opens the cited lines (`GET /v1/documents/{file}/lines`). `POST /v1/citations/verify` re-checks citations: `verified`, `stale`, `mismatch` or `not_found`.",
      '',
      '**Errors** are RFC 9457 `application/problem+json` objects whose `detail` names the parameter and what was wrong. Before a request reaches any operation, the HTTP server itself may answer, with the same shape and an `X-Request-Id`: 400 (the bytes are not HTTP/1.1), 408 (headers not received within 60 s, or the whole request within 300 s), 413 (an oversized chunk extension) or 431 (request line and headers over 32 KiB: a query of up to 2000 characters always fits).',
      '',
      '**Authentication.** A service started with an API key (`API_KEY`) wants it on every operation but the probes (`/healthz`, `/readyz`), as `Authorization: Bearer <key>`; without it, or with another, the answer is 401 with `WWW-Authenticate`. A service started without a key ignores the header. Browsers sign in once at `/sign-in`.',
      '',
      '**Caching.** Topic lists, summaries and documents carry a strong `ETag`; send it back as `If-None-Match` to get `304 Not Modified`. Every answer computed from the corpus names its fingerprint (`corpus` field, `X-Corpus-Fingerprint` header); it changes when a served file changes.',
    ].join('\n'),
  },
  // Every operation wants the API key of a service started with one (API_KEY); the probes say
  // `security: []`. The scheme itself is declared with the routes (declareApiKey, auth.ts).
  security: [{ [SECURITY_SCHEME]: [] }],
  servers: [
    { url: 'http://127.0.0.1:3000', description: 'A local service started with `npm start`.' },
  ],
  tags: [
    {
      name: 'Service',
      description: 'Probes (liveness, readiness) and Prometheus metrics of the service.',
    },
    {
      name: 'Documents',
      description:
        'The served files, their exact text and classified lines: where citations point.',
    },
    { name: 'Topics', description: 'The stories the corpus covers.' },
    {
      name: 'Summaries',
      description:
        'Cited extractive summaries of a topic, of the corpus, for a query, or of posted documents.',
    },
    { name: 'Citations', description: 'Re-checking citations against the served files.' },
  ],
};
