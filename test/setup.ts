import { solverReady } from '../src/core/index.js';

// Summaries solve their ILP synchronously; the solver's WebAssembly loads once, asynchronously,
// before any test file runs (as every entry point of the service awaits it).
await solverReady;
