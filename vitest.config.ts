import { defineConfig } from 'vitest/config';

/** Every test file runs after test/setup.ts (the summary solver loaded). */
export default defineConfig({
  test: { setupFiles: ['test/setup.ts'] },
});
