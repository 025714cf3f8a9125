// `nianbao serve` as a user runs it: start the command, read the URL from its
// first line, open it, create a report, stop it with Ctrl+C, and find the
// report in the database file.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test, expect } from '@playwright/test';
import { openLibrary } from '../../src/main/services/library';

test('nianbao serve prints its URL first, serves the app, and keeps what was made after Ctrl+C', async ({ page }) => {
  const db = join(mkdtempSync(join(tmpdir(), 'nianbao-serve-')), 'library.db');
  const child = spawn(process.execPath, ['bin/nianbao.cjs', 'serve', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', () => reject(new Error('serve exited before printing its URL')));
  });
  expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);

  await page.goto(firstLine);
  await page.getByRole('button', { name: '新建报告' }).click();
  const dialog = page.getByRole('dialog', { name: '新建报告' });
  await dialog.getByLabel('机关名称').fill('临平区民政局');
  await dialog.getByLabel('报告年度').fill('2025');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(page.locator('.report-title')).toHaveText('临平区民政局2025年政府信息公开工作年度报告');
  // The token left the address bar once read; a second tab on the same address still reaches the app.
  expect(page.url()).not.toContain('token=');
  const second = await page.context().newPage();
  await second.goto(page.url().split('#')[0]!);
  await expect(second.getByRole('region', { name: '临平区民政局' })).toBeVisible();
  await second.close();

  child.kill('SIGINT');
  expect(await exited).toBe(0);

  const opened = openLibrary(db);
  if (!opened.ok) throw new Error(opened.error.message);
  const list = opened.value.library.list({});
  await opened.value.library.openingBackup;
  opened.value.library.close();
  if (!list.ok) throw new Error(list.error.message);
  expect(list.value.map((r) => [r.agency, r.year])).toEqual([['临平区民政局', 2025]]);
});
