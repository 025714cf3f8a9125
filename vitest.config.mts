import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright specs live in tests/e2e and run under Playwright, not here.
    include: ['tests/shared/**/*.test.ts', 'tests/main/**/*.test.ts', 'tests/renderer/**/*.test.{ts,tsx}'],
    // Vitest's default of one worker per core less one leaves a 2-core machine (ours, CI's) running the files one
    // after another, each waiting in turn on the Chromium, LibreOffice and CLI processes it starts: two workers
    // take the unit run from 7.7 to 5.8 minutes there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
