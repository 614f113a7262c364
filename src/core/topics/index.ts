/** Stage 5, topics: what the corpus is about, as clusters of its content sentences with labels. */
export { TOPICS } from './constants.js';
export { discoverTopics, type TopicCluster } from './discover.js';
