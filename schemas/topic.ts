import { z } from '@hono/zod-openapi';

/** A story the corpus covers, found by clustering its content sentences. */
export const TopicSchema = z
  .object({
    id: z.string().openapi({
      description: "Stable id derived from the topic's content (same corpus, same id).",
      example: 't-3f9a1c2e',
    }),
    label: z.string().openapi({
      description: 'A key phrase a reader recognises.',
      example: 'calls on WhatsApp and Telegram restricted',
    }),
    keywords: z.array(z.string()).openapi({
      description: 'Most characteristic terms, best first.',
      example: ['calls', 'whatsapp', 'telegram', 'restrictions'],
    }),
    files: z.array(z.string()).openapi({
      description: 'Files the topic draws on.',
      example: ['002_90d0f9c44a687009.txt', '003_2772de2c2eaa7074.txt'],
    }),
    sentenceCount: z
      .number()
      .int()
      .min(1)
      .openapi({ description: 'Content sentences in the topic.', example: 12 }),
  })
  .openapi('Topic', {
    description: 'A story the corpus covers, found by clustering its content sentences.',
  });

export type Topic = z.infer<typeof TopicSchema>;
