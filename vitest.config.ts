import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/test/global-setup.ts'],
    // One PGlite per worker, shared by the files that worker runs (see src/test/databases.ts):
    // starting one costs seconds and ~0.8 GB, so files are not isolated from each other.
    isolate: false,
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
