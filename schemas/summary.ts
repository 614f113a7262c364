import { z } from '@hono/zod-openapi';
import { CitationSchema } from './citation.js';
import { FingerprintSchema } from './fingerprint.js';
import { TopicSchema } from './topic.js';

/** One extracted statement with every file that states it. */
export const SummarySentenceSchema = z
  .object({
    text: z.string().openapi({
      description: 'The sentence, verbatim from its first citation (whitespace collapsed).',
      example:
        'Access to calls in foreign messengers will be restored after they start complying with Russian legislation.',
    }),
    citations: z.array(CitationSchema).min(1).openapi({
      description:
        'Where the statement is found: the first is where the text was taken from (its original), then its copies in other files (lines of kind `duplicate` there), then one citation per other file that states the same fact, each in corpus order (at most 25 in all).',
    }),
    support: z.number().int().min(1).openapi({
      description:
        'Number of distinct files that state it, copies included (equals the number of distinct cited files unless more than 25 files state it).',
      example: 2,
    }),
    score: z.number().openapi({
      description: 'Selection score (higher is more central to the summary).',
      example: 0.42,
    }),
  })
  .openapi('SummarySentence', {
    description: 'One extracted statement with every file that states it.',
  });

/** A cited, extractive summary of a topic, of the corpus or for a query. */
export const SummarySchema = z
  .object({
    topic: TopicSchema.optional(),
    query: z.string().optional().openapi({
      description: 'The query of a query-focused summary.',
      example: 'state-backed messaging app',
    }),
    sentences: z.array(SummarySentenceSchema).openapi({
      description:
        'The extracted sentences, in reading order: the fact most files state first, then by the articles’ dates (where they print one) and positions, each file’s sentences in file order; a sentence that opens by pointing back (“He”, “However”) always follows the sentence it points to.',
    }),
    wordCount: z
      .number()
      .int()
      .min(0)
      .openapi({ description: 'Words in the summary (whitespace-separated).', example: 118 }),
    corpus: FingerprintSchema,
  })
  .openapi('Summary', {
    description: 'A cited, extractive summary of a topic, of the corpus or for a query.',
  });

export type SummarySentence = z.infer<typeof SummarySentenceSchema>;
export type Summary = z.infer<typeof SummarySchema>;

/** A story's summary with the summary of each of its facets. */
export const StorySummarySchema = SummarySchema.extend({
  facets: z.array(SummarySchema).openapi({
    description: 'One summary per facet of the story (each `topic` is the facet), largest first.',
  }),
}).openapi('StorySummary', { description: "A story's summary with its facets' summaries." });

export type StorySummary = z.infer<typeof StorySummarySchema>;
