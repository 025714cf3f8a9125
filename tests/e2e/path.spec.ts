// The whole path of the day before the deadline, as a clerk walks it: last
// year's report (a real body's 2023 report JSON) and this year's workbook
// (made here by hand with exceljs, "—" where the office had nothing) → this
// year's report → the text written → 定稿并导出. Every step is asserted, and
// the user actions besides writing the text are counted: at most six.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { actionCounter, AGENCY, lastYearJson, thisYearWorkbook, writeText } from '../fixtures/path-files';
import { documentTitle, valueAt } from '../../src/shared/model/report';
import { readReportJson } from '../../src/shared/model/schema';
import { validate } from '../../src/shared/rules/engine';

test('last year’s report and this year’s workbook to the final document in six actions besides the text', async ({ page, app }) => {
  const lastYear = join(app.dir, `${AGENCY}2023年报告.json`);
  writeFileSync(lastYear, lastYearJson());
  const workbook = join(app.dir, '2024年统计表.xlsx');
  await thisYearWorkbook(workbook);
  const steps = actionCounter();

  await app.open();
  // 1. 开始今年的报告
  await steps.act(() => page.getByRole('button', { name: '开始今年的报告' }).click());
  const dialog = page.getByRole('dialog', { name: '开始今年的报告' });
  await expect(dialog).toBeVisible();
  // 2–3. 一次选择两个文件: the link, then both files in the file chooser.
  const chooser = page.waitForEvent('filechooser');
  await steps.act(() => dialog.getByRole('button', { name: '一次选择两个文件' }).click());
  await steps.act(async () => (await chooser).setFiles([workbook, lastYear]));

  // Body, year and level read from the files, for confirmation; last year's report told apart from this year's workbook.
  await expect(dialog.getByLabel('机关名称')).toHaveValue(AGENCY);
  await expect(dialog.getByLabel('报告年度')).toHaveValue('2024');
  await expect(dialog.getByLabel('机关层级')).toHaveValue('市级部门');
  await expect(dialog.getByText(`${AGENCY}2023年政府信息公开工作年度报告`)).toBeVisible();
  await expect(dialog.getByText('「2024年统计表.xlsx」')).toBeVisible();
  // The preview is the three tables, this year's figure beside last year's struck through.
  const preview = dialog.getByRole('region', { name: '导入预览' });
  await expect(preview.locator('table')).toHaveCount(3);
  const received = preview.locator('td[data-cell="requests.received.natural"]');
  await expect(received).toHaveClass(/changed/);
  await expect(received.locator('del')).toHaveText('5');
  await expect(received).toHaveText('58'); // 5 struck through, then 8
  await page.screenshot({ path: 'artifacts/e2e/path-start.png' });

  // 4. 创建, with 全部修正 (on by default).
  await expect(dialog.getByRole('checkbox', { name: /同时全部修正/ })).toBeChecked();
  await steps.act(() => dialog.getByRole('button', { name: /^创建 2024 年报告/ }).click());
  await expect(page.locator('.report-title')).toHaveText(`${AGENCY}2024年政府信息公开工作年度报告`);
  await expect(page.getByText(/已全部修正：.*按上年“结转下年度”填入/)).toBeVisible();

  // One library call made both reports; this year's took 上年结转 from last year's 结转下年度 and has no blank cell.
  const list = app.services.library.list();
  if (!list.ok) throw new Error(list.error.message);
  expect(list.value.map((r) => r.year).sort()).toEqual([2023, 2024]);
  const id = list.value.find((r) => r.year === 2024)!.id;
  const stored = app.services.library.get(id);
  if (!stored.ok) throw new Error(stored.error.message);
  expect(valueAt(stored.value.report, 'requests.carried_over.natural')).toBe(2);
  expect(valueAt(stored.value.report, 'requests.received.natural')).toBe(8);
  const previous = app.services.library.previousOf(id);
  if (!previous.ok || !previous.value) throw new Error('last year’s report was not stored');
  const findings = validate(stored.value.report, { previous: previous.value.report });
  expect(
    findings.filter((f) => f.rule.startsWith('cell.') || f.rule.startsWith('requests.') || f.rule.startsWith('continuity.carried')),
  ).toEqual([]);

  // What is left is the text: 还差什么 says so, and 定稿 is not offered while it is last year's.
  const todo = page.getByRole('region', { name: '还差什么' });
  await expect(todo).toContainText('一、总体情况');
  // A look at the export dialog before writing (not part of the path, not counted): it lists what blocks 定稿.
  await page.getByRole('button', { name: '导出…' }).click();
  const exporting = page.getByRole('dialog', { name: '导出报告' });
  await expect(exporting.getByRole('button', { name: '定稿并导出' })).toBeDisabled();
  await expect(exporting.locator('.export-blocking li').first()).toBeVisible();
  await exporting.getByRole('button', { name: '取消' }).click();

  await writeText(page);
  await expect(page.locator('.save-state')).toHaveText('已保存');
  await expect(todo).toContainText('检查已通过');

  // 5–6. 导出… → 定稿并导出: a final Word document downloads.
  await steps.act(() => page.getByRole('button', { name: '导出…' }).click());
  await expect(exporting.getByRole('button', { name: '定稿并导出' })).toBeEnabled();
  await page.screenshot({ path: 'artifacts/e2e/path-export.png' });
  const download = page.waitForEvent('download');
  await steps.act(() => exporting.getByRole('button', { name: '定稿并导出' }).click());
  expect((await download).suggestedFilename()).toBe(`${documentTitle({ agency: AGENCY, year: 2024 })}.docx`);
  await expect(page.locator('.finalize .status')).toHaveText('定稿');
  const final = app.services.library.get(id);
  expect(final.ok && final.value.status).toBe('定稿');

  expect(steps.count).toBe(6);
});

test('an empty or token-explained report cannot be finalized in the export dialog', async ({ page, app }) => {
  const read = readReportJson(JSON.parse(lastYearJson()));
  if (!read.ok) throw new Error(read.error);
  const stored = app.services.library.add({ ...read.value, narratives: { overview: '', problems: '无', other: '（文字描述）' } });
  if (!stored.ok) throw new Error(stored.error.message);
  await app.open();
  await page
    .getByRole('button', { name: documentTitle(read.value) })
    .first()
    .click();
  await page.getByRole('button', { name: '导出…' }).click();
  const exporting = page.getByRole('dialog', { name: '导出报告' });
  await expect(exporting.getByRole('button', { name: '定稿并导出' })).toBeDisabled();
  await expect(exporting.locator('.export-blocking')).toContainText('一、总体情况 还没有写');
  await expect(exporting.locator('.export-blocking')).toContainText('五、存在的主要问题及改进情况 只写了「无」');
  // A click on what blocks brings the author to it.
  await exporting.getByRole('button', { name: /一、总体情况 还没有写/ }).click();
  await expect(exporting).toBeHidden();
  await expect(page.locator('#section-heading')).toHaveText('一、总体情况');
});

test('a last year’s file imported on its own offers to start this year’s report from it', async ({ page, app }) => {
  const lastYear = join(app.dir, '2023年报告.json');
  writeFileSync(lastYear, lastYearJson());
  await app.open();
  await page.locator('input[aria-label="选择要导入的报告文件"]').setInputFiles(lastYear);
  const dialog = page.getByRole('dialog', { name: '从「2023年报告.json」新建报告' });
  await dialog.getByRole('button', { name: '以它为上年报告，新建 2024 年报告' }).click();
  const start = page.getByRole('dialog', { name: '开始今年的报告' });
  await expect(start.getByLabel('报告年度')).toHaveValue('2024');
  await expect(start.getByLabel('机关名称')).toHaveValue(AGENCY);
  await start.getByRole('button', { name: '创建 2024 年报告' }).click();
  await expect(page.locator('.report-title')).toHaveText(`${AGENCY}2024年政府信息公开工作年度报告`);
});

test('a report reopens where the author left it: the section, the cell and how far down', async ({ page, app }) => {
  const read = readReportJson(JSON.parse(lastYearJson()));
  if (!read.ok) throw new Error(read.error);
  const stored = app.services.library.add(read.value);
  if (!stored.ok) throw new Error(stored.error.message);
  await app.open();
  const title = page.getByRole('button', { name: documentTitle(read.value) }).first();
  await title.click();
  await page
    .getByRole('navigation', { name: '报告大纲' })
    .getByRole('button', { name: /三、收到和处理/ })
    .click();
  await page.locator('td[data-cell="requests.carried_forward.total"]').click();
  await page.locator('.section-view').evaluate((el) => el.scrollTo({ top: 400 }));
  const scrolled = await page.locator('.section-view').evaluate((el) => el.scrollTop);
  expect(scrolled).toBeGreaterThan(100);
  await page.getByRole('button', { name: '← 报告库' }).click();
  await title.click();
  await expect(page.locator('#section-heading')).toHaveText('三、收到和处理政府信息公开申请情况');
  await expect(page.locator('td.active')).toHaveAttribute('data-cell', 'requests.carried_forward.total');
  await expect.poll(() => page.locator('.section-view').evaluate((el) => el.scrollTop)).toBe(scrolled);
});

test('F1 opens the 使用说明; 表三’s column headers stay in view while its rows scroll at 1366×768', async ({ page, app }) => {
  const read = readReportJson(JSON.parse(lastYearJson()));
  if (!read.ok) throw new Error(read.error);
  app.services.library.add(read.value);
  await app.open();
  await expect(page.getByRole('button', { name: '使用说明' })).toBeVisible();
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: '使用说明' });
  await expect(help).toContainText('开始今年的报告');
  await expect(help).toContainText('定稿并导出');
  await help.getByRole('button', { name: '关闭' }).click();
  await expect(help).toBeHidden();

  await page
    .getByRole('button', { name: documentTitle(read.value) })
    .first()
    .click();
  await page
    .getByRole('navigation', { name: '报告大纲' })
    .getByRole('button', { name: /三、收到和处理/ })
    .click();
  const view = page.locator('.section-view');
  await view.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const header = page.locator('.grid-requests th', { hasText: '自然人' });
  const [box, viewBox] = [await header.boundingBox(), await view.boundingBox()];
  expect(box && viewBox && box.y >= viewBox.y && box.y + box.height <= viewBox.y + viewBox.height).toBe(true);
  // The last row is in view too: the header did not stay by the table not scrolling.
  await expect(page.locator('td[data-cell="requests.carried_forward.total"]')).toBeInViewport();
  await page.screenshot({ path: 'artifacts/e2e/path-sticky.png' });
});

test('both files dropped on the library page open 开始今年的报告 with each in its place; a workbook alone can still become a report', async ({
  page,
  app,
}) => {
  const workbook = join(app.dir, '2024年统计表.xlsx');
  await thisYearWorkbook(workbook);
  const files = [
    { name: '2024年统计表.xlsx', data: readFileSync(workbook).toString('base64') },
    { name: '2023年报告.json', data: Buffer.from(lastYearJson()).toString('base64') },
  ];
  await app.open();
  const drop = async (list: typeof files) => {
    const transfer = await page.evaluateHandle((items) => {
      const dt = new DataTransfer();
      for (const { name, data } of items) dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name));
      return dt;
    }, list);
    await page.locator('.library-page').dispatchEvent('dragover', { dataTransfer: transfer });
    await page.locator('.library-page').dispatchEvent('drop', { dataTransfer: transfer });
  };

  // The workbook alone, with nothing of last year's: the dialog offers to make a report of it anyway.
  await drop(files.slice(0, 1));
  const dialog = page.getByRole('dialog', { name: '开始今年的报告' });
  await expect(dialog.getByText('「2024年统计表.xlsx」')).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^创建/ })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: '没有上年报告：只用这个文件新建报告' })).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();

  await drop(files);
  await expect(dialog.getByLabel('报告年度')).toHaveValue('2024');
  await expect(dialog.getByText(`${AGENCY}2023年政府信息公开工作年度报告`)).toBeVisible();
  await expect(dialog.getByText('「2024年统计表.xlsx」')).toBeVisible();
  await dialog.getByRole('button', { name: /^创建 2024 年报告/ }).click();
  await expect(page.locator('.report-title')).toHaveText(`${AGENCY}2024年政府信息公开工作年度报告`);
});
