// The desktop shell itself, where the Electron binary exists. On machines
// whose install could not download Electron (CI here, many office networks)
// this one test is skipped and says why; every other e2e test runs the same
// renderer and handlers through the browser transport.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, _electron as electron } from '@playwright/test';

function electronBinary(): string | null {
  try {
    const path = createRequire(__filename)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test('the desktop window opens on the library with the typed API and no Node in the page', async () => {
  test.skip(!binary, 'Electron 二进制未安装（安装时无法下载），桌面外壳冒烟测试跳过；浏览器模式的测试覆盖同一界面和处理程序');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ensureElectronSqlite } = require('../../scripts/electron-native.cjs') as {
    ensureElectronSqlite: (root: string) => { ok: boolean; path?: string; message?: string };
  };
  const binding = ensureElectronSqlite(process.cwd());
  expect(binding.ok, binding.message).toBe(true);
  const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: ['.'],
    env: { ...process.env, NIANBAO_DATA_DIR: dataDir, NIANBAO_SQLITE_BINDING: binding.path! },
  });
  const page = await app.firstWindow();
  await expect(page.getByRole('heading', { name: '年报编制助手' })).toBeVisible();
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof window.nianbao?.library.list)).toBe('function');
  expect(await page.evaluate(() => typeof window.nianbaoShell?.onCommand)).toBe('function');
  // The window lies wholly inside the primary display's work area (title bar and bottom edge reachable).
  const fit = await app.evaluate(({ BrowserWindow, screen }) => {
    const bounds = BrowserWindow.getAllWindows()[0]!.getBounds();
    const area = screen.getPrimaryDisplay().workArea;
    return { bounds, area, visible: BrowserWindow.getAllWindows()[0]!.isVisible() };
  });
  expect(fit.visible).toBe(true);
  expect(fit.bounds.x).toBeGreaterThanOrEqual(fit.area.x);
  expect(fit.bounds.y).toBeGreaterThanOrEqual(fit.area.y);
  expect(fit.bounds.x + fit.bounds.width).toBeLessThanOrEqual(fit.area.x + fit.area.width);
  expect(fit.bounds.y + fit.bounds.height).toBeLessThanOrEqual(fit.area.y + fit.area.height);
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});
