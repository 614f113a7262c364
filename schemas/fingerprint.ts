import { z } from '@hono/zod-openapi';

/** Corpus fingerprint: SHA-256 over the served files' ids and sha256; one schema for every `corpus` field. */
export const FingerprintSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .openapi('Fingerprint', {
    description:
      "Corpus fingerprint: SHA-256 over the served files' ids and sha256. Changes whenever a served file changes.",
    example: '9f2c1e0d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d',
  });
