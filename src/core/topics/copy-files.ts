import { MAX_TOPIC_FILES } from '../limits.js';
import type { Sentence } from '../segment/index.js';
import type { StoryCluster } from './stories.js';

/**
 * Stories with the files that wholly copy one of their documents (a page saved twice, a wire story
 * reprinted whole) listed beside it: such a file yields no sentence of its own (its lines are
 * duplicates, cited with their original), yet it belongs to the story its original tells. A
 * story's files are recomputed from its sentences each time, so applying this twice (a reused or
 * provisional story) gives the same result.
 *
 * `copies`: copy file → its original; `order`: file id → its place in corpus order.
 */
export function withCopyFiles(
  stories: readonly StoryCluster[],
  sentences: readonly Sentence[],
  copies: ReadonlyMap<string, string>,
  order: ReadonlyMap<string, number>,
): StoryCluster[] {
  if (copies.size === 0) return [...stories];
  const byOriginal = new Map<string, string[]>();
  for (const [copy, original] of copies) {
    const list = byOriginal.get(original) ?? byOriginal.set(original, []).get(original)!;
    list.push(copy);
  }
  return stories.map((s) => {
    const own: string[] = [];
    for (const id of s.sentenceIds) {
      const f = sentences[id]!.file;
      if (own[own.length - 1] !== f && !own.includes(f)) own.push(f);
    }
    const extra = own.flatMap((f) => byOriginal.get(f) ?? []);
    if (extra.length === 0 && own.length === s.files.length) return s;
    const files = [...own, ...extra].sort((a, b) => order.get(a)! - order.get(b)!);
    const topic = { ...s.topic, files: files.slice(0, MAX_TOPIC_FILES), fileCount: files.length };
    return {
      ...s,
      topic,
      files,
      story: { ...s.story, files: topic.files, fileCount: files.length },
    };
  });
}
