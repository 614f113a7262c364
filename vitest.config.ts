import { defineConfig } from 'vitest/config';

/**
 * Every test file runs after test/setup.ts (the summary solver loaded). Tests assert behaviour,
 * not speed (speed is `npm run bench`): the timeout only catches a test that hangs, so it is
 * generous enough for a corpus build on a busy two-core machine running the files in parallel.
 */
export default defineConfig({
  test: { setupFiles: ['test/setup.ts'], testTimeout: 60_000 },
});
