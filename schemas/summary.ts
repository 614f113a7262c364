import { z } from '@hono/zod-openapi';
import { CitationSchema } from './citation.js';
import { TopicSchema } from './topic.js';

/** One extracted statement with every file that states it. */
export const SummarySentenceSchema = z
  .object({
    text: z.string().openapi({ description: 'The sentence, verbatim from its first citation (whitespace collapsed).', example: 'Access to calls in foreign messengers will be restored after they start complying with Russian legislation.' }),
    citations: z.array(CitationSchema).min(1).openapi({ description: 'Where the statement is found; the first is where the text was taken from.' }),
    support: z.number().int().min(1).openapi({ description: 'Number of distinct files that state it.', example: 2 }),
    score: z.number().openapi({ description: 'Selection score (higher is more central to the summary).', example: 0.42 }),
  })
  .openapi('SummarySentence', { description: 'One extracted statement with every file that states it.' });

/** A cited, extractive summary of a topic, of the corpus or for a query. */
export const SummarySchema = z
  .object({
    topic: TopicSchema.optional(),
    query: z.string().optional().openapi({ description: 'The query of a query-focused summary.', example: 'state-backed messaging app' }),
    sentences: z.array(SummarySentenceSchema).openapi({ description: 'The extracted sentences, in reading order.' }),
    wordCount: z.number().int().min(0).openapi({ description: 'Words in the summary (whitespace-separated).', example: 118 }),
    corpus: z.string().regex(/^[0-9a-f]{64}$/).openapi({ description: 'Corpus fingerprint: SHA-256 over the files\' ids and sha256, the state this summary was computed from.', example: '9f2c1e0d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d' }),
  })
  .openapi('Summary', { description: 'A cited, extractive summary of a topic, of the corpus or for a query.' });

export type SummarySentence = z.infer<typeof SummarySentenceSchema>;
export type Summary = z.infer<typeof SummarySchema>;
