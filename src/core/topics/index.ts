/**
 * Stage 5, topics: what the corpus is about, on two levels: stories (documents about one event or
 * subject) and the facets of each (clusters of a story's sentences), with labels a reader would write.
 */
export { CUT_SIMILARITY, STORIES, TOPICS } from './constants.js';
export {
  discoverStories,
  type StoryCluster,
  type StoryOptions,
  type TopicNode,
} from './stories.js';
export { withCopyFiles } from './copy-files.js';
