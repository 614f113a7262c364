import { z } from '@hono/zod-openapi';
import { MAX_VERIFY_CITATIONS } from '../src/core/limits.js';
import { CitationSchema } from './citation.js';
import { EXAMPLE_CITATION } from './examples.js';
import { FingerprintSchema } from './fingerprint.js';

/** Outcome of checking one citation against the served files. */
export const VerifyStatusSchema = z
  .enum(['verified', 'stale', 'mismatch', 'not_found'])
  .openapi('VerifyStatus', {
    description:
      '`verified`: the quote is exactly the file text at those offsets and lines; `stale`: the file changed since the citation was made (sha256 differs); `mismatch`: the offsets are negative, reversed or past the end of the file, or the quote is not at those offsets/lines; `not_found`: no served file has this id (the reason says when the file is in the data folder but skipped, and why).',
  });

/** The result of one citation check; a failed check is data, not an exception. */
export const VerifyResultSchema = z
  .object({
    file: z
      .string()
      .openapi({ description: 'The cited file id, as sent.', example: EXAMPLE_CITATION.file }),
    status: VerifyStatusSchema,
    reason: z.string().optional().openapi({
      description:
        'Why the citation did not verify, e.g. `offsets 50..5 are reversed: start is after end`, `offsets 900..950 end past the end of the file, whose text is 912 characters long`, `the file "a.txt" is in the data folder but skipped, so it cannot be checked: not valid UTF-8`, `no file "b.txt" in the corpus`.',
      example: 'sha256 differs: the file changed since the citation was made',
    }),
    sha256: z.string().optional().openapi({
      description: "The file's current sha256, when the file exists.",
      example: EXAMPLE_CITATION.sha256,
    }),
    actual: z
      .string()
      .optional()
      .openapi({
        description: 'The text currently at the cited offsets (for `mismatch` and `stale`).',
        example: EXAMPLE_CITATION.quote.slice(1),
      }),
    actualLines: z
      .object({ start: z.number().int(), end: z.number().int() })
      .optional()
      .openapi({ description: 'The lines the cited offsets fall on now.' }),
  })
  .openapi('VerifyResult', {
    description: 'The result of checking one citation; a failed check is data, not an error.',
  });

export type VerifyStatus = z.infer<typeof VerifyStatusSchema>;
export type VerifyResult = z.infer<typeof VerifyResultSchema>;

/** A citation to check: the fields of a Citation; `href`, `sha256` and `lines` are optional. */
export const CitationClaimSchema = CitationSchema.partial({
  href: true,
  sha256: true,
  lines: true,
}).openapi('CitationClaim', {
  description:
    'A citation to check: the fields of a `Citation`; `href`, `sha256` and `lines` are optional.',
});

/** Body of POST /v1/citations/verify. */
export const VerifyRequestSchema = z
  .object({
    citations: z
      .array(CitationClaimSchema)
      .max(MAX_VERIFY_CITATIONS)
      .openapi({ description: 'Citations to check, e.g. all citations of a summary.' }),
  })
  .openapi('VerifyRequest', { description: 'Body of `POST /v1/citations/verify`.' });

/** Answer of POST /v1/citations/verify: one result per citation, in order. */
export const VerifyResponseSchema = z
  .object({
    results: z
      .array(VerifyResultSchema)
      .openapi({ description: 'One result per citation, in the order sent.' }),
    corpus: FingerprintSchema,
  })
  .openapi('VerifyResponse', { description: 'Answer of `POST /v1/citations/verify`.' });
