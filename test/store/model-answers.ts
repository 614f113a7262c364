import {
  corpusStats,
  documentList,
  listStories,
  summarize,
  topicDetail,
} from '../../src/core/index.js';
import type { CorpusModel } from '../../src/core/model.js';

/**
 * Every answer a model gives, as the bytes the API sends: the story list, the documents, the
 * counts, the corpus summary, one query's summary, and every story's and facet's summary and
 * detail. Two models that give the same list answer every request alike.
 */
export function modelAnswers(model: CorpusModel, query: string): string[] {
  return [
    JSON.stringify(listStories(model)),
    JSON.stringify(documentList(model)),
    JSON.stringify(corpusStats(model)),
    JSON.stringify(summarize(model, {})),
    JSON.stringify(summarize(model, { query })),
    ...model.stories.flatMap((s) => [
      JSON.stringify(summarize(model, { topicId: s.topic.id })),
      JSON.stringify(topicDetail(model, s.topic.id)),
      ...s.facets.map((f) => JSON.stringify(summarize(model, { topicId: f.topic.id }))),
    ]),
  ];
}
