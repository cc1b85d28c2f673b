import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Unit and integration tests. The end-to-end suite has its own config (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    globals: true,
    // Two test files at a time at least: vitest's default (one fewer than the cores) ran one at a time on the
    // 2-core CI machines, idle while a file waited on the processes it starts (the store's crash test kills
    // 370 of them, the CLI and build tests run Node). More cores keep vitest's default.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The CLI speaks the system locale when --lang is not given; tests read its English unless they ask.
    env: { LC_ALL: 'en_US.UTF-8' },
    setupFiles: ['test/setup/electron-mock.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'test/core/**/*.test.ts',
            'test/host/**/*.test.ts',
            'test/electron/**/*.test.ts',
            'test/cli/**/*.test.ts',
            'test/templates/**/*.test.ts',
            'test/locales/**/*.test.ts',
            'test/build/**/*.test.ts',
            'test/bench/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.ts', 'test/renderer/**/*.test.tsx'],
        },
      },
    ],
  },
});
