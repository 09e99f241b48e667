import { defineConfig } from 'vitest/config';
import { chromiumMissingNotice, hasChromium } from './e2e/support/chromium.ts';

// The browser tests (e2e/) need Debian's Chromium. Without it they are left out of the run, said in
// one line: a spec file that registers no test fails in Vitest, and skipped tests are not allowed.
if (!hasChromium) console.warn(chromiumMissingNotice);

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/support/**/*.test.ts', ...(hasChromium ? ['e2e/**/*.spec.ts'] : [])],
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
