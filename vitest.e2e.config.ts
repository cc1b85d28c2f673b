import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium through playwright-core against the built renderer (see test/e2e/README in the suite).
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
