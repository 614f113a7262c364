import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * Where a worker thread's module is and how the thread loads it: the one place that knows the
 * service runs either compiled (`npm start`: `tsc` output in dist/, plain Node, no TypeScript
 * compiled at run time by any thread) or from the TypeScript sources (tsx for development and
 * tools, vitest for the tests).
 */

/** The worker modules, by name (next to this module, compiled or not). */
export type WorkerName = 'compute-worker' | 'builder-worker' | 'parse-worker';

/** True when this module is `tsc` output (a `.js` file), false when it runs from its `.ts` source. */
export const COMPILED = import.meta.url.endsWith('.js');

/** What piscina needs to start one kind of worker. */
export interface WorkerEntry {
  /** The module's file URL. */
  readonly filename: string;
  /** The thread's Node flags, when they differ from this process's. */
  readonly execArgv?: string[];
}

/**
 * `--import tsx` for threads that run the TypeScript sources when this process was not started
 * through tsx (vitest transforms its own imports, not a thread's); started through tsx, threads
 * inherit its loader with the process's flags.
 */
function sourceExecArgv(): string[] | undefined {
  if (process.execArgv.some((a) => a.includes('tsx'))) return undefined;
  const loader = createRequire(import.meta.url).resolve('tsx');
  return [...process.execArgv, '--import', pathToFileURL(loader).href];
}

/**
 * The entry of a worker thread: the compiled `.js` beside this module when it is compiled, else
 * the `.ts` source with the tsx loader.
 *
 * @example
 * new Piscina({ ...workerEntry('compute-worker'), maxThreads: 2 })
 */
export function workerEntry(name: WorkerName): WorkerEntry {
  if (COMPILED) return { filename: new URL(`./${name}.js`, import.meta.url).href };
  const execArgv = sourceExecArgv();
  return {
    filename: new URL(`./${name}.ts`, import.meta.url).href,
    ...(execArgv ? { execArgv } : {}),
  };
}
