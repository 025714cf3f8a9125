// The library page over the real handlers and a real SQLite file.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { readReportJson } from '../../src/shared/model/report-json';
import { valueAt } from '../../src/shared/model/report';

async function createReport(page: import('@playwright/test').Page, agency: string, year: number, opts: { fromPrevious?: boolean } = {}) {
  await page.getByRole('button', { name: '新建报告' }).click();
  const dialog = page.getByRole('dialog', { name: '新建报告' });
  await dialog.getByLabel('机关名称').fill(agency);
  await dialog.getByLabel('报告年度').fill(String(year));
  await dialog.getByLabel('机关层级').selectOption('县区部门');
  if (opts.fromPrevious === false) await dialog.getByRole('checkbox').uncheck();
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(page.locator('.report-title')).toHaveText(`${agency}${year}年政府信息公开工作年度报告`);
  await page.getByRole('button', { name: '← 报告库' }).click();
}

test('create reports for two bodies, list them by body, and find them after a restart', async ({ page, app }) => {
  await app.open();
  await expect(page.getByText('报告库里还没有报告')).toBeVisible();
  await createReport(page, '余杭区统计局', 2024);
  await createReport(page, '余杭区统计局', 2025);
  await createReport(page, '临平区民政局', 2025);

  const yuhang = page.getByRole('region', { name: '余杭区统计局' });
  await expect(yuhang.locator('tbody tr')).toHaveCount(2);
  await expect(yuhang.locator('tbody tr').first()).toContainText('2025');
  await expect(page.getByRole('region', { name: '临平区民政局' }).locator('tbody tr')).toHaveCount(1);

  await page.getByRole('searchbox', { name: '查找报告' }).fill('临平');
  await expect(page.locator('tbody tr')).toHaveCount(1);

  await app.restart();
  await expect(page.locator('.agency-group')).toHaveCount(2);
  await expect(page.locator('tbody tr')).toHaveCount(3);
  await page.screenshot({ path: 'artifacts/e2e/library.png' });
});

test('delete to the recycle bin and restore', async ({ page, app }) => {
  await app.open();
  await createReport(page, '余杭区统计局', 2025);
  await page.getByRole('button', { name: '删除' }).click();
  // Asked in the app's own dialog, not the browser's confirm().
  await page.getByRole('dialog', { name: '移到回收站' }).getByRole('button', { name: '移到回收站' }).click();
  await expect(page.getByText('报告库里还没有报告')).toBeVisible();

  await page.getByLabel('回收站').check();
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await page.getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText('回收站是空的')).toBeVisible();
  await page.getByLabel('回收站').uncheck();
  await expect(page.locator('tbody tr')).toHaveCount(1);
});

test('duplicate makes a second draft of the same body and year', async ({ page, app }) => {
  await app.open();
  await createReport(page, '余杭区统计局', 2025);
  await page.getByRole('button', { name: '复制' }).click();
  await expect(page.locator('tbody tr')).toHaveCount(2);
  // Two reports of one body and year are told apart, and the page says there are two.
  await expect(page.locator('.same-year')).toHaveText([/第 \d+ 号 · 同年度共 2 份/, /第 \d+ 号 · 同年度共 2 份/]);
});

test("a report created from last year's carries 上年结转 and 现行有效 and starts from last year's text", async ({ page, app }) => {
  const seed = readReportJson(JSON.parse(readFileSync('tests/fixtures/seed-2022.json', 'utf8')));
  if (!seed.ok) throw new Error(seed.error);
  const last = {
    ...seed.value,
    tables: {
      ...seed.value.tables,
      requests: {
        ...seed.value.tables.requests,
        carried_forward: { natural: 2, commercial: 1, research: 0, nonprofit: 0, legal: 0, other: 0, total: 3 },
      },
      proactive: { ...seed.value.tables.proactive, normative_docs: { issued: 2, repealed: 1, in_force: 7 } },
    },
  };
  const stored = app.services.library.add(last);
  expect(stored.ok).toBe(true);

  await app.open();
  await page.getByRole('button', { name: '新建报告' }).click();
  const dialog = page.getByRole('dialog', { name: '新建报告' });
  await dialog.getByLabel('机关名称').fill('余杭区统计局');
  await dialog.getByLabel('报告年度').fill('2023');
  await expect(dialog.getByText('从 2022 年报告创建')).toBeVisible();
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(page.locator('.report-title')).toHaveText('余杭区统计局2023年政府信息公开工作年度报告');

  const list = app.services.library.list({});
  if (!list.ok) throw new Error(list.error.message);
  const created = list.value.find((r) => r.year === 2023)!;
  const opened = app.services.library.get(created.id);
  const previous = app.services.library.previousOf(created.id);
  if (!opened.ok || !previous.ok) throw new Error('报告读取失败');
  const r = opened.value.report;
  expect(r.tables.requests.carried_over).toEqual({ natural: 2, commercial: 1, research: 0, nonprofit: 0, legal: 0, other: 0, total: 3 });
  expect(valueAt(r, 'proactive.normative_docs.in_force')).toBe(7);
  expect(r.narratives.overview).toBe(seed.value.narratives.overview);
  expect(previous.value?.year).toBe(2022);
});

test('a report file becomes a new report after the author confirms body and year', async ({ page, app }) => {
  await app.open();
  await page.locator('input[type=file]').setInputFiles('tests/fixtures/seed-2022.json');
  const dialog = page.getByRole('dialog', { name: '从「seed-2022.json」新建报告' });
  await expect(dialog.getByLabel('机关名称')).toHaveValue('余杭区统计局');
  await expect(dialog.getByLabel('报告年度')).toHaveValue('2022');
  await dialog.getByRole('button', { name: '导入为新报告' }).click();
  await expect(page.locator('.report-title')).toHaveText('余杭区统计局2022年政府信息公开工作年度报告');

  const list = app.services.library.list({});
  if (!list.ok) throw new Error(list.error.message);
  const stored = app.services.library.get(list.value[0]!.id);
  const seed = readReportJson(JSON.parse(readFileSync('tests/fixtures/seed-2022.json', 'utf8')));
  if (!stored.ok || !seed.ok) throw new Error('读取失败');
  expect(stored.value.report).toEqual(seed.value);
});

test('a file that is not a report is refused with its name, and nothing is added', async ({ page, app }) => {
  await app.open();
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: '通知.json', mimeType: 'application/json', buffer: Buffer.from('{"标题":"关于报送年报的通知"}') });
  const dialog = page.getByRole('dialog', { name: '从「通知.json」新建报告' });
  await expect(dialog.getByRole('alert')).toContainText('「通知.json」不是年报数据文件');
  await expect(dialog.getByRole('button', { name: '导入为新报告' })).toBeDisabled();
  await dialog.getByRole('button', { name: '取消' }).click();
  const list = app.services.library.list({});
  expect(list.ok && list.value).toEqual([]);
});

test('a damaged library is put aside, restored from the backup, and the user is told', async ({ page, app }) => {
  await app.open();
  await createReport(page, '余杭区统计局', 2025);
  // The backup taken at start-up holds the report once the app has been restarted.
  await app.restart();
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await app.restart(() => writeFileSync(app.databasePath, Buffer.alloc(8192)));
  await expect(page.getByRole('status')).toContainText('已另存为');
  await expect(page.locator('tbody tr')).toHaveCount(1);
  expect(readdirSync(app.dir).some((f) => f.includes('damaged'))).toBe(true);
  await page.screenshot({ path: 'artifacts/e2e/library-recovered.png' });
});
