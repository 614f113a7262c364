// Preloaded (`node --import`) into the compiled service by test/compiled.test.ts, and inherited by
// its worker threads: any TypeScript module (or tsx itself) resolved in any thread is an error,
// and every thread says on stderr that the guard is on.
import { register } from 'node:module';
import { threadId } from 'node:worker_threads';

const hooks = `
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (/\\.[cm]?tsx?$/.test(new URL(r.url).pathname) || /\\/node_modules\\/tsx\\//.test(r.url))
    throw new Error('TypeScript resolved at run time: ' + r.url);
  return r;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
process.stderr.write(`forbid-typescript: on in thread ${threadId}\n`);
