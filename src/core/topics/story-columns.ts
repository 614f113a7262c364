import type { Topic } from '../../../schemas/topic.js';
import {
  Growable,
  type StringColumn,
  StringColumnBuilder,
  stringAt,
} from '../shared/shared-arrays.js';
import type { StoryCluster, TopicNode } from './stories.js';

/**
 * The stories and facets of a corpus as columns: their API forms (a small JSON document: the
 * topics with labels, keywords and counts) and their members (sentence ids, ascending) as one CSR
 * over the topic nodes in order (each story, then its facets). A node's files are read from its
 * sentences when asked; a story's files are stored with it, as they may include files with no
 * sentence of their own (whole copies of one of its documents, `withCopyFiles`).
 */
export interface StoryColumns {
  /** `[{ topic, facets: [topic, …], files }, …]`, largest story first. */
  readonly topics: StringColumn;
  /** Per node its first member; `[nodes]` is the number of members. */
  readonly memberStart: Int32Array;
  readonly members: Int32Array;
}

/** The columns of some stories. */
export function storyColumns(stories: readonly StoryCluster[]): StoryColumns {
  const json = new StringColumnBuilder();
  json.push(
    JSON.stringify(
      stories.map((s) => ({
        topic: s.topic,
        facets: s.facets.map((f) => f.topic),
        files: s.files,
      })),
    ),
  );
  const memberStart = new Growable(Int32Array);
  const members = new Growable(Int32Array, 1 << 14);
  for (const s of stories)
    for (const node of [s, ...s.facets]) {
      memberStart.push(members.length);
      members.append(node.sentenceIds);
    }
  memberStart.push(members.length);
  return { topics: json.finish(), memberStart: memberStart.finish(), members: members.finish() };
}

/**
 * The stories of their columns: `fileOf` gives a member sentence's file id (the node's files are
 * its members' files, in corpus order).
 */
export function storiesOf(
  cols: StoryColumns,
  fileOf: (sentence: number) => string,
): StoryCluster[] {
  const list = JSON.parse(stringAt(cols.topics, 0)) as {
    topic: Topic;
    facets: Topic[];
    files?: string[];
  }[];
  let node = 0;
  const nodeOf = (topic: Topic, stored?: string[]): TopicNode => {
    const k = node++;
    const view = cols.members.subarray(cols.memberStart[k]!, cols.memberStart[k + 1]!);
    let files: string[] | undefined = stored;
    let ids: number[] | undefined;
    return {
      topic,
      get sentenceIds() {
        return (ids ??= Array.from(view));
      },
      get files() {
        if (files) return files;
        files = [];
        const seen = new Set<string>();
        for (const id of view) {
          const f = fileOf(id);
          if (!seen.has(f)) {
            seen.add(f);
            files.push(f);
          }
        }
        return files;
      },
    };
  };
  return list.map(({ topic, facets, files }) => {
    const story = nodeOf(topic, files);
    const nodes = facets.map((f) => nodeOf(f));
    return Object.assign(story, {
      facets: nodes,
      story: { ...topic, subtopics: facets },
    }) as StoryCluster;
  });
}
