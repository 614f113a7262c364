import { z } from '@hono/zod-openapi';
import { CitationSchema } from './citation.js';
import { EXAMPLE_STORY_ID } from './examples.js';
import { FingerprintSchema } from './fingerprint.js';

/** What a topic is: a story (documents about one event or subject) or a facet of one. */
export const TopicKindSchema = z.enum(['story', 'facet']).openapi('TopicKind', {
  description:
    '`story`: a group of documents about the same event or subject; `facet`: one angle of a story (a cluster of its sentences).',
});

/** A story the corpus covers, or a facet of one. */
export const TopicSchema = z
  .object({
    id: z.string().openapi({
      description:
        'Stable id: the same corpus gives the same ids, and adding an unrelated document leaves the ids of existing stories as they are. Stories start with `s-`, facets with `f-`.',
      example: EXAMPLE_STORY_ID,
    }),
    kind: TopicKindSchema,
    label: z.string().openapi({
      description:
        'A complete phrase from the text, distinctive against its siblings (never a bare common word, never a sibling’s label).',
      example: 'WhatsApp and Telegram',
    }),
    keywords: z.array(z.string()).openapi({
      description: 'Most characteristic terms against the siblings (c-TF-IDF), best first.',
      example: ['calls', 'whatsapp', 'telegram', 'restrictions'],
    }),
    files: z.array(z.string()).openapi({
      description:
        'Files the topic draws on, in corpus order: at most 20 for a story and 5 for a facet here (its files are among its story’s); the full list is at `GET /v1/topics/{topicId}`.',
      example: ['002_90d0f9c44a687009.txt', '003_2772de2c2eaa7074.txt'],
    }),
    fileCount: z
      .number()
      .int()
      .min(1)
      .openapi({ description: 'Number of files the topic draws on.', example: 4 }),
    sentenceCount: z.number().int().min(1).openapi({
      description:
        'Content sentences in the topic (for a story, every content sentence of its documents).',
      example: 56,
    }),
    parent: z
      .string()
      .optional()
      .openapi({ description: 'For a facet, the id of its story.', example: EXAMPLE_STORY_ID }),
  })
  .openapi('Topic', { description: 'A story the corpus covers, or a facet of one.' });

/** A story with its facets. */
export const StorySchema = TopicSchema.extend({
  subtopics: z.array(TopicSchema).openapi({
    description: "The story's facets (each a `Topic` of kind `facet`), largest first.",
  }),
}).openapi('Story', { description: 'A story with its facets.' });

/** Answer of GET /v1/topics: one page of the stories. */
export const TopicListSchema = z
  .object({
    corpus: FingerprintSchema,
    topics: z.array(StorySchema).openapi({
      description:
        'Stories of the served corpus, largest first (documents, then sentences), each with its facets.',
    }),
    total: z
      .number()
      .int()
      .min(0)
      .openapi({ description: 'Stories in the whole list (all pages).', example: 2 }),
    nextCursor: z.string().optional().openapi({
      description: 'Cursor of the next page (absent on the last page).',
      example: 'NTA6OGE5ZjJj',
    }),
    next: z.string().optional().openapi({
      description: 'URL of the next page (absent on the last page).',
      example: '/v1/topics?limit=50&cursor=NTA6OGE5ZjJj',
    }),
  })
  .openapi('TopicList', { description: 'Answer of `GET /v1/topics`: one page of the stories.' });

/** A facet with every one of its sentences, cited. */
export const FacetDetailSchema = z
  .object({
    topic: TopicSchema,
    sentences: z.array(CitationSchema).openapi({
      description: "The facet's sentences in corpus order, each as a citation of its source.",
    }),
  })
  .openapi('FacetDetail', { description: 'A facet with its sentences.' });

/** Answer of GET /v1/topics/{topicId}. */
export const TopicDetailSchema = z
  .object({
    corpus: FingerprintSchema,
    topic: TopicSchema,
    subtopics: z
      .array(TopicSchema)
      .optional()
      .openapi({ description: "A story's facets (absent for a facet)." }),
    files: z.array(z.string()).openapi({
      description: 'Every file the topic draws on, in corpus order.',
    }),
    facets: z.array(FacetDetailSchema).openapi({
      description: "A story's facets with their sentences, or the facet itself.",
    }),
  })
  .openapi('TopicDetail', {
    description: 'Answer of `GET /v1/topics/{topicId}`: a story or facet in full.',
  });

export type TopicKind = z.infer<typeof TopicKindSchema>;
export type Topic = z.infer<typeof TopicSchema>;
export type Story = z.infer<typeof StorySchema>;
export type TopicList = z.infer<typeof TopicListSchema>;
export type TopicDetail = z.infer<typeof TopicDetailSchema>;
