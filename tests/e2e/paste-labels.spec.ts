// Rows copied from an office's own workbook often carry their labels. A block
// whose labels the reader knows (a header, a whole table) is placed by them,
// through the same reader as every file; rows with only their row labels are
// pasted by position, the labels left out.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, saved, type App } from './fixtures';
import { excelClipboard } from '../fixtures/clipboard';
import { CELLS, cellDef, cellKey } from '../../src/shared/model/cells';
import { blankTables, documentTitle, setCells, valueAt, type Report } from '../../src/shared/model/report';
import { readReportJson } from '../../src/shared/model/report-json';
import { sumOfParts, TOTAL_CELLS, TOTALS } from '../../src/shared/rules/totals';
import { LAYOUTS } from '../../src/shared/template/layout';
import { SECTION_IDS, tableName, type TableId } from '../../src/shared/template/gov2021';

test('pasting rows with their labels puts only the figures into 三', async ({ page, app, context }) => {
  const id = await openWithTableBlank({ page, app, context }, seed(), 'requests');
  await page.locator('td[data-cell="requests.received.natural"]').click();

  const rows = ['一、本年新收政府信息公开申请数量\t10\t0\t0\t0\t0\t0\t10', '二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0'];
  await page.evaluate((text) => navigator.clipboard.writeText(text), rows.join('\r\n') + '\r\n');
  await page.keyboard.press('Control+V');
  await expect(page.getByText('粘贴内容左侧 1 列是行标签，已略去，只粘贴数字。')).toBeVisible();
  await saved(page);
  const after = app.services.library.get(id);
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

/** A report whose every figure of a table differs from every other, its totals the sums of their parts: a number placed one cell off shows. */
function distinctFigures(base: Report, table: TableId): Report {
  const leaves = CELLS.filter((d) => d.table === table && !TOTAL_CELLS.has(d.key));
  let report = setCells(
    base,
    leaves.map((d, i) => [d.key, 3 + i * 7] as const),
  );
  // Totals of totals (表三's corner) settle once their parts have.
  for (let pass = 0; pass < 3; pass++)
    report = setCells(
      report,
      TOTALS[table].map((d) => [d.total, sumOfParts(report, d.parts) ?? null] as const),
    );
  return report;
}

function seed(): Report {
  const read = readReportJson(JSON.parse(readFileSync('tests/fixtures/seed-2022.json', 'utf8')));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

/** Stores the report with one table blank, opens it at that table's section (by its key) and allows the clipboard: the id stored. */
async function openWithTableBlank(
  { page, app, context }: { page: Page; app: App; context: BrowserContext },
  report: Report,
  table: TableId,
): Promise<number> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const stored = app.services.library.add({ ...report, tables: { ...report.tables, [table]: blankTables()[table] } });
  if (!stored.ok) throw new Error(stored.error.message);
  await app.open();
  await page
    .getByRole('button', { name: documentTitle(report) })
    .first()
    .click();
  await page.keyboard.press(`Alt+${SECTION_IDS.indexOf(table) + 1}`);
  return stored.value.id;
}

async function pasteExcel(page: Page, copied: { text: string; html: string }) {
  await page.evaluate(
    ({ text, html }) =>
      navigator.clipboard.write([
        new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) }),
      ]),
    copied,
  );
  await page.keyboard.press('Control+V');
}

test('a whole 表四 copied from Excel with its merged headers lands by its labels, wherever the cursor is', async ({
  page,
  app,
  context,
}) => {
  const truth = distinctFigures(seed(), 'appeals');
  const id = await openWithTableBlank({ page, app, context }, truth, 'appeals');
  // The cursor is on the last cell: by position the block would not even fit.
  await page.locator('td[data-cell="appeals.suit_after_review.total"]').click();
  await pasteExcel(
    page,
    excelClipboard(LAYOUTS.appeals, (key) => valueAt(truth, key)),
  );
  await expect(page.getByText(`已按行列标题粘贴 15 个格子（${tableName('appeals')}）。`)).toBeVisible();
  await saved(page);
  const after = app.services.library.get(id);
  if (!after.ok) throw new Error(after.error.message);
  expect(after.value.report.tables.appeals).toEqual(truth.tables.appeals);
});

test('rows of 表三 copied with the three-row header land by their labels; a figure Excel turned into 3.99E+06 is named, not pasted', async ({
  page,
  app,
  context,
}) => {
  const truth = distinctFigures(seed(), 'requests');
  const id = await openWithTableBlank({ page, app, context }, truth, 'requests');
  await page.locator('td[data-cell="requests.received.natural"]').click();

  // 三（三）3. to 三（四）2.: the rectangle cuts both merged group labels, as a clerk's selection does.
  const layout = LAYOUTS.requests;
  const rowOf = (row: string) => layout.rows.findIndex((cells) => cells.some((c) => c.kind === 'value' && cellDef(c.key)!.row === row));
  const [from, to] = [rowOf('denied_safety'), rowOf('unable_to_create')];
  const lost = cellKey('requests', 'denied_third_party', 'research');
  const copied = excelClipboard(layout, (key) => (key === lost ? '3.99E+06' : valueAt(truth, key)), from, to);
  await pasteExcel(page, copied);

  const pastedRows = layout.rows
    .slice(from, to + 1)
    .flatMap((cells) => cells.flatMap((c) => (c.kind === 'value' ? [cellDef(c.key)!.row] : [])));
  const rowsPasted = [...new Set(pastedRows)];
  const notice = page.locator('.notice', { hasText: '已按行列标题粘贴' });
  await expect(notice).toContainText(`已按行列标题粘贴 ${rowsPasted.length * 7 - 1} 个格子（${tableName('requests')}）。`);
  await expect(notice).toContainText(`没有读出 ${cellDef(lost)!.name}`);
  await page.screenshot({ path: 'artifacts/e2e/paste-labels-requests.png' });
  await saved(page);
  const after = app.services.library.get(id);
  if (!after.ok) throw new Error(after.error.message);
  for (const d of CELLS.filter((c) => c.table === 'requests')) {
    const expected = d.key === lost ? null : rowsPasted.includes(d.row) ? valueAt(truth, d.key) : undefined;
    if (expected !== undefined) expect([d.key, valueAt(after.value.report, d.key)]).toEqual([d.key, expected]);
    // Rows the block did not hold keep their (blank) value, totals aside: those follow their parts.
    else if (!TOTAL_CELLS.has(d.key)) expect([d.key, valueAt(after.value.report, d.key)]).toEqual([d.key, null]);
  }
});

test('表四 copied as text only, its merged headers lost: the cells its labels settle are pasted, every other one named and kept', async ({
  page,
  app,
  context,
}) => {
  const truth = distinctFigures(seed(), 'appeals');
  const id = await openWithTableBlank({ page, app, context }, truth, 'appeals');
  await page.locator('td[data-cell="appeals.review.upheld"]').click();
  // Only the text Excel puts beside its HTML: 行政复议 stands in the first of its five columns, and nothing says it covers the others.
  await page.evaluate((text) => navigator.clipboard.writeText(text), excelClipboard(LAYOUTS.appeals, (key) => valueAt(truth, key)).text);
  await page.keyboard.press('Control+V');
  const notice = page.locator('.notice', { hasText: '已按行列标题粘贴' });
  await expect(notice).toContainText('没有读出');
  await saved(page);
  const after = app.services.library.get(id);
  if (!after.ok) throw new Error(after.error.message);
  const cells = CELLS.filter((d) => d.table === 'appeals');
  const placed = cells.filter((d) => valueAt(after.value.report, d.key) !== null && !TOTAL_CELLS.has(d.key));
  expect(placed.length).toBeGreaterThan(0);
  // Every figure pasted is its own cell's; every other cell is named in the notice.
  for (const d of placed) expect([d.key, valueAt(after.value.report, d.key)]).toEqual([d.key, valueAt(truth, d.key)]);
  const unread = cells.filter((d) => !placed.includes(d) && !TOTAL_CELLS.has(d.key));
  await expect(notice).toContainText(`${unread.length + cells.filter((d) => TOTAL_CELLS.has(d.key)).length} 个格子（保持原值）`);
});
