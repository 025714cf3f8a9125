// Two browser tabs on one report, and a text far past the length limit, in
// the real renderer over the real handlers: the second tab is told the report
// was saved elsewhere and can reload it; the long paste is refused with why.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createHandlers } from '../../src/main/handlers';
import { openServices } from '../../src/main/open-services';
import { RENDERER_DIR } from '../../src/main/serve/command';
import { startServer } from '../../src/main/serve/server';
import { openLibrary } from '../../src/main/services/library';
import { test, expect, saved } from './fixtures';
import { readReportJson } from '../../src/shared/model/report-json';
import { documentTitle, type Report } from '../../src/shared/model/report';

const read = readReportJson(JSON.parse(readFileSync('tests/fixtures/seed-2022.json', 'utf8')));
if (!read.ok) throw new Error(read.error);
const seed: Report = read.value;

const outline = (page: Page) => page.getByRole('navigation', { name: '报告大纲' });
const problems = (page: Page) => page.getByRole('textbox', { name: '五、存在的主要问题及改进情况' });

async function openProblems(page: Page): Promise<void> {
  await page
    .getByRole('button', { name: documentTitle(seed) })
    .first()
    .click();
  await expect(page.locator('.report-title')).toHaveText(documentTitle(seed));
  await outline(page)
    .getByRole('button', { name: /五、存在的主要问题/ })
    .click();
}

test('the second of two tabs saving one report is told it changed elsewhere, and reloads it', async ({ page, app }) => {
  const stored = app.services.library.add(seed);
  if (!stored.ok) throw new Error(stored.error.message);
  await app.open();
  await openProblems(page);
  const second = await page.context().newPage();
  await second.goto(page.url().split('#')[0]!);
  await openProblems(second);

  await problems(page).fill('第一个标签页的改进措施。');
  await saved(page);
  await problems(second).fill('第二个标签页的改进措施。');
  await expect(second.locator('.save-state')).toHaveText('未保存');
  const alert = second.getByRole('alert').filter({ hasText: '未保存' });
  await expect(alert).toContainText('已在别处（另一个窗口或浏览器标签页）修改并保存过，本次修改未保存');
  await second.screenshot({ path: 'artifacts/hardening-conflict.png' });
  const library = app.services.library.get(stored.value.id);
  expect(library.ok && library.value.report.narratives.problems).toBe('第一个标签页的改进措施。');

  await alert.getByRole('button', { name: /重新载入/ }).click();
  await expect(problems(second)).toHaveValue('第一个标签页的改进措施。');
  await saved(second);
  await second.close();
});

test('a 150,000-line paste is refused under its box with the limit and the count', async ({ page, app }) => {
  const stored = app.services.library.add(seed);
  if (!stored.ok) throw new Error(stored.error.message);
  await app.open();
  await openProblems(page);
  const text = Array.from({ length: 150_000 }, (_, i) => `第${i + 1}行`).join('\n');
  // A real paste from the clipboard (Ctrl+V), over the text already there.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((pasted) => navigator.clipboard.writeText(pasted), text);
  await problems(page).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await expect(page.getByRole('alert').filter({ hasText: '未能输入' })).toContainText(
    `「五、存在的主要问题及改进情况」有 ${text.length.toLocaleString('en-US')} 个字符，超过每部分 50,000 个字符`,
  );
  await expect(problems(page)).toHaveValue(seed.narratives.problems);
  await page.screenshot({ path: 'artifacts/hardening-too-long.png' });
  // Typing on within the limit is taken again, and the message goes.
  await problems(page).fill('精简后的文字。');
  await expect(page.getByRole('alert').filter({ hasText: '未能输入' })).toHaveCount(0);
  await saved(page);
});

test('a read-only library opens for reading, says why, and refuses edits with the reason', async ({ page }) => {
  // Root (these tests' user) may write any file; the program goes by the read-only mark (no write bit) all the same.
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-e2e-readonly-'));
  const databasePath = join(dir, 'library.db');
  const made = openLibrary(databasePath);
  if (!made.ok) throw new Error(made.error.message);
  made.value.library.add(seed);
  made.value.library.close();
  chmodSync(databasePath, 0o444);
  const before = readFileSync(databasePath);
  const listing = readdirSync(dir, { recursive: true }).sort();
  const services = await openServices({ databasePath, shell: 'browser' });
  if (!services.ok) throw new Error(services.error.message);
  const server = await startServer({ handlers: createHandlers(services.value), rendererDir: RENDERER_DIR });
  try {
    await page.goto(server.url);
    await expect(page.locator('.notices, [role="alert"]').filter({ hasText: '已以只读方式打开' }).first()).toBeVisible();
    // The buttons that would write are off, and say why.
    await expect(page.getByRole('button', { name: '开始今年的报告' })).toBeDisabled();
    await expect(page.getByRole('button', { name: '从文件导入…' })).toBeDisabled();
    await expect(page.getByRole('button', { name: '复制' }).first()).toHaveAttribute('title', /只读/);
    await openProblems(page);
    await expect(page.getByRole('button', { name: '导入表格…' })).toBeDisabled();
    await expect(page.getByRole('button', { name: '标记为定稿' })).toBeDisabled();
    await expect(page.locator('.readonly-banner')).toContainText('是只读的，已以只读方式打开：可以查看、校验和导出报告，不能修改');
    // The boxes take no typing; the banner says why.
    await expect(problems(page)).toHaveJSProperty('readOnly', true);
    await problems(page).press('End');
    await page.keyboard.type('想改一下。');
    await expect(problems(page)).toHaveValue(seed.narratives.problems);
    await saved(page);
    await page.screenshot({ path: 'artifacts/hardening-read-only.png' });
  } finally {
    await page.goto('about:blank');
    await server.close();
    await services.value.close();
  }
  expect(readFileSync(databasePath).equals(before)).toBe(true);
  expect(readdirSync(dir, { recursive: true }).sort()).toEqual(listing);
  chmodSync(databasePath, 0o644);
  rmSync(dir, { recursive: true, force: true });
});
