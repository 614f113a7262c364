import type { CorpusModel } from '../core/index.js';
import { createApp } from './app.js';
import { openApiConfig } from './openapi-config.js';

/**
 * The OpenAPI 3.1 document of the API, generated from the routes' zod schemas. Needs no
 * corpus: the app is built over a state that is never read.
 */
export function openApiDocument(): ReturnType<
  ReturnType<typeof createApp>['getOpenAPI31Document']
> {
  const unused = {
    get model(): CorpusModel {
      throw new Error('the OpenAPI document does not read the corpus');
    },
    loadedAt: new Date(0),
  };
  return createApp(unused).getOpenAPI31Document(openApiConfig);
}

/** The committed form of the document: pretty-printed, with a final newline (deterministic). */
export function openApiJson(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}
