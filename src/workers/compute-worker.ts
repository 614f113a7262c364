import { BroadcastChannel, threadId, workerData } from 'node:worker_threads';
import { type CorpusModel, solverReady, warmUpSolver } from '../core/index.js';
import { modelFromColumns } from '../core/model.js';
import type { ComputeTask, ComputeWorkerData, ModelMessage, ModelRef } from './messages.js';
import { postedSummary, summaryJson, topicJson } from './tasks.js';

/**
 * A compute worker: summaries and topic details of the served corpus, and `POST /v1/summarize`.
 * Holds the model of the current generation: a reader over its columns in shared memory (the
 * buffers the builder wrote, not a copy), made when the main thread broadcasts `load` or by the
 * first task that names it. Keeps at most two (the served one and the next while a swap is
 * prepared); `commit` drops the older, and with it this thread's hold on its buffers.
 *
 * Workers are loaded through `require` (tsx compiles them to CommonJS inside worker threads, where
 * its ESM hooks do not apply): a default export and no top-level await.
 */

const slots = new Map<number, CorpusModel>();

// V8 optimises the solver's WebAssembly only once it runs hot: one synthetic solve (~0.3 s) spares
// the first requests a worker serves (3–5× slower otherwise). It runs right after the worker's
// first model is loaded, so a start's readiness (every worker holding the model) does not wait for
// it, or, when no model comes for WARM_UP_IDLE_MS (a first build of a large folder), meanwhile.
// A task that comes first waits for it.
const WARM_UP_IDLE_MS = 2000;
let warmed: Promise<void> | undefined;
const warmUp = (): Promise<void> => (warmed ??= Promise.resolve(solverReady).then(warmUpSolver));
setTimeout(warmUp, WARM_UP_IDLE_MS).unref();

function modelOf(ref: ModelRef): CorpusModel {
  let model = slots.get(ref.generation);
  if (!model) {
    model = modelFromColumns(ref.columns);
    slots.set(ref.generation, model);
    while (slots.size > 2) slots.delete(Math.min(...slots.keys()));
  }
  return model;
}

const { channel: channelName } = workerData as ComputeWorkerData;
const channel = new BroadcastChannel(channelName);
channel.onmessage = (event) => {
  const message = (event as { data: ModelMessage }).data;
  switch (message.type) {
    case 'load': {
      let error: string | undefined;
      try {
        modelOf(message.model);
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
      const reply: ModelMessage = {
        type: 'loaded',
        generation: message.model.generation,
        threadId,
        ...(error ? { error } : {}),
      };
      channel.postMessage(reply);
      setImmediate(warmUp);
      break;
    }
    case 'commit':
      for (const g of [...slots.keys()]) if (g < message.generation) slots.delete(g);
      break;
    case 'drop':
      slots.delete(message.generation);
      break;
    case 'hello':
    case 'loaded':
      break;
  }
};
(channel as unknown as { unref(): void }).unref();
channel.postMessage({ type: 'hello', threadId } satisfies ModelMessage);

/**
 * Runs one task: a summary or a topic detail of the served corpus as JSON text (`null`: unknown
 * topic), or the answer to `POST /v1/summarize` (JSON or Markdown text).
 */
export default async function run(task: ComputeTask): Promise<string | null> {
  await warmUp();
  switch (task.kind) {
    case 'summary':
      return summaryJson(modelOf(task.model), task.request) ?? null;
    case 'topic':
      return topicJson(modelOf(task.model), task.topicId) ?? null;
    case 'posted':
      return postedSummary(task.body, task.markdown);
  }
}
