// The whole path of the day before the deadline, as a clerk walks it: from an
// empty library, last year's report as published (a real body's WPS-written
// PDF), this year's workbook typed by hand and this year's Word draft, dropped
// together → 创建 → 定稿并导出 → the final Word file. Every step is asserted,
// the file read back, and every click, file pick, paste and shortcut counted:
// at most six. Then the ways it must not go wrong: wrong files, a body the
// library writes otherwise, text pasted instead of a file.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { actionCounter, AGENCY, lastYearJson, thisYearWorkbook } from '../fixtures/path-files';
import {
  figures2025,
  HONGZE,
  HONGZE_2024_PDF,
  HONGZE_2025_DRAFT,
  HONGZE_2025_DRAFT_TEXT,
  hongze2024,
  hongze2025Text,
  hongzeWorkbook2025,
} from '../fixtures/start-files';
import { readReportBytes } from '../../src/main/formats/registry';
import { CELLS } from '../../src/shared/model/cells';
import { documentTitle, valueAt } from '../../src/shared/model/report';
import { readReportJson } from '../../src/shared/model/report-json';
import { validate } from '../../src/shared/rules/engine';
import { blockingFindings } from '../../src/shared/rules/explanations';

/** Drops files on the library page as Explorer does: one drag, one drop. */
async function dropFiles(page: Page, paths: readonly string[]) {
  await dropOnly(page, paths);
  await expect(page.getByRole('dialog', { name: '开始今年的报告' })).toBeVisible();
  // Reading a PDF takes a few seconds on a busy machine: the dialog shows its progress until every file is read.
  await expect(page.getByRole('dialog', { name: '开始今年的报告' }).getByLabel('读取进度')).toHaveCount(0, { timeout: 60_000 });
}

async function dropOnly(page: Page, paths: readonly string[]) {
  const list = paths.map((p) => ({ name: basename(p), data: readFileSync(p).toString('base64') }));
  const transfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const { name, data } of items) dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name));
    return dt;
  }, list);
  await page.locator('.library-page').dispatchEvent('dragover', { dataTransfer: transfer });
  await page.locator('.library-page').dispatchEvent('drop', { dataTransfer: transfer });
}

test('from an empty library: last year’s published PDF, this year’s workbook and Word draft to the final Word file in three actions', async ({
  page,
  app,
}) => {
  const workbook = await hongzeWorkbook2025(join(app.dir, '2025年统计表.xlsx'));
  const steps = actionCounter();
  await app.open();

  // 1. The three files dropped on the library page at once, in no particular order.
  await steps.act(() => dropFiles(page, [HONGZE_2025_DRAFT, workbook, HONGZE_2024_PDF]));
  const dialog = page.getByRole('dialog', { name: '开始今年的报告' });
  await expect(dialog.getByLabel('机关名称')).toHaveValue(HONGZE);
  await expect(dialog.getByLabel('报告年度')).toHaveValue('2025');
  await expect(dialog.getByLabel('机关层级')).toHaveValue('县区政府');
  // What it inferred, once, and nothing that contradicts the fields (no "没有写明报告年度", no "暂按县区部门").
  await expect(dialog.locator('.start-inferred')).toHaveText(
    /机关名称按上年的报告「hongze-2024\.pdf」；2025 年度，今年的正文「hongze-2025-draft\.docx」写明。/,
  );
  await expect(dialog).not.toContainText('没有写明报告年度');
  await expect(dialog).not.toContainText('暂按「县区部门」');
  await expect(dialog.getByText('层级按名称推断为「县区政府」')).toHaveCount(1);
  await expect(dialog.locator('.start-problems')).toHaveCount(0);
  // Which text goes where, and the figures in the shape of the tables against last year's.
  const text = dialog.getByRole('region', { name: '正文去向' });
  await expect(text).toContainText('一、总体情况：');
  await expect(text).toContainText('分入 5 个部分：（一）主动公开、（二）依申请公开');
  await expect(text).toContainText('落款：淮安市洪泽区人民政府，成文日期 2026-01-20');
  const received = dialog.getByRole('region', { name: '导入预览' }).locator('td[data-cell="requests.received.natural"]');
  await expect(received).toHaveText('95103'); // last year's 95 struck through, then 103
  await page.screenshot({ path: 'artifacts/e2e/path-start.png' });

  // 2. 创建.
  await steps.act(() => dialog.getByRole('button', { name: /^创建 2025 年报告并填入 \d+ 个格子和正文$/ }).click());
  await expect(page.locator('.report-title')).toHaveText(`${HONGZE}2025年政府信息公开工作年度报告`);

  const list = app.services.library.list();
  if (!list.ok) throw new Error(list.error.message);
  expect(list.value.map((r) => [r.year, r.status]).sort()).toEqual([
    [2024, '已发布'],
    [2025, '草稿'],
  ]);
  const id = list.value.find((r) => r.year === 2025)!.id;
  const stored = app.services.library.get(id);
  if (!stored.ok) throw new Error(stored.error.message);
  const report = stored.value.report;
  expect(report.narratives).toEqual(hongze2025Text().narratives);
  expect(report.preamble).toBe(hongze2025Text().preamble);
  expect(report.date).toBe('2026-01-20');
  for (const c of CELLS) expect([c.key, valueAt(report, c.key)]).toEqual([c.key, figures2025(c.key)]);
  // Nothing left to explain: no false finding on a right report.
  const previous = app.services.library.previousOf(id);
  if (!previous.ok || !previous.value) throw new Error('last year’s report was not stored');
  expect(blockingFindings(validate(report, { previous: previous.value.report }), report.explanations)).toEqual([]);
  await expect(page.getByRole('region', { name: '还差什么' })).toContainText('检查已通过');
  await expect(page.getByRole('navigation', { name: '报告大纲' })).not.toContainText('填写中');

  // 3. 定稿并导出: the final Word file, at once.
  const download = page.waitForEvent('download');
  await steps.act(() => page.getByRole('button', { name: '定稿并导出' }).click());
  const saved = await download;
  expect(saved.suggestedFilename()).toBe(`${documentTitle({ agency: HONGZE, year: 2025 })}.docx`);
  await expect(page.locator('.finalize .status')).toHaveText('定稿');
  await page.screenshot({ path: 'artifacts/e2e/path-final.png' });

  // The Word file read back holds this year's text and every figure.
  const docx = join(app.dir, 'final.docx');
  await saved.saveAs(docx);
  const back = await readReportBytes('final.docx', readFileSync(docx));
  if (!back.ok) throw new Error(back.error.message);
  expect(back.value.report.narratives).toEqual(hongze2025Text().narratives);
  for (const c of CELLS) expect([c.key, valueAt(back.value.report, c.key)]).toEqual([c.key, figures2025(c.key)]);

  expect(steps.count).toBeLessThanOrEqual(6);
  expect(steps.count).toBe(3);
});

test('wrong files are caught before 创建: the same year twice, and files given the wrong way round with a swap', async ({ page, app }) => {
  const titled2024 = await hongzeWorkbook2025(join(app.dir, '2024年统计表.xlsx'), { title: `${HONGZE}2024年政府信息公开工作年度报告` });
  await app.open();
  await dropFiles(page, [titled2024, HONGZE_2024_PDF]);
  const dialog = page.getByRole('dialog', { name: '开始今年的报告' });
  await expect(dialog.getByRole('alert').first()).toContainText('都是 2024 年的：上年的报告应是 2023 年的');
  await expect(dialog.getByRole('button', { name: /^创建/ })).toBeDisabled();
  await dialog.getByRole('button', { name: '取消' }).click();

  // This year's draft picked as last year's report, last year's PDF as this year's draft: said, and swapped in one click.
  await page.getByRole('button', { name: '开始今年的报告' }).click();
  await page.locator('input[aria-label="选择上年的报告文件"]').setInputFiles(HONGZE_2025_DRAFT);
  await expect(dialog.getByLabel('读取进度')).toHaveCount(0, { timeout: 60_000 });
  await page.locator('input[aria-label="选择今年的正文"]').setInputFiles(HONGZE_2024_PDF);
  await expect(dialog.getByLabel('读取进度')).toHaveCount(0, { timeout: 60_000 });
  await expect(dialog.getByRole('alert')).toContainText('像是放反了');
  await expect(dialog.getByRole('button', { name: /^创建/ })).toBeDisabled();
  await page.screenshot({ path: 'artifacts/e2e/path-wrong-order.png' });
  await dialog.getByRole('button', { name: /^调换/ }).click();
  await expect(dialog.locator('.start-problems')).toHaveCount(0);
  await expect(dialog.getByLabel('报告年度')).toHaveValue('2025');
  await expect(dialog.getByRole('button', { name: /^创建 2025 年报告/ })).toBeEnabled();
});

test('a body in the library under its short name is the same body: last year’s report is found, and the name kept', async ({
  page,
  app,
}) => {
  const added = app.services.library.add({ ...hongze2024(), agency: '洪泽区人民政府' }, 'pdf');
  if (!added.ok) throw new Error(added.error.message);
  const workbook = await hongzeWorkbook2025(join(app.dir, '统计表.xlsx'));
  await app.open();
  await dropFiles(page, [workbook, HONGZE_2025_DRAFT_TEXT]);
  const dialog = page.getByRole('dialog', { name: '开始今年的报告' });
  await expect(dialog.getByLabel('机关名称')).toHaveValue('洪泽区人民政府');
  await expect(dialog.getByLabel('报告库中的上年报告')).toHaveValue(String(added.value.id));
  await expect(dialog.locator('.start-inferred')).toContainText('机关名称按上年的报告（报告库）');
  await dialog.getByRole('button', { name: /^创建 2025 年报告/ }).click();
  await expect(page.locator('.report-title')).toHaveText('洪泽区人民政府2025年政府信息公开工作年度报告');
  const list = app.services.library.list();
  if (!list.ok) throw new Error(list.error.message);
  const id = list.value.find((r) => r.year === 2025)!.id;
  const previous = app.services.library.previousOf(id);
  expect(previous.ok && previous.value?.id).toBe(added.value.id);
});

test('this year’s text pasted into the dialog goes to its sections', async ({ page, app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open();
  await page.getByRole('button', { name: '开始今年的报告' }).click();
  const dialog = page.getByRole('dialog', { name: '开始今年的报告' });
  const t = hongze2025Text();
  const pasted = [
    `${HONGZE}2025年政府信息公开工作年度报告`,
    '一、总体情况',
    t.narratives.overview,
    '五、存在的主要问题及改进情况',
    t.narratives.problems,
    '六、其他需要报告的事项',
    t.narratives.other,
  ].join('\n');
  await page.evaluate((x) => navigator.clipboard.writeText(x), pasted);
  await dialog.getByLabel('粘贴今年的正文').focus();
  await page.keyboard.press('Control+V');
  await expect(dialog.getByLabel('机关名称')).toHaveValue(HONGZE);
  await expect(dialog.getByLabel('报告年度')).toHaveValue('2025');
  await expect(dialog.getByRole('region', { name: '正文去向' })).toContainText('五、存在的主要问题及改进情况：');
  await dialog.getByRole('button', { name: /^创建 2025 年报告并填入正文$/ }).click();
  await expect(page.locator('.report-title')).toHaveText(`${HONGZE}2025年政府信息公开工作年度报告`);
  const list = app.services.library.list();
  if (!list.ok) throw new Error(list.error.message);
  const stored = app.services.library.get(list.value[0]!.id);
  expect(stored.ok && stored.value.report.narratives).toEqual(t.narratives);
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

test('both files dropped on the library page open 开始今年的报告 with each in its place; a workbook alone asks for the body it is of', async ({
  page,
  app,
}) => {
  const workbook = join(app.dir, '2024年统计表.xlsx');
  await thisYearWorkbook(workbook);
  const lastYear = join(app.dir, '2023年报告.json');
  writeFileSync(lastYear, lastYearJson());
  const untitled = await hongzeWorkbook2025(join(app.dir, '统计表.xlsx'));
  await app.open();

  // A workbook alone, naming nobody, with nothing of last year's: the author types the body, and the level is asked.
  await dropFiles(page, [untitled]);
  const dialog = page.getByRole('dialog', { name: '开始今年的报告' });
  await expect(dialog.getByText('「统计表.xlsx」', { exact: true })).toBeVisible();
  await expect(dialog.getByLabel('机关名称')).toHaveValue('');
  await dialog.getByRole('button', { name: /^创建/ }).click();
  await expect(dialog.getByRole('alert')).toContainText('请填写机关名称');
  await dialog.getByLabel('机关名称').fill('义乌市统计局');
  await expect(dialog.getByLabel('机关层级')).toHaveValue('县区部门');
  await dialog.getByRole('button', { name: '取消' }).click();

  await dropFiles(page, [workbook, lastYear]);
  await expect(dialog.getByLabel('报告年度')).toHaveValue('2024');
  await expect(dialog.getByText(`${AGENCY}2023年政府信息公开工作年度报告`)).toBeVisible();
  await expect(dialog.getByText('「2024年统计表.xlsx」', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: /^创建 2024 年报告/ }).click();
  await expect(page.locator('.report-title')).toHaveText(`${AGENCY}2024年政府信息公开工作年度报告`);
});
