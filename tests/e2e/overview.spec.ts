// The 概览 of the editor over the real handlers: the KPIs beside last year's,
// live as a cell changes, the charts drawn by ECharts in the page, and the
// 一图读懂 previewed and downloaded as a PNG 750 px wide.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, type App } from './fixtures';
import { documentTitle, type Report } from '../../src/shared/model/report';
import { busy, busyLastYear } from '../fixtures/busy-years';

async function openReport(page: Page, app: App, report: Report, previous?: Report): Promise<void> {
  if (previous) app.services.library.add(previous);
  const stored = app.services.library.add(report);
  if (!stored.ok) throw new Error(stored.error.message);
  await app.open();
  await page
    .getByRole('button', { name: documentTitle(report) })
    .first()
    .click();
  await expect(page.locator('.report-title')).toHaveText(documentTitle(report));
}

const kpi = (page: Page, id: string) => page.locator(`.kpi[data-kpi="${id}"]`);

test('概览: the KPIs beside last year, updated as a cell changes, with the charts drawn', async ({ page, app }) => {
  await openReport(page, app, busy, busyLastYear);
  await page.getByRole('tab', { name: '概览' }).click();
  const panel = page.getByRole('region', { name: '概览' });
  await expect(panel).toContainText(`与 ${busyLastYear.year} 年报告相比`);
  // 新收 438 this year, 371 last year (the fixture's sums: 356+47+3+2+19+11 and 301+38+2+1+22+7).
  await expect(kpi(page, 'received').locator('.kpi-value')).toHaveText('438 件');
  await expect(kpi(page, 'received').locator('.kpi-change')).toHaveText('上年 371 件 · +67 件');
  // The definition stands beside each figure.
  await expect(kpi(page, 'disclosure_rate').locator('.kpi-def')).toContainText('予以公开 + 部分公开');
  // Four charts, each an SVG that ECharts drew in the page.
  await expect(panel.locator('.chart svg')).toHaveCount(4);
  await page.screenshot({ path: 'artifacts/e2e/overview-panel.png' });
  await page.locator('.side-tab-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.screenshot({ path: 'artifacts/e2e/overview-panel-end.png' });

  // The author corrects 自然人's new requests in table 三: the KPIs follow at once, the chart after it.
  await page
    .getByRole('navigation', { name: '报告大纲' })
    .getByRole('button', { name: /三、收到和处理/ })
    .click();
  await page.locator('td[data-cell="requests.received.natural"]').click();
  await page.keyboard.type('400');
  await page.keyboard.press('Enter');
  await expect(kpi(page, 'received').locator('.kpi-value')).toHaveText('482 件'); // 438 − 356 + 400
  await expect(kpi(page, 'received').locator('.kpi-change')).toHaveText('上年 371 件 · +111 件');
  await expect(panel.locator('.chart-applicants svg')).toContainText('400');
  // Text where a number belongs: the KPIs that use the cell have no value.
  await page
    .getByRole('navigation', { name: '报告大纲' })
    .getByRole('button', { name: /二、主动公开/ })
    .click();
  await expect(kpi(page, 'fees').locator('.kpi-value')).toHaveText('12.35 万元');
  await page.locator('td[data-cell="proactive.fees.amount"]').click();
  await page.keyboard.type('若干');
  await page.keyboard.press('Enter');
  await expect(kpi(page, 'fees').locator('.kpi-value')).toHaveText('—');
  await expect(kpi(page, 'fees').locator('.kpi-change')).toHaveText('上年 12.35 万元 · —');
  await page.screenshot({ path: 'artifacts/e2e/overview-live.png' });
});

test('一图读懂: preview with the highlights from the text, then a 750 px PNG downloads', async ({ page, app }) => {
  await openReport(page, app, busy, busyLastYear);
  await page.getByRole('tab', { name: '概览' }).click();
  await page.getByRole('button', { name: '一图读懂…' }).click();
  const dialog = page.getByRole('dialog', { name: '一图读懂' });
  const highlights = dialog.getByRole('textbox', { name: '工作亮点' });
  // The first sentence of （一）主动公开 of the seed's text, its "一是" dropped.
  await expect(highlights).toHaveValue(/^及时更新政府公开信息\n/);
  await highlights.fill('全年主动公开政府信息三千余条\n依申请公开件件依法答复');
  const preview = dialog.getByRole('img', { name: /一图读懂/ });
  await expect(preview).toBeVisible();
  await expect.poll(async () => decodeURIComponent((await preview.getAttribute('src')) ?? '')).toContain('依申请公开件件依法答复');
  await page.screenshot({ path: 'artifacts/e2e/infographic-dialog.png' });

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '导出', exact: true }).click()]);
  expect(download.suggestedFilename()).toBe(`${documentTitle(busy)}（一图读懂）.png`);
  const png = readFileSync(await download.path());
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect(png.readUInt32BE(16)).toBe(750);
  await expect(dialog.getByRole('status')).toContainText('已导出');
});
