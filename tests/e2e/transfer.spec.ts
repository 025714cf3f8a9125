// Importing a workbook into the open report and exporting the document, as a
// user does it: button, file picker, drag and drop, preview, apply, undo.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { test, expect, saved } from './fixtures';
import { exportWorkbook } from '../../src/main/services/excel';
import { blankReport, documentTitle, valueAt, type Report } from '../../src/shared/model/report';
import { readReportJson } from '../../src/shared/model/report-json';

function seed(): Report {
  const read = readReportJson(JSON.parse(readFileSync('tests/fixtures/seed-2022.json', 'utf8')));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

async function openReport(page: Page, report: Report) {
  await page
    .getByRole('button', { name: documentTitle(report) })
    .first()
    .click();
  await expect(page.locator('.report-title')).toHaveText(documentTitle(report));
}

test('import a workbook: preview every change, cancel writes nothing, apply is one undo step', async ({ page, app }) => {
  const blank = blankReport({ agency: '余杭区统计局', year: 2022, level: '县区部门' });
  const stored = app.services.library.add(blank);
  if (!stored.ok) throw new Error(stored.error.message);
  const workbook = join(app.dir, '2022年报表.xlsx');
  writeFileSync(workbook, await exportWorkbook(seed(), { findings: [], draft: false }));

  await app.open();
  await openReport(page, blank);

  // Cancel: nothing changes.
  await page.locator('input[type=file]').setInputFiles(workbook);
  const dialog = page.getByRole('dialog', { name: '导入「2022年报表.xlsx」' });
  await expect(dialog.locator('.import-summary')).toContainText('将改动 200 个格子');
  // The preview is the three tables: 行政处罚 will hold 6, and is marked as changed.
  await expect(dialog.getByRole('region', { name: '导入预览' }).locator('table')).toHaveCount(3);
  await expect(dialog.locator('td[data-cell="proactive.penalty.decisions"]')).toHaveText('6');
  await expect(dialog.locator('td[data-cell="proactive.penalty.decisions"]')).toHaveClass(/changed/);
  // The workbook's title names the same year as the report: no wrong-year warning.
  await expect(dialog.getByText(/这是 \d+ 年的表格/)).toHaveCount(0);
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  const untouched = app.services.library.get(stored.value.id);
  expect(untouched.ok && valueAt(untouched.value.report, 'proactive.penalty.decisions')).toBeNull();

  // Apply: every cell lands and is saved.
  await page.locator('input[type=file]').setInputFiles(workbook);
  await dialog.getByRole('button', { name: '导入 200 处改动' }).click();
  await expect(page.getByText('已从「2022年报表.xlsx」导入 200 处改动')).toBeVisible();
  await saved(page);
  const after = app.services.library.get(stored.value.id);
  if (!after.ok) throw new Error(after.error.message);
  expect(after.value.report.tables).toEqual(seed().tables);
  // The report as it was before the import is kept as a version.
  const versions = app.services.library.listRevisions(stored.value.id);
  expect(versions.ok && versions.value.map((v) => v.reason)).toContain('replace');
  await page.screenshot({ path: 'artifacts/e2e/import-applied.png' });

  // One undo takes the whole import back.
  await page.keyboard.press('Control+z');
  await saved(page);
  const undone = app.services.library.get(stored.value.id);
  expect(undone.ok && undone.value.report.tables).toEqual(blank.tables);
});

test('drop a workbook on the window to import it; a legacy .xls gets advice and changes nothing', async ({ page, app }) => {
  const blank = blankReport({ agency: '临平区民政局', year: 2022, level: '县区部门' });
  const stored = app.services.library.add(blank);
  if (!stored.ok) throw new Error(stored.error.message);
  await app.open();
  await openReport(page, blank);

  const drop = async (name: string, bytes: Buffer) => {
    const transfer = await page.evaluateHandle(
      ({ name, data }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name));
        return dt;
      },
      { name, data: bytes.toString('base64') },
    );
    await page.locator('.report-drop').dispatchEvent('dragover', { dataTransfer: transfer });
    await page.locator('.report-drop').dispatchEvent('drop', { dataTransfer: transfer });
  };

  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(1016).fill(0)]);
  await drop('2021年旧表.xls', ole);
  const bad = page.getByRole('dialog', { name: '导入「2021年旧表.xls」' });
  await expect(bad.getByRole('alert')).toContainText('另存为 .xlsx');
  await expect(bad.getByRole('button', { name: /导入 \d+ 处改动/ })).toHaveCount(0);
  await bad.getByRole('button', { name: '取消' }).click();

  // Last year's workbook dropped on this year's report by mistake: the preview says so.
  await drop('2021年报表.xlsx', Buffer.from(await exportWorkbook({ ...seed(), year: 2021 }, { findings: [], draft: false })));
  const wrongYear = page.getByRole('dialog', { name: '导入「2021年报表.xlsx」' });
  await expect(wrongYear.getByRole('alert')).toHaveText('这是 2021 年的表格，当前报告是 2022 年度：请确认没有选错文件。');
  await wrongYear.getByRole('button', { name: '取消' }).click();

  await drop('报表.xlsx', Buffer.from(await exportWorkbook(seed(), { findings: [], draft: false })));
  const good = page.getByRole('dialog', { name: '导入「报表.xlsx」' });
  await good.getByRole('button', { name: '导入 200 处改动' }).click();
  // The import is applied after the version before it is kept: wait for it, then for its save.
  await expect(page.getByText('已从「报表.xlsx」导入 200 处改动')).toBeVisible();
  await saved(page);
  const after = app.services.library.get(stored.value.id);
  expect(after.ok && valueAt(after.value.report, 'requests.received.total')).toBe(10);
});

test('export: preview the document, Word downloads, a report with errors goes out only as a draft', async ({ page, app }) => {
  const report = seed();
  const stored = app.services.library.add(report);
  if (!stored.ok) throw new Error(stored.error.message);
  await app.open();
  await openReport(page, report);

  // Clean but not yet final: only a draft may leave.
  await page.getByRole('button', { name: '导出…' }).click();
  const dialog = page.getByRole('dialog', { name: '导出报告' });
  await expect(dialog.getByRole('note')).toHaveText('检查已通过：点“定稿并导出”即标记为定稿并导出正式文件。');
  await expect(dialog.getByLabel('标注“草稿”')).toBeDisabled();
  await expect(dialog.getByRole('button', { name: '定稿并导出' })).toBeEnabled();
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '标记为定稿' }).click();
  await expect(page.locator('.final-banner')).toBeVisible();

  await page.getByRole('button', { name: '导出…' }).click();
  // Final already: no 定稿并导出, only 导出.
  await expect(dialog.getByRole('button', { name: '定稿并导出' })).toHaveCount(0);
  await expect(dialog.frameLocator('iframe[title="文档预览"]').getByRole('heading', { level: 1 })).toHaveText(documentTitle(report));
  await expect(dialog.getByLabel('标注“草稿”')).toBeEnabled();
  // The 2022 report is published long after 31 January 2023: the notice says so.
  await expect(dialog.getByRole('note')).toContainText('年度报告应于 2023 年 1 月 31 日前公布');
  await page.screenshot({ path: 'artifacts/e2e/export-dialog.png' });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '导出', exact: true }).click()]);
  expect(download.suggestedFilename()).toBe('余杭区统计局2022年政府信息公开工作年度报告.docx');
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  expect(await zip.file('word/document.xml')!.async('string')).toContain('余杭区统计局');
  await expect(dialog.getByRole('status')).toContainText('已导出');
  // Another format: the file just written is no longer what the dialog speaks of.
  await dialog.getByLabel(/PDF/).check();
  await expect(dialog.getByRole('status')).toHaveCount(0);
  await dialog.getByRole('button', { name: '取消' }).click();

  // Back to draft, break a total: the export is a draft, and says so.
  expect(app.services.library.setStatus(stored.value.id, '草稿').ok).toBe(true);
  const edited = app.services.library.applyEdit(stored.value.id, { cells: { 'requests.results_total.natural': 9 } });
  expect(edited.ok).toBe(true);
  await page.reload();
  await page.getByRole('button', { name: '导出…' }).click();
  await expect(dialog.getByRole('note')).toContainText('还不能定稿，只能导出草稿');
  await expect(dialog.locator('.export-blocking li')).toHaveCount(3);
  await expect(dialog.getByRole('button', { name: '定稿并导出' })).toBeDisabled();
  await expect(dialog.getByLabel('标注“草稿”')).toBeChecked();
  await expect(dialog.getByLabel('标注“草稿”')).toBeDisabled();
  await dialog.getByLabel(/网页/).check();
  const [draft] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '导出草稿', exact: true }).click()]);
  expect(draft.suggestedFilename()).toBe('余杭区统计局2022年政府信息公开工作年度报告（草稿）.html');
  expect(readFileSync(await draft.path(), 'utf8')).toContain('草稿');
});

test('import preview: readings of 0 and units are marked, cells that could not be read are listed and keep their value', async ({
  page,
  app,
}) => {
  const report = seed();
  const stored = app.services.library.add(report);
  if (!stored.ok) throw new Error(stored.error.message);
  const corpus = 'tests/fixtures/xlsx/corpus';
  const pick = (prefix: string) =>
    join(
      corpus,
      readdirSync(corpus).find((f) => f.startsWith(prefix) && f.endsWith('.lo.xlsx'))!,
    );
  const old = join(app.dir, '旧版报表.xlsx');
  copyFileSync(pick('old-other-row--distinct'), old);
  const units = join(app.dir, '带单位报表.xlsx');
  copyFileSync(pick('units--distinct'), units);

  await app.open();
  await openReport(page, report);
  await page.locator('input[type=file]').setInputFiles(units);
  const unitDialog = page.getByRole('dialog', { name: '导入「带单位报表.xlsx」' });
  await expect(unitDialog.locator('.import-notes')).toContainText('收费金额以元填写，已除以 10000 换算为万元');
  const fee = unitDialog.locator('[data-cell="proactive.fees.amount"]');
  await expect(fee).toHaveClass(/converted/);
  await expect(fee).toHaveAttribute('title', /元，换算为万元/);
  await page.screenshot({ path: 'artifacts/e2e/import-units.png' });
  await unitDialog.getByRole('button', { name: '取消' }).click();

  await page.locator('input[type=file]').setInputFiles(old);
  const dialog = page.getByRole('dialog', { name: '导入「旧版报表.xlsx」' });
  await expect(dialog.locator('.import-summary')).toContainText('21 个格子无法确定数值，已留空（灰色），保持原值');
  await expect(dialog.locator('.import-notes')).toContainText('只有一行（旧版格式');
  await dialog.locator('.import-missing summary', { hasText: '文件没有给出数值的格子（21）' }).click();
  await expect(dialog.locator('.import-missing li').first()).toContainText('无法拆分');
  await expect(dialog.locator('[data-cell="requests.other_other.total"]')).toHaveClass(/not-found/);
  await page.screenshot({ path: 'artifacts/e2e/import-left-blank.png' });
  await dialog.getByRole('button', { name: /导入 \d+ 处改动/ }).click();
  await saved(page);
  const after = app.services.library.get(stored.value.id);
  if (!after.ok) throw new Error(after.error.message);
  // The three rows the old layout can't give keep what the report had.
  expect(after.value.report.tables.requests.other_other).toEqual(report.tables.requests.other_other);
  expect(after.value.report.tables.requests.other_no_fee).toEqual(report.tables.requests.other_no_fee);
});
