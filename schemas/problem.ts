import { z } from '@hono/zod-openapi';

/** RFC 9457 problem details: the one error shape of the API. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({
      description: 'URI reference identifying the problem type.',
      example: 'about:blank',
    }),
    title: z
      .string()
      .openapi({ description: 'Short summary of the problem type.', example: 'Bad Request' }),
    status: z.number().int().openapi({ description: 'HTTP status code.', example: 400 }),
    detail: z.string().openapi({
      description: 'What was wrong, naming the parameter.',
      example: 'maxSentences: Too small: expected number to be >=1',
    }),
    instance: z
      .string()
      .optional()
      .openapi({ description: 'The request path.', example: '/v1/summary' }),
    requestId: z.string().optional().openapi({
      description: 'Id of the request, also sent as `X-Request-Id`.',
      example: '3c6e0b8a-9c0b-4ef6-8d3f-1a2b3c4d5e6f',
    }),
  })
  .openapi('Problem', {
    description:
      'An RFC 9457 problem details object: the body of every error answer (`application/problem+json`).',
  });

export type Problem = z.infer<typeof ProblemSchema>;
