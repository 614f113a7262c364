import highsImport, { type Highs } from 'highs';

/**
 * The HiGHS runtime (Huangfu & Hall 2018, the MIT-licensed LP/MIP solver compiled to
 * WebAssembly by the `highs` package), loaded once per process when the core is first imported.
 * The `.wasm` ships in the package and is read next to its loader: nothing is downloaded. The
 * only module that imports `highs`.
 *
 * Loading is asynchronous (WebAssembly instantiation) but solving is synchronous, so
 * `summarize()` stays a plain function: every entry point awaits {@link solverReady} once before
 * its first summary (the server, the CLI, the worker threads, the tools, the test setup). No
 * top-level await: worker threads load the core as CommonJS, where it is a syntax error.
 */

type Loader = typeof highsImport.default;
// Under NodeNext the package's CommonJS typings put the loader at `.default`; the ESM build Node
// actually loads default-exports the loader itself, and its `.default` is undefined at run time.
const loadHighs: Loader =
  (highsImport as unknown as { default?: Loader }).default ?? (highsImport as unknown as Loader);

export type { Highs };

let runtime: Highs | undefined;
let loading: Promise<void> | undefined;

/**
 * Settles once the solver is loaded (one per process: each load costs ~20 MB of WebAssembly
 * memory). The load starts when something first awaits it, not when the core is imported: the
 * server's main thread imports the core but never solves (its workers do), so it never loads it.
 */
export const solverReady: PromiseLike<void> = {
  then(onFulfilled, onRejected) {
    loading ??= loadHighs().then((h) => {
      runtime = h;
    });
    return loading.then(onFulfilled, onRejected);
  },
};

/** The loaded solver runtime; throws when called before {@link solverReady} settled. */
export function highsRuntime(): Highs {
  if (!runtime)
    throw new Error('citesum: the HiGHS solver is not loaded yet; await solverReady first');
  return runtime;
}
