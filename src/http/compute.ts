import type { SummarizeRequest } from '../../schemas/api.js';
import {
  type CorpusModel,
  type CorpusView,
  solverReady,
  type SummaryRequest,
} from '../core/index.js';
import type { Metrics } from '../metrics.js';
import { postedSummary, summaryJson, topicJson } from '../workers/tasks.js';
import { ServiceBusyError } from './service-busy.js';

/**
 * Where the app's costly answers are computed: summaries and topic details of the served corpus
 * (on a miss of the body cache) and `POST /v1/summarize`. The server gives the app a worker pool;
 * without one (tests, tools) they are computed in-process by the same functions.
 */
export interface Compute {
  /** The JSON text of a summary on `model`, or `undefined` for an unknown topic. */
  summary(model: CorpusView, request: SummaryRequest): Promise<string | undefined>;
  /** The JSON text of a story's or facet's detail, or `undefined` for an unknown id. */
  topic(model: CorpusView, topicId: string): Promise<string | undefined>;
  /** The answer to `POST /v1/summarize` (JSON or Markdown text). */
  posted(body: SummarizeRequest, markdown: boolean): Promise<string>;
}

export { ServiceBusyError };

function fullModel(view: CorpusView): CorpusModel {
  if (!('storyContext' in view))
    throw new Error('in-process computing needs the whole model, not a view of it');
  return view as CorpusModel;
}

/** Computes on the calling thread (tests and tools, where the state holds whole models). */
export const inProcessCompute: Compute = {
  summary: async (model, request) => {
    await solverReady;
    return summaryJson(fullModel(model), request);
  },
  topic: async (model, topicId) => {
    await solverReady;
    return topicJson(fullModel(model), topicId);
  },
  posted: async (body, markdown) => {
    await solverReady;
    return postedSummary(body, markdown);
  },
};

/**
 * `compute` with each task's time and outcome recorded in `metrics`: answered, refused because
 * the queue was full ({@link ServiceBusyError}), or failed.
 */
export function measuredCompute(compute: Compute, metrics: Metrics): Compute {
  const measure = async <T>(kind: 'summary' | 'topic' | 'posted', run: () => Promise<T>) => {
    const started = performance.now();
    try {
      const value = await run();
      metrics.computeTask(kind, 'ok', (performance.now() - started) / 1000);
      return value;
    } catch (err) {
      const outcome = err instanceof ServiceBusyError ? 'rejected' : 'error';
      metrics.computeTask(kind, outcome, (performance.now() - started) / 1000);
      throw err;
    }
  };
  return {
    summary: (model, request) => measure('summary', () => compute.summary(model, request)),
    topic: (model, topicId) => measure('topic', () => compute.topic(model, topicId)),
    posted: (body, markdown) => measure('posted', () => compute.posted(body, markdown)),
  };
}
