// The 汇总与审核 page as a 政务公开办 uses it in January: thirty bodies'
// files (report JSON and workbooks from our own exporter), one broken, one
// body twice, one with an arithmetic error, last year's reports beside them;
// sort, filter, read a body's problems, export the 问题清单, open a copy in
// the editor and come back, sum the year into the region's report.
import ExcelJS from 'exceljs';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { writeReportDocx, writeReportHtml } from '../../src/main/services/documents';
import { exportWorkbook } from '../../src/main/services/excel';
import { setCells, valueAt, type Report } from '../../src/shared/model/report';
import { readReportJson, reportToJson } from '../../src/shared/model/schema';

function seed(): Report {
  const read = readReportJson(JSON.parse(readFileSync('tests/fixtures/seed-2022.json', 'utf8')));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

const TOWNS = ['东湖', '南苑', '星桥', '临平', '乔司', '运河', '崇贤', '塘栖', '仁和', '良渚', '仓前', '闲林', '五常', '中泰'];
const DEPARTMENTS = [
  '统计局',
  '财政局',
  '民政局',
  '教育局',
  '司法局',
  '商务局',
  '水利局',
  '林业局',
  '审计局',
  '档案馆',
  '医保局',
  '信访局',
  '人力社保局',
  '城管局',
];

/** 30 files: 14 towns as workbooks, 14 departments (a Word file, a web page, JSON; one with an error), a duplicate, a broken file. */
async function writeBatch(dir: string): Promise<string[]> {
  const base = seed();
  const files: string[] = [];
  mkdirSync(join(dir, 'bodies'));
  mkdirSync(join(dir, 'previous'));
  for (const [i, town] of TOWNS.entries()) {
    const report = setCells({ ...base, agency: `余杭区${town}街道办事处`, level: '乡镇街道' }, [
      ['requests.received.natural', 10 + i],
      ['requests.received.total', 10 + i],
      ['requests.granted.natural', 9 + i],
      ['requests.granted.total', 9 + i],
      ['requests.results_total.natural', 10 + i],
      ['requests.results_total.total', 10 + i],
    ]);
    const path = join(dir, 'bodies', `${town}街道.xlsx`);
    writeFileSync(path, await exportWorkbook(report, { findings: [], draft: false }));
    files.push(path);
  }
  for (const [i, dept] of DEPARTMENTS.entries()) {
    // Most departments send report JSON; one a Word file and one a web page, as written by our own exporter.
    const report = { ...base, agency: `余杭区${dept}`, signature: undefined };
    const path = join(dir, 'bodies', `余杭区${dept}${i === 0 ? '.docx' : i === 1 ? '.html' : '.json'}`);
    if (i === 0) await writeReportDocx(report, path, { draft: false });
    else if (i === 1) await writeReportHtml(report, path, { draft: false });
    else writeFileSync(path, reportToJson(report));
    files.push(path);
    // Last year each department carried one request forward: this year's 上年结转 0 wants checking.
    const prev = join(dir, 'previous', `杭州市余杭区${dept}2021.json`);
    writeFileSync(
      prev,
      reportToJson(
        setCells({ ...base, agency: `杭州市余杭区${dept}`, year: 2021 }, [
          ['requests.carried_forward.natural', 1],
          ['requests.carried_forward.total', 1],
        ]),
      ),
    );
  }
  // 审计局's 总计 is one more than its rows add up to: a real arithmetic error.
  writeFileSync(
    join(dir, 'bodies', '余杭区审计局.json'),
    reportToJson(
      setCells({ ...base, agency: '余杭区审计局' }, [
        ['requests.results_total.natural', 11],
        ['requests.results_total.total', 11],
      ]),
    ),
  );
  const dup = join(dir, 'bodies', '统计局（重报）.json');
  writeFileSync(dup, reportToJson({ ...base, agency: '杭州市余杭区统计局' }));
  files.push(dup);
  const broken = join(dir, 'bodies', '损坏的报表.xlsx');
  writeFileSync(broken, 'this is not a workbook');
  files.push(broken);
  return files;
}

test('review thirty bodies’ files: status, problems, 问题清单, open a copy, 汇总', async ({ page, app }) => {
  const files = await writeBatch(app.dir);
  expect(files).toHaveLength(30);
  const before = readdirSync(join(app.dir, 'bodies')).map((f) => [f, readFileSync(join(app.dir, 'bodies', f)).length]);

  await app.open();
  await page.getByRole('button', { name: '汇总与审核…' }).click();
  await expect(page.getByRole('heading', { name: '汇总与审核' })).toBeVisible();
  await page.screenshot({ path: 'artifacts/review/empty.png' });

  await page.getByLabel('选择文件…').first().setInputFiles(files);
  await expect(page.locator('.review-progress')).toBeHidden({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: '全部 30' })).toBeVisible();
  await expect(page.getByRole('button', { name: '读取失败 1' })).toBeVisible();
  await expect(page.getByRole('button', { name: '有错误 1' })).toBeVisible();
  await expect(page.locator('tr.review-row')).toHaveCount(30);
  // The same body twice is marked on both rows.
  await expect(page.locator('tr.review-row', { hasText: '统计局' }).locator('.tag.dup')).toHaveCount(2);

  // Last year's folder (a note beside the reports is left out): each department is matched by its full name.
  writeFileSync(join(app.dir, 'previous', '说明.txt'), '上年报告');
  await page.getByLabel('选择文件夹…').nth(1).setInputFiles(join(app.dir, 'previous'));
  await expect(page.getByText('已读取 14 个，按单位名称对照')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('tr.review-row .tag.prev')).toHaveCount(15);
  await page.screenshot({ path: 'artifacts/review/list.png' });

  // Sort by errors: the body with the arithmetic error comes first.
  await page.getByRole('button', { name: /^错误/ }).click();
  await expect(page.locator('tr.review-row').first()).toContainText('余杭区审计局');
  // Filter: only those with errors; open its problems.
  await page.getByRole('button', { name: '有错误 1' }).click();
  await expect(page.locator('tr.review-row')).toHaveCount(1);
  await page.getByRole('button', { name: '余杭区审计局', exact: true }).click();
  const detail = page.locator('tr.review-detail');
  await expect(detail.locator('.problem-table')).toContainText('三、（七）总计·自然人');
  await expect(detail.locator('.problem-table')).toContainText('将总计改为 10');
  await page.screenshot({ path: 'artifacts/review/detail.png' });

  // The region's own report beside its bodies: here the 审计局 stands in for it, so every figure differs.
  await page.getByRole('button', { name: '设为本级报告，与各单位合计比对' }).click();
  const hierarchy = page.getByRole('region', { name: '本级报告与各单位合计' });
  await expect(hierarchy).toContainText('与同年度其他 28 个单位的合计比对');
  await expect(hierarchy.locator('li').first()).toContainText('本级报告填');

  // The workbook of all bodies, downloaded.
  await page.getByRole('button', { name: '全部 30' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出问题清单（Excel）' }).click();
  const saved = join(app.dir, 'out.xlsx');
  await (await download).saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  expect(wb.getWorksheet('各单位情况')!.rowCount).toBe(2 + 30);
  const problems: string[] = [];
  wb.getWorksheet('问题明细')!.eachRow((row, n) => n > 2 && row.getCell(2).value === '余杭区审计局' && problems.push(row.getCell(5).text));
  expect(problems.some((p) => p.startsWith('三、（七）总计·自然人'))).toBe(true);
  expect(wb.getWorksheet('本级与各单位合计')!.rowCount).toBeGreaterThan(2);
  await page.screenshot({ path: 'artifacts/review/region.png' });

  // A copy opens in the editor; the user's file is not touched; back on the page, the list is still there.
  await page.getByRole('button', { name: '在编辑器中打开（存入副本）' }).click();
  await expect(page.locator('.report-title')).toHaveText('余杭区审计局2022年政府信息公开工作年度报告');
  await page.goBack();
  await expect(page.locator('tr.review-row')).toHaveCount(30);

  // 汇总: the readable reports of 2022, the second 统计局 left out, into a new report of the region.
  await page.getByRole('button', { name: '汇总…' }).click();
  const dialog = page.getByRole('dialog', { name: '汇总为本地区的报告' });
  await dialog.getByLabel('机关名称').fill('余杭区人民政府');
  await expect(dialog.getByLabel('机关层级')).toHaveValue('县区政府');
  await expect(dialog.locator('legend')).toContainText('计入的单位（28 / 29）');
  await expect(dialog.locator('.sum-notices')).toContainText('现行有效件数是年末存量');
  await page.screenshot({ path: 'artifacts/review/sum.png' });
  await dialog.getByRole('button', { name: '生成汇总并打开' }).click();
  await expect(page.locator('.report-title')).toHaveText('余杭区人民政府2022年政府信息公开工作年度报告');
  const listed = app.services.library.list();
  const sum = listed.ok ? listed.value.find((r) => r.agency === '余杭区人民政府') : undefined;
  const stored = sum && app.services.library.get(sum.id);
  // 14 towns with 10…23 new requests and 14 departments with 10 each (the 统计局 once).
  expect(stored && stored.ok && valueAt(stored.value.report, 'requests.received.total')).toBe(14 * 10 + 91 + 14 * 10);

  expect(readdirSync(join(app.dir, 'bodies')).map((f) => [f, readFileSync(join(app.dir, 'bodies', f)).length])).toEqual(before);
});
