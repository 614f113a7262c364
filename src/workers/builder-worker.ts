import { IndexBuilder, type Published } from '../store/index-builder.js';
import type { BuilderTask } from './messages.js';
import { parseInThreads } from './parse-pool.js';

/**
 * The builder thread (a one-thread piscina pool): loads the data folder, builds or reads the
 * model's snapshot and keeps the last build for the next incremental reload. Tasks run one at a
 * time; each answers with the snapshot to publish (or nothing when the folder did not change).
 */

let builder: IndexBuilder | undefined;
let location = '';

function builderFor(task: BuilderTask): IndexBuilder {
  const key = JSON.stringify([task.dataDir, task.indexDir, task.maxFileBytes]);
  if (!builder || key !== location) {
    builder = new IndexBuilder(task, undefined, { deferWrites: true, parseAhead: parseInThreads });
    location = key;
  }
  return builder;
}

/** Runs one builder task. */
export default async function run(task: BuilderTask): Promise<Published | null> {
  const b = builderFor(task);
  switch (task.kind) {
    case 'open':
      return b.open();
    case 'reload':
      return (await b.reload()) ?? null;
    case 'settle':
      return (await b.settle()) ?? null;
    case 'warm':
      b.warm();
      return null;
    case 'flush':
      await b.flush();
      return null;
    case 'adopt':
      b.adopt(task.adopt!.file, task.adopt!.sections);
      return null;
  }
}
