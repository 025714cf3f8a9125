// Rows copied from an office's own workbook often carry their labels: the
// labels are left out and the figures land where they belong.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { blankTables, documentTitle } from '../../src/shared/model/report';
import { readReportJson } from '../../src/shared/model/schema';

test('pasting rows with their labels puts only the figures into 三', async ({ page, app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const seed = readReportJson(JSON.parse(readFileSync('tests/fixtures/seed-2022.json', 'utf8')));
  if (!seed.ok) throw new Error(seed.error);
  const report = { ...seed.value, tables: { ...seed.value.tables, requests: blankTables().requests } };
  const stored = app.services.library.add(report);
  if (!stored.ok) throw new Error(stored.error.message);
  await app.open();
  await page
    .getByRole('button', { name: documentTitle(report) })
    .first()
    .click();
  await page.keyboard.press('Alt+3');
  await page.locator('td[data-cell="requests.received.natural"]').click();

  const rows = ['一、本年新收政府信息公开申请数量\t10\t0\t0\t0\t0\t0\t10', '二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0'];
  await page.evaluate((text) => navigator.clipboard.writeText(text), rows.join('\r\n') + '\r\n');
  await page.keyboard.press('Control+V');
  await expect(page.getByText('粘贴内容左侧 1 列是行标签，已略去，只粘贴数字。')).toBeVisible();
  await expect(page.locator('.save-state')).toHaveText('已保存');
  const after = app.services.library.get(stored.value.id);
  if (!after.ok) throw new Error(after.error.message);
  expect(after.value.report.tables.requests.received).toEqual({
    natural: 10,
    commercial: 0,
    research: 0,
    nonprofit: 0,
    legal: 0,
    other: 0,
    total: 10,
  });
  expect(after.value.report.tables.requests.carried_over).toEqual({
    natural: 0,
    commercial: 0,
    research: 0,
    nonprofit: 0,
    legal: 0,
    other: 0,
    total: 0,
  });
});
