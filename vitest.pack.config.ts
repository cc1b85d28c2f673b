import { defineConfig } from 'vitest/config';

// The packed app: electron-builder's unpacked builds (scripts/pack.mjs) inspected per target. Run by
// `npm run test:pack`, which packs first (it needs the npm registry once for the other platforms' sharp).
export default defineConfig({
  test: {
    name: 'pack',
    environment: 'node',
    include: ['test/pack/**/*.pack.ts'],
    testTimeout: 60_000,
  },
});
