// The desktop shell's commands as the page receives them: through the
// bridge the preload exposes (window.nianbaoShell, shared/api/shell.ts).
// Electron is not installed everywhere, so the bridge is stood in for by an
// init script with the very shape the preload gives; the page, its store and
// the library are the real ones.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { documentTitle } from '../../src/shared/model/report';
import { readReportJson } from '../../src/shared/model/report-json';
import type { ShellBridge, ShellCommand } from '../../src/shared/api/shell';

declare global {
  interface Window {
    /** What the stand-in bridge keeps: the page's handler, for the test to call as main's message would. */
    shellCommand?: (command: ShellCommand) => void | Promise<void>;
  }
}

test('flush saves what was typed at once; the menu opens 导出 and goes back to the library', async ({ page, app }) => {
  await page.addInitScript(() => {
    const bridge: ShellBridge = { onCommand: (handler) => (window.shellCommand = handler) };
    window.nianbaoShell = bridge;
  });
  const read = readReportJson(JSON.parse(readFileSync('tests/fixtures/seed-2022.json', 'utf8')));
  if (!read.ok) throw new Error(read.error);
  const stored = app.services.library.add(read.value);
  if (!stored.ok) throw new Error(stored.error.message);
  await app.open();
  await page
    .getByRole('button', { name: documentTitle(read.value) })
    .first()
    .click();

  await page
    .getByRole('navigation', { name: '报告大纲' })
    .getByRole('button', { name: /六、其他需要报告的事项/ })
    .click();
  const other = page.getByRole('textbox', { name: '六、其他需要报告的事项' });
  await other.press('End');
  await other.pressSequentially('另：本年未发出收费通知。');
  // The window is closing: the command's promise settles only once the save is in the library.
  await page.evaluate(() => window.shellCommand!('flush'));
  const after = app.services.library.get(stored.value.id);
  expect(after.ok && after.value.report.narratives.other).toBe(`${read.value.narratives.other}另：本年未发出收费通知。`);

  await page.evaluate(() => window.shellCommand!('export'));
  const dialog = page.getByRole('dialog', { name: '导出报告' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();

  await page.evaluate(() => window.shellCommand!('library'));
  await expect(page.getByRole('button', { name: documentTitle(read.value) }).first()).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/');
});

test('打印 from the menu, even pressed as the report opens, previews the document and asks for the print dialog; on the library, or 导入 on a final report, the menu says why it does nothing', async ({
  page,
  app,
}) => {
  await page.addInitScript(() => {
    const bridge: ShellBridge = { onCommand: (handler) => (window.shellCommand = handler) };
    window.nianbaoShell = bridge;
    // The system's print dialog is the operating system's: the page's call to it is what is checked.
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  const read = readReportJson(JSON.parse(readFileSync('tests/fixtures/seed-2022.json', 'utf8')));
  if (!read.ok) throw new Error(read.error);
  app.services.library.add(read.value);
  await app.open();
  // On the library the menu's 打印 says what it needs, and keeps nothing for the report opened next.
  await page.evaluate(() => window.shellCommand!('print'));
  await expect(page.locator('.notice', { hasText: '要打印，请先在报告库中打开那份报告' })).toBeVisible();
  await page.screenshot({ path: 'artifacts/e2e/menu-on-library.png' });
  // Ctrl+P pressed as the report opens, before its page has loaded it: the preview opens once it has.
  await page
    .getByRole('button', { name: documentTitle(read.value) })
    .first()
    .evaluate((open: HTMLElement) => {
      open.click();
      void window.shellCommand!('print');
    });
  const dialog = page.getByRole('dialog', { name: '打印预览' });
  await expect(dialog).toContainText('每页印有“草稿”');
  const preview = dialog.frameLocator('iframe[title="文档预览"]');
  await expect(preview.locator('h1')).toContainText('2022年政府信息公开工作年度报告');
  await expect(preview.locator('h2')).toHaveCount(6);
  await expect(preview.locator('.draft-mark')).toHaveText('草稿');
  await dialog.getByRole('button', { name: '打印…' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // 导入表格 from the menu on a final report, whose header button is greyed out, says why instead of doing nothing.
  await page.getByRole('button', { name: '标记为定稿' }).click();
  await expect(page.locator('.final-banner')).toBeVisible();
  await page.evaluate(() => window.shellCommand!('import'));
  await expect(page.locator('.notice', { hasText: '报告已定稿，不能修改' })).toBeVisible();
});
