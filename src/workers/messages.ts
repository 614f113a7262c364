import type { SummarizeRequest } from '../../schemas/api.js';
import type { SummaryRequest } from '../core/index.js';
import type { ModelColumns } from '../core/model.js';

/**
 * What the main thread and the workers say to each other: the tasks of the compute pool, the
 * broadcasts that load and drop models, and the builder's answers.
 */

/**
 * Which model a task runs on: a generation (increasing) and its columns, in shared memory (a
 * message shares them, it never copies them), never written again once published.
 */
export interface ModelRef {
  readonly generation: number;
  readonly columns: ModelColumns;
}

/** A task of the compute pool. */
export type ComputeTask =
  /** A summary of the served corpus, as JSON text (`null`: unknown topic). */
  | { readonly kind: 'summary'; readonly model: ModelRef; readonly request: SummaryRequest }
  /** A story's or facet's detail, as JSON text (`null`: unknown id). */
  | { readonly kind: 'topic'; readonly model: ModelRef; readonly topicId: string }
  /** `POST /v1/summarize`, stateless: JSON or Markdown text. */
  | { readonly kind: 'posted'; readonly body: SummarizeRequest; readonly markdown: boolean };

/** Broadcast to every compute worker. */
export type ModelMessage =
  /** A worker started and listens (sent once, when its module is loaded). */
  | { readonly type: 'hello'; readonly threadId: number }
  | { readonly type: 'load'; readonly model: ModelRef }
  | {
      readonly type: 'loaded';
      readonly generation: number;
      readonly threadId: number;
      readonly error?: string;
    }
  | { readonly type: 'commit'; readonly generation: number }
  | { readonly type: 'drop'; readonly generation: number };

/** What the compute workers are started with. */
export interface ComputeWorkerData {
  /** Name of the BroadcastChannel of this pool's model messages. */
  readonly channel: string;
}

/** What the builder is asked to do. */
export interface BuilderTask {
  readonly kind: 'open' | 'reload' | 'settle' | 'warm' | 'flush' | 'adopt';
  readonly dataDir: string;
  readonly indexDir: string;
  readonly maxFileBytes: number;
  /** `adopt`: the snapshot the main thread opened, and its sections (shared, not copied). */
  readonly adopt?: { readonly file: string; readonly sections: Record<string, Uint8Array> };
}
