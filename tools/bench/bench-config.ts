/**
 * The settings of `npm run bench`, read once from the environment (BENCH_QUICK, BENCH_SEED,
 * BENCH_OUT, BENCH_SERVER_LOG): every section reads them here, so a setting means the same in
 * the driver, the sections and the report.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED } from './generate-corpus.js';

/** The repository root: children run there and BENCH_OUT is resolved from it. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** `BENCH_QUICK=1`: smaller sizes and shorter loads, for a smoke test. */
export const QUICK = process.env.BENCH_QUICK === '1';
/** Corpus sizes of the scale section (articles). */
export const SIZES = QUICK ? [50, 200, 1000] : [100, 1000, 10_000];
/** Seconds of HTTP load per route and connection count (all rounds together). */
export const LOAD_SECONDS = QUICK ? 3 : 10;
/** Seconds of warm-up load per route before the measured rounds. */
export const WARMUP_SECONDS = QUICK ? 1 : 2;
/** HTTP loads are split into this many interleaved rounds (LOAD_SECONDS in all per route). */
export const ROUNDS = QUICK ? 3 : 5;
/** Connection counts of the HTTP section. */
export const CONNECTIONS = [10, 50];
/** Seed of the generated corpora (`BENCH_SEED`, default the generator's). */
export const SEED = Number(process.env.BENCH_SEED ?? DEFAULT_SEED);
/** Where bench.json and bench.md go (`BENCH_OUT`, default bench-out/). */
export const OUT = path.resolve(ROOT, process.env.BENCH_OUT ?? 'bench-out');
/** LOG_LEVEL of the server under HTTP load (`BENCH_SERVER_LOG`, default info). */
export const SERVER_LOG = process.env.BENCH_SERVER_LOG ?? 'info';
/** Start-ups timed per case (interleaved). */
export const STARTUP_RUNS = QUICK ? 2 : 3;
/** The tsx binary that starts servers as `npm start` does. */
export const TSX_BIN = path.join(ROOT, 'node_modules', '.bin', 'tsx');
/** The seed corpus (data/) that the HTTP and start-up sections serve. */
export const SEED_DATA = path.join(ROOT, 'data');
/** The Markdown load section: synthetic Markdown articles and alternating rounds. */
export const MARKDOWN = QUICK ? { articles: 100, rounds: 2 } : { articles: 500, rounds: 3 };
