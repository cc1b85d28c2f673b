import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium through playwright-core against the built renderer (see test/e2e/README in the suite).
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    // Two files at a time, each with its own Chromium, app process, user-data folder and port: on CI's two
    // cores the suite takes ~400 s instead of ~530 s (of the 20 minutes CI may take). A test may then take
    // twice as long as alone, so the timeouts are twice what the slowest test (~37 s alone) needs.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
