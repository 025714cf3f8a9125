// The e2e harness: the real renderer (built) in a real Chromium, its API the
// real handlers over a real SQLite file, carried over HTTP exactly as
// `nianbao serve` does. Every test also checks that the page made no request
// outside this machine.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../src/main/handlers';
import { openServices, type OpenedServices } from '../../src/main/open-services';
import { RENDERER_DIR } from '../../src/main/serve/command';
import { startServer, type RunningServer } from '../../src/main/serve/server';
// The readers and writers load on first use (a dynamic import), which Node's ESM loader would take
// from TypeScript sources untranspiled in this harness; loaded here first, through the harness's own
// transpiling require, they are found in its module cache (the built app and CLI bundle them).
import '../../src/main/services/documents';
import '../../src/main/services/excel';
import '../../src/main/services/sources';

export interface App {
  /** The database file the app is using. */
  databasePath: string;
  services: OpenedServices;
  /** Opens the app (the library page) in the test's page, as the printed URL would. */
  open(): Promise<void>;
  /**
   * Simulates closing the app and starting it again on the same database: new
   * server, new page load. `whileClosed` runs in between (to damage the file, say).
   */
  restart(whileClosed?: () => void): Promise<void>;
  /** A folder for files the test makes. */
  dir: string;
}

async function launch(databasePath: string): Promise<{ services: OpenedServices; server: RunningServer }> {
  const opened = await openServices({ databasePath, shell: 'browser' });
  if (!opened.ok) throw new Error(opened.error.message);
  const server = await startServer({ handlers: createHandlers(opened.value), rendererDir: RENDERER_DIR });
  return { services: opened.value, server };
}

function watchRequests(page: Page): string[] {
  const outside: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    const local = url.protocol === 'data:' || url.protocol === 'blob:' || ['127.0.0.1', 'localhost'].includes(url.hostname);
    if (!local) outside.push(req.url());
  });
  return outside;
}

export const test = base.extend<{ app: App }>({
  app: async ({ page }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-e2e-'));
    const databasePath = join(dir, 'library.db');
    let running = await launch(databasePath);
    const outside = watchRequests(page);
    const app: App = {
      databasePath,
      dir,
      get services() {
        return running.services;
      },
      open: async () => {
        await page.goto(running.server.url);
      },
      restart: async (whileClosed) => {
        await page.goto('about:blank');
        await running.server.close();
        await running.services.close();
        whileClosed?.();
        running = await launch(databasePath);
        await page.goto(running.server.url);
      },
    };
    await use(app);
    await page.goto('about:blank').catch(() => undefined);
    await running.server.close();
    await running.services.close();
    rmSync(dir, { recursive: true, force: true });
    expect(outside, 'the page must make no request outside this machine').toEqual([]);
  },
});

export { expect };

/**
 * Waits until the page has drawn the frame after the last edit's, and what is told of an edit only then (the save
 * state, the outline, the 概览: report/afterFrame.ts) has rendered. Read sooner, the page shows what it showed before
 * the edit: an assertion that 已保存 is still there would pass before the save has begun.
 */
export async function frameAfterEdit(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((drawn) => requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() => drawn()), 0))),
  );
}

/** The last edit is on disk: the save indicator, once told of it, says 已保存. */
export async function saved(page: Page): Promise<void> {
  await frameAfterEdit(page);
  await expect(page.locator('.save-state')).toHaveText('已保存');
}
