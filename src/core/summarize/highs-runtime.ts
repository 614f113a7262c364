import highsImport, { type Highs } from 'highs';

/**
 * The HiGHS runtime (Huangfu & Hall 2018, the MIT-licensed LP/MIP solver compiled to
 * WebAssembly by the `highs` package): loaded once per process by a top-level await when the
 * core is first imported, so every solve afterwards is synchronous and `summarize()` stays a
 * plain function. The `.wasm` ships in the package and is read next to its loader: nothing is
 * downloaded. The only module that imports `highs`.
 */

type Loader = typeof highsImport.default;
// Under NodeNext the package's CommonJS typings put the loader at `.default`; the ESM build Node
// actually loads default-exports the loader itself, and its `.default` is undefined at run time.
const loadHighs: Loader =
  (highsImport as unknown as { default?: Loader }).default ?? (highsImport as unknown as Loader);

/** The loaded solver runtime (one per process: each load costs ~20 MB of WebAssembly memory). */
export const highs: Highs = await loadHighs();
