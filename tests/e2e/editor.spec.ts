// The report editor over the real handlers and a real SQLite file: filling
// tables by keyboard and paste, live validation, quick fixes, explanations,
// undo across sections, and nothing lost when the page is closed mid-typing.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, saved, type App } from './fixtures';
import { readReportJson } from '../../src/shared/model/report-json';
import { blankTables, documentTitle, setCells, type Report } from '../../src/shared/model/report';
import { validate } from '../../src/shared/rules/engine';
import { GRIDS } from '../../src/renderer/src/report/gridModel';
import { TOTAL_CELLS } from '../../src/shared/rules/totals';

const read = readReportJson(JSON.parse(readFileSync('tests/fixtures/seed-2022.json', 'utf8')));
if (!read.ok) throw new Error(read.error);
const seed: Report = read.value;
const blankSeed: Report = { ...seed, tables: blankTables() };

/** Stores a report in the library and opens it in the editor, as the author would from the library page. */
async function openReport(page: Page, app: App, report: Report): Promise<number> {
  const stored = app.services.library.add(report);
  if (!stored.ok) throw new Error(stored.error.message);
  await app.open();
  await page
    .getByRole('button', { name: documentTitle(report) })
    .first()
    .click();
  await expect(page.locator('.report-title')).toHaveText(documentTitle(report));
  return stored.value.id;
}

function stored(app: App, id: number): Report {
  const got = app.services.library.get(id);
  if (!got.ok) throw new Error(got.error.message);
  return got.value.report;
}

const cell = (page: Page, key: string) => page.locator(`td[data-cell="${key}"]`);
/** What a cell shows: its text, or the value of the input laid over it when it is the active cell. */
const shown = (page: Page, key: string) =>
  cell(page, key).evaluate((td) =>
    td.classList.contains('active') ? td.closest('.grid-frame')!.querySelector<HTMLInputElement>('.cell-input')!.value : td.textContent,
  );
const panel = (page: Page) => page.getByRole('complementary', { name: '检查结果' });
const outline = (page: Page) => page.getByRole('navigation', { name: '报告大纲' });

function seedValue(key: string): string {
  const [table, row, col] = key.split('.') as [keyof Report['tables'], string, string];
  const v = seed.tables[table][row]![col];
  return v === null || v === undefined ? '' : String(v);
}

test('fill the seed’s three tables by keyboard alone and see the report validate clean', async ({ page, app }) => {
  const id = await openReport(page, app, blankSeed);
  await outline(page)
    .getByRole('button', { name: /二、主动公开政府信息情况/ })
    .click();
  for (const table of ['proactive', 'requests', 'appeals'] as const) {
    await expect(page.locator('#section-heading')).toContainText({ proactive: '二、', requests: '三、', appeals: '四、' }[table]);
    // Every value cell in reading order: type the figure and Tab on; totals are computed, Tab passes them.
    for (const key of GRIDS[table].rows.flat()) {
      await expect(page.locator('td.active')).toHaveAttribute('data-cell', key);
      if (!TOTAL_CELLS.has(key)) await page.keyboard.type(seedValue(key));
      await page.keyboard.press('Tab');
    }
    if (table !== 'appeals') {
      // Past the last cell: 上一节, then 下一节.
      await page.keyboard.press('Tab');
      await expect(page.locator(':focus')).toHaveText(/下一节/);
      await page.keyboard.press('Enter');
    }
  }
  await expect(panel(page)).toContainText('没有发现问题');
  await expect(outline(page).locator('.section-status')).toHaveText(['完成', '完成', '完成', '完成', '完成', '完成']);
  await saved(page);
  expect(stored(app, id).tables).toEqual(seed.tables);
  await expect(page.getByRole('button', { name: '标记为定稿' })).toBeEnabled();
});

test('break the 勾稽关系, see the exact cells and message, fix it and see it go', async ({ page, app }) => {
  const id = await openReport(page, app, seed);
  await outline(page)
    .getByRole('button', { name: /三、收到和处理/ })
    .click();
  await cell(page, 'requests.received.natural').click();
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');

  const broken = setCells(seed, [
    ['requests.received.natural', 12],
    ['requests.received.total', 12],
  ]);
  const expected = validate(broken).filter((f) => f.severity === 'error');
  expect(expected.map((f) => f.rule)).toEqual(['requests.balance', 'requests.balance']);
  for (const f of expected) await expect(panel(page).locator(`[data-finding="${f.id}"]`)).toContainText(f.message);
  const flagged = new Set(expected.flatMap((f) => f.cells));
  await expect(page.locator('td.mark-error')).toHaveCount(flagged.size);
  for (const key of flagged) await expect(cell(page, key)).toHaveClass(/mark-error/);
  await expect(cell(page, 'requests.granted.natural')).not.toHaveClass(/mark-error/);
  await expect(cell(page, 'requests.carried_forward.natural')).toHaveAttribute('title', expected[0]!.message);
  await expect(outline(page).locator('.section-status').nth(2)).toHaveText('有错误');
  await expect(page.locator('.finalize')).toContainText('还不能定稿：2 个错误');
  await expect(page.getByRole('button', { name: '标记为定稿' })).toBeDisabled();
  await page.screenshot({ path: 'artifacts/e2e/editor-balance-error.png' });

  // Clicking the finding brings the keyboard to its first cell.
  await panel(page).locator(`[data-finding="${expected[0]!.id}"] .finding-message`).click();
  await expect(page.locator('td.active')).toHaveAttribute('data-cell', expected[0]!.cells[0]!);
  await expect(page.locator('#cell-bar')).toContainText(expected[0]!.message);

  // Mend it, with the save of the last edit landing mid-typing: the cell keeps every key.
  await cell(page, 'requests.received.natural').click();
  await page.keyboard.type('1');
  await saved(page);
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  await expect(page.locator('td.mark-error')).toHaveCount(0);
  await expect(panel(page)).toContainText('没有发现问题');
  await saved(page);
  expect(stored(app, id).tables).toEqual(seed.tables);
});

test('paste a 25×7 block copied from a spreadsheet into 三 at its first cell, and copy a block out', async ({ page, app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const id = await openReport(page, app, { ...seed, tables: { ...seed.tables, requests: blankTables().requests } });
  await outline(page)
    .getByRole('button', { name: /三、收到和处理/ })
    .click();
  const block = GRIDS.requests.rows.map((row) => row.map(seedValue).join('\t')).join('\r\n') + '\r\n';
  await page.evaluate((text) => navigator.clipboard.writeText(text), block);
  await expect(page.locator('td.active')).toHaveAttribute('data-cell', 'requests.received.natural');
  await page.keyboard.press('Control+V');
  await expect(panel(page)).toContainText('没有发现问题');
  await saved(page);
  expect(stored(app, id).tables.requests).toEqual(seed.tables.requests);
  // The pasted totals agree with their parts: totals stay computed.
  await expect(page.getByLabel('手工填写总计')).not.toBeChecked();

  // Shift+arrows select a block; Ctrl+C gives it to the spreadsheet as tab-separated text.
  await cell(page, 'requests.received.natural').click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Control+C');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('10\t0\r\n0\t0\r\n9\t0\r\n');

  // Totals pasted that disagree with their parts are kept, and the table switches to hand-typed totals.
  await cell(page, 'requests.received.total').click();
  await page.evaluate(() => navigator.clipboard.writeText('15\r\n'));
  await page.keyboard.press('Control+V');
  await expect(page.getByLabel('手工填写总计')).toBeChecked();
  await expect.poll(() => shown(page, 'requests.received.total')).toBe('15');
  await expect(cell(page, 'requests.received.total')).toHaveClass(/mark-error/);
});

test('each quick fix repairs what it says', async ({ page, app }) => {
  // A total typed wrong (the report opens with hand-typed totals) and blank cells in 四.
  const report = setCells(seed, [
    ['requests.granted.total', 8],
    ['appeals.review.upheld', null],
    ['appeals.review.total', null],
  ]);
  const id = await openReport(page, app, report);
  const fixes = validate(report).filter((f) => f.fix);
  // The corner total (10) is right and is not offered a change: only the row total typed wrong is.
  expect(fixes.map((f) => f.fix!.label)).toEqual(['将总计改为 9', '空格填 0']);
  await outline(page)
    .getByRole('button', { name: /三、收到和处理/ })
    .click();
  await expect(page.getByLabel('手工填写总计')).toBeChecked();
  // The report opened at the first thing that needs the author: this very total, selected.
  await expect.poll(() => shown(page, 'requests.granted.total')).toBe('8');

  for (const f of fixes) {
    const item = panel(page).locator(`[data-finding="${f.id}"]`);
    if ((await item.count()) === 0) continue; // already repaired by an earlier fix (the row and column of one cell)
    await item.getByRole('button', { name: f.fix!.label, exact: true }).click();
    await expect(item).toHaveCount(0);
  }
  await expect(panel(page)).toContainText('没有发现问题');
  await saved(page);
  expect(stored(app, id).tables).toEqual(seed.tables);
});

test('write a 核实说明, reload, find it; then the report can be marked 定稿', async ({ page, app }) => {
  const report = { ...seed, narratives: { ...seed.narratives, problems: '本年度未发现问题。' } };
  const id = await openReport(page, app, report);
  const warning = validate(report).find((f) => f.rule === 'narrative.required')!;
  await expect(page.locator('.finalize')).toContainText('还不能定稿：1 个未写核实说明的需核实项');
  await expect(page.getByRole('button', { name: '标记为定稿' })).toBeDisabled();

  const item = panel(page).locator(`[data-finding="${warning.id}"]`);
  await item.getByRole('button', { name: '填写核实说明' }).click();
  // A token is not an explanation: the editor says so, and the report still cannot be final.
  await item.getByRole('textbox').fill('已核实');
  await expect(item).toContainText('核实说明太短');
  await expect(page.getByRole('button', { name: '标记为定稿' })).toBeDisabled();
  await item.getByRole('textbox').fill('本年度经自查未发现问题，按区政务公开办要求如实填写“无”。');
  await expect(item).not.toContainText('核实说明太短');
  await saved(page);
  expect(stored(app, id).explanations[warning.id]).toContain('经自查未发现问题');

  await page.reload();
  await expect(item.getByRole('textbox')).toHaveValue('本年度经自查未发现问题，按区政务公开办要求如实填写“无”。');
  await expect(item.locator('.badge')).toHaveText('已说明');
  await page.getByRole('button', { name: '标记为定稿' }).click();
  await expect(page.locator('.finalize .status')).toHaveText('定稿');
  await expect(page.locator('.final-banner')).toBeVisible();
  expect(app.services.library.get(id).ok && app.services.library.get(id)).toMatchObject({ value: { status: '定稿' } });
});

test('undo and redo across sections, each step saved', async ({ page, app }) => {
  const id = await openReport(page, app, seed);
  await outline(page)
    .getByRole('button', { name: /六、其他需要报告的事项/ })
    .click();
  const other = page.getByRole('textbox', { name: '六、其他需要报告的事项' });
  await other.press('End');
  await other.pressSequentially('另：本年未发出收费通知。');
  await outline(page)
    .getByRole('button', { name: /四、政府信息公开行政复议/ })
    .click();
  await cell(page, 'appeals.review.upheld').click();
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'appeals.review.total')).toHaveText('3');
  await saved(page);

  await page.keyboard.press('Control+Z');
  await expect.poll(() => shown(page, 'appeals.review.upheld')).toBe('0');
  await expect(cell(page, 'appeals.review.total')).toHaveText('0');
  await page.keyboard.press('Control+Z');
  await expect(page.locator('#section-heading')).toHaveText('六、其他需要报告的事项');
  await expect(other).toHaveValue(seed.narratives.other);
  await saved(page);
  expect(stored(app, id)).toMatchObject({ narratives: seed.narratives, tables: seed.tables });

  await page.keyboard.press('Control+Y');
  await expect(other).toHaveValue(`${seed.narratives.other}另：本年未发出收费通知。`);
  await page.keyboard.press('Control+Y');
  await expect(page.locator('#section-heading')).toHaveText('四、政府信息公开行政复议、行政诉讼情况');
  await expect(cell(page, 'appeals.review.total')).toHaveText('3');
  await saved(page);
  const after = stored(app, id);
  expect(after.narratives.other).toBe(`${seed.narratives.other}另：本年未发出收费通知。`);
  expect(after.tables.appeals.review).toMatchObject({ upheld: 3, total: 3 });
});

test('close the page mid-typing and find every keystroke after reopening', async ({ page, app }) => {
  const id = await openReport(page, app, seed);
  await outline(page)
    .getByRole('button', { name: /五、存在的主要问题/ })
    .click();
  const problems = page.getByRole('textbox', { name: '五、存在的主要问题及改进情况' });
  await problems.press('Control+End');
  await problems.pressSequentially('\n四是加强培训。');
  // Leave at once, well inside the 300 ms the save waits for more typing.
  await page.goto('about:blank');
  await expect.poll(() => stored(app, id).narratives.problems).toBe(`${seed.narratives.problems}\n四是加强培训。`);

  await app.open();
  await page.getByRole('button', { name: documentTitle(seed) }).click();
  await outline(page)
    .getByRole('button', { name: /五、存在的主要问题/ })
    .click();
  await expect(problems).toHaveValue(`${seed.narratives.problems}\n四是加强培训。`);

  // A figure typed into a cell and not yet confirmed with Enter is kept too.
  await outline(page)
    .getByRole('button', { name: /二、主动公开/ })
    .click();
  await cell(page, 'proactive.licensing.decisions').click();
  await page.keyboard.type('7');
  await page.goto('about:blank');
  await expect.poll(() => stored(app, id).tables.proactive.licensing!.decisions).toBe(7);
});

test('the report page at 1366×768 with findings of every kind', async ({ page, app }) => {
  const previous = { ...seed, year: 2021 };
  app.services.library.add(previous);
  const report = setCells({ ...seed, narratives: { ...seed.narratives, other: '本单位未收取信息处理费。' } }, [
    ['requests.received.natural', 12],
    ['requests.received.total', 12],
    ['proactive.fees.amount', '—'],
    ['appeals.review.upheld', '一'],
  ]);
  await openReport(page, app, report);
  await page.screenshot({ path: 'artifacts/e2e/editor-overview.png' });
  await outline(page)
    .getByRole('button', { name: /三、收到和处理/ })
    .click();
  await cell(page, 'requests.received.natural').click();
  await page.screenshot({ path: 'artifacts/e2e/editor-requests.png' });
  await outline(page)
    .getByRole('button', { name: /四、政府信息公开行政复议/ })
    .click();
  await page.screenshot({ path: 'artifacts/e2e/editor-appeals.png' });
  await expect(cell(page, 'appeals.review.upheld')).toHaveClass(/mark-error/);
});

test('change the 年度 or 机关名称 and the continuity checks follow last year’s report of the new year and body, or none', async ({
  page,
  app,
}) => {
  // Last year's 结转下年度 differs from this year's 上年结转: the continuity rule speaks while that report is last year's.
  const lastYear = setCells({ ...seed, year: 2021 }, [['requests.carried_forward.natural', 5]]);
  app.services.library.add(lastYear);
  const id = await openReport(page, app, seed);
  const continuity = validate(seed, { previous: lastYear }).filter((f) => f.rule.startsWith('continuity'));
  expect(continuity.length).toBeGreaterThan(0);
  const item = panel(page).locator(`[data-finding="${continuity[0]!.id}"]`);
  await expect(item).toContainText(continuity[0]!.message);
  await outline(page)
    .getByRole('button', { name: /一、总体情况/ })
    .click();
  await expect(page.locator('.overview > .hint')).toContainText('与 2021 年报告相同');

  await page.getByLabel('年度', { exact: true }).fill('2023');
  await saved(page);
  expect(stored(app, id).year).toBe(2023);
  await expect(item).toHaveCount(0);
  await expect(page.locator('.overview > .hint')).toHaveCount(0);

  await page.getByLabel('年度', { exact: true }).fill('2022');
  await expect(item).toContainText(continuity[0]!.message);
  await expect(page.locator('.overview > .hint')).toContainText('与 2021 年报告相同');

  await page.getByLabel('机关名称', { exact: true }).fill('余杭区审计局');
  await expect(item).toHaveCount(0);
  await saved(page);
  expect(stored(app, id).agency).toBe('余杭区审计局');
});

test('at the edge of a table an arrow or Enter keeps the keyboard in the cell', async ({ page, app }) => {
  await openReport(page, app, seed);
  await outline(page)
    .getByRole('button', { name: /三、收到和处理/ })
    .click();
  const top = GRIDS.requests.rows[0]![0]!;
  const bottom = GRIDS.requests.rows.at(-1)![0]!;
  await cell(page, top).click();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  await expect(cell(page, top)).toHaveText('12');
  await cell(page, bottom).click();
  await page.keyboard.press('Enter');
  await expect(page.locator('td.active')).toHaveAttribute('data-cell', bottom);
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('td.active')).toHaveAttribute('data-cell', GRIDS.requests.rows.at(-2)![0]!);
});
