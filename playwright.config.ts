import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './src/main/services/documents/chromium-args';

// The e2e suite runs the built renderer (out/renderer) in Debian's Chromium,
// served with the real handlers over a real SQLite file (tests/e2e/fixtures.ts).
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'artifacts/e2e/results',
  workers: 1,
  timeout: 120_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS],
    },
    screenshot: 'only-on-failure',
  },
});
