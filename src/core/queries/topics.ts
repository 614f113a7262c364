import type { Story, TopicDetail, TopicList } from '../../../schemas/topic.js';
import { topicsHref } from '../hrefs.js';
import { TOPICS_PAGE } from '../limits.js';
import type { CorpusModel, CorpusView } from '../model.js';
import { citationOf } from '../summarize/index.js';
import type { TopicNode } from '../topics/index.js';

/** One story or facet by id, or undefined. */
export function findTopic(model: CorpusView, topicId: string): TopicNode | undefined {
  return model.topicsById.get(topicId);
}

/** Why a cursor was refused. */
export interface CursorProblem {
  readonly problem: string;
}

/** A page cursor: the offset of the page's first story and the corpus it was made for. */
function encodeCursor(model: CorpusView, offset: number): string {
  return Buffer.from(`${offset}:${model.fingerprint.slice(0, 16)}`).toString('base64url');
}

function decodeCursor(model: CorpusView, cursor: string): number | CursorProblem {
  const m = /^(\d{1,9}):([0-9a-f]{16})$/u.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) return { problem: 'is not a cursor this service gave out' };
  if (m[2] !== model.fingerprint.slice(0, 16))
    return {
      problem: 'belongs to an earlier state of the corpus; start again from the first page',
    };
  return Number(m[1]);
}

/**
 * A page of the stories (largest first), each with its facets: `limit` stories from `cursor`
 * (opaque, from the previous page's `nextCursor`; absent for the first page). A cursor from
 * another corpus state is refused (as data), never silently served against the new one.
 */
export function listStories(
  model: CorpusView,
  page: { limit?: number; cursor?: string } = {},
): TopicList | CursorProblem {
  const limit = page.limit ?? TOPICS_PAGE.default;
  const offset = page.cursor === undefined ? 0 : decodeCursor(model, page.cursor);
  if (typeof offset !== 'number') return offset;
  const total = model.stories.length;
  const stories = model.stories.slice(offset, offset + limit).map((s) => s.story);
  const next = offset + limit;
  if (next >= total) return { corpus: model.fingerprint, topics: stories, total };
  const nextCursor = encodeCursor(model, next);
  return {
    corpus: model.fingerprint,
    topics: stories,
    total,
    nextCursor,
    next: topicsHref({ limit, cursor: nextCursor }),
  };
}

/** The stories of a model, all of them (for the command line and posted documents). */
export function allStories(model: CorpusView): readonly Story[] {
  return model.stories.map((s) => s.story);
}

/** The detail of a story or facet, or undefined for an unknown id. */
export function topicDetail(model: CorpusModel, topicId: string): TopicDetail | undefined {
  const node = findTopic(model, topicId);
  if (!node) return undefined;
  const story = model.stories.find((s) => s.topic.id === topicId);
  const facets = story ? story.facets : [node];
  const cite = (id: number) =>
    citationOf(model.sentences[id]!, { files: model.byId, hrefFor: model.hrefFor });
  return {
    corpus: model.fingerprint,
    topic: node.topic,
    ...(story ? { subtopics: story.story.subtopics } : {}),
    files: [...node.files],
    facets: facets.map((f) => ({ topic: f.topic, sentences: f.sentenceIds.map(cite) })),
  };
}
