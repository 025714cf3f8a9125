// The whole path of the day before the deadline, as a clerk walks it: last
// year's report (a real body's 2023 report JSON) and this year's workbook
// (made here by hand with exceljs, "—" where the office had nothing) → this
// year's report → the text written → 定稿并导出. Every step is asserted, and
// the user actions besides writing the text are counted: at most six.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { documentTitle } from '../../src/shared/model/report';
import { readReportJson } from '../../src/shared/model/schema';
import { validate } from '../../src/shared/rules/engine';

const AGENCY = '湛江市人民政府地方志办公室';

/** The real 2023 report, with one request carried into 2024 (5 received = 3 granted + 2 carried forward). */
function lastYearJson(): string {
  const data = JSON.parse(readFileSync('tests/fixtures/real-zhanjiang-dfz-2023.json', 'utf8'));
  const r = data.tables.requests;
  r.received.natural = 5;
  r.received.total = 5;
  r.granted.natural = 3;
  r.granted.total = 3;
  r.results_total.natural = 3;
  r.results_total.total = 3;
  r.carried_forward.natural = 2;
  r.carried_forward.total = 2;
  return JSON.stringify(data, null, 2);
}

const REQUEST_ROWS: [string, string][] = [
  ['received', '一、本年新收政府信息公开申请数量'],
  ['carried_over', '二、上年结转政府信息公开申请数量'],
  ['granted', '（一）予以公开'],
  ['partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  ['denied_secret', '1.属于国家秘密'],
  ['denied_law', '2.其他法律行政法规禁止公开'],
  ['denied_safety', '3.危及“三安全一稳定”'],
  ['denied_third_party', '4.保护第三方合法权益'],
  ['denied_internal', '5.属于三类内部事务信息'],
  ['denied_process', '6.属于四类过程性信息'],
  ['denied_enforcement', '7.属于行政执法案卷'],
  ['denied_query', '8.属于行政查询事项'],
  ['unable_not_held', '1.本机关不掌握相关政府信息'],
  ['unable_to_create', '2.没有现成信息需要另行制作'],
  ['unable_unclear', '3.补正后申请内容仍不明确'],
  ['rejected_petition', '1.信访举报投诉类申请'],
  ['rejected_repeat', '2.重复申请'],
  ['rejected_publication', '3.要求提供公开出版物'],
  ['rejected_excessive', '4.无正当理由大量反复申请'],
  ['rejected_confirm', '5.要求行政机关确认或重新出具已获取信息'],
  ['other_no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['other_no_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['other_other', '3.其他'],
  ['results_total', '（七）总计'],
  ['carried_forward', '四、结转下年度继续办理'],
];

/**
 * This year's workbook as an office types it: the three tables on one sheet
 * under a title naming body and year, "—" for nothing, 上年结转 left as "—"
 * (the clerk did not look up last year's report), totals typed in.
 * 2024: 8 new requests by natural persons; with the 2 carried over, 9 granted, 1 carried on.
 */
async function thisYearWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2024年报表');
  const put = (r: number, c: number, v: ExcelJS.CellValue) => (ws.getCell(r, c).value = v);
  ws.mergeCells(1, 1, 1, 10);
  put(1, 1, `${AGENCY}2024年政府信息公开工作年度报告`);
  put(3, 1, '二、主动公开政府信息情况');
  const proactive: [string, ...ExcelJS.CellValue[]][] = [
    ['第二十条第（一）项'],
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['规章', '—', '—', '—'],
    ['行政规范性文件', 1, '—', 1],
    ['第二十条第（五）项'],
    ['信息内容', '本年处理决定数量'],
    ['行政许可', '—'],
    ['第二十条第（六）项'],
    ['信息内容', '本年处理决定数量'],
    ['行政处罚', '—'],
    ['行政强制', '—'],
    ['第二十条第（八）项'],
    ['信息内容', '本年收费金额（单位：万元）'],
    ['行政事业性收费', '—'],
  ];
  proactive.forEach((row, i) => row.forEach((v, j) => put(4 + i, 1 + j, v)));

  const top = 20;
  put(top - 1, 1, '三、收到和处理政府信息公开申请情况');
  ws.mergeCells(top, 1, top + 2, 3);
  put(top, 1, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  ws.mergeCells(top, 4, top, 10);
  put(top, 4, '申请人情况');
  ws.mergeCells(top + 1, 4, top + 2, 4);
  put(top + 1, 4, '自然人');
  ws.mergeCells(top + 1, 5, top + 1, 9);
  put(top + 1, 5, '法人或其他组织');
  ws.mergeCells(top + 1, 10, top + 2, 10);
  put(top + 1, 10, '总计');
  ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].forEach((l, i) => put(top + 2, 5 + i, l));
  const natural: Record<string, ExcelJS.CellValue> = { received: 8, carried_over: '—', granted: 9, results_total: 9, carried_forward: 1 };
  REQUEST_ROWS.forEach(([key, label], i) => {
    const r = top + 3 + i;
    put(r, 3, label);
    const n = natural[key] ?? '—';
    put(r, 4, n);
    for (let c = 5; c <= 9; c++) put(r, c, '—');
    put(r, 10, n);
  });

  const at = top + 3 + REQUEST_ROWS.length + 2;
  put(at - 1, 1, '四、政府信息公开行政复议、行政诉讼情况');
  ws.mergeCells(at, 1, at, 5);
  put(at, 1, '行政复议');
  ws.mergeCells(at, 6, at, 15);
  put(at, 6, '行政诉讼');
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  results.forEach((l, i) => {
    ws.mergeCells(at + 1, 1 + i, at + 2, 1 + i);
    put(at + 1, 1 + i, l);
  });
  ws.mergeCells(at + 1, 6, at + 1, 10);
  put(at + 1, 6, '未经复议直接起诉');
  ws.mergeCells(at + 1, 11, at + 1, 15);
  put(at + 1, 11, '复议后起诉');
  [...results, ...results].forEach((l, i) => put(at + 2, 6 + i, l));
  for (let c = 1; c <= 15; c++) put(at + 3, c, '—');
  await wb.xlsx.writeFile(path);
}

const TEXT = {
  opening: '2024年，湛江市人民政府地方志办公室认真贯彻落实《中华人民共和国政府信息公开条例》，现将本年度政府信息公开工作情况报告如下。',
  parts: [
    '全年在门户网站主动公开地方志工作动态、通知公告等信息58条，及时更新机构职能和领导分工。',
    '全年新收政府信息公开申请8件，加上上年结转的2件，予以公开9件，结转下年度继续办理1件。',
    '严格落实公开属性源头认定和保密审查制度，全年开展保密审查58次，未发生泄密事件。',
    '持续做好政府网站地方志频道的日常维护，新增“方志湛江”专栏，优化栏目设置。',
    '将政务公开纳入年度工作考核，组织业务培训2次，接受社会监督，未发生责任追究情形。',
  ],
  problems: '一是公开内容的深度和解读形式还不够丰富；二是工作人员业务能力有待提高。下一步将加强政策解读和业务培训，提升公开质量。',
  other: '本机关2024年未收取信息处理费，未发出收费通知。无其他需要报告的事项。',
};

/** A user action (a click, a file chosen, a drop): counted. Typing the text is not. */
function counter() {
  let actions = 0;
  return {
    act: async <T,>(step: () => Promise<T>): Promise<T> => {
      actions++;
      return step();
    },
    get count() {
      return actions;
    },
  };
}

async function writeText(page: Page) {
  const outline = page.getByRole('navigation', { name: '报告大纲' });
  await outline.getByRole('button', { name: /^一、总体情况/ }).click();
  await page.getByRole('textbox', { name: '开头段落' }).fill(TEXT.opening);
  const headings = ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障'];
  for (const [i, h] of headings.entries()) await page.getByRole('textbox', { name: h }).fill(TEXT.parts[i]!);
  await outline.getByRole('button', { name: /^五、存在的主要问题及改进情况/ }).click();
  await page.getByRole('textbox', { name: '五、存在的主要问题及改进情况' }).fill(TEXT.problems);
  await outline.getByRole('button', { name: /^六、其他需要报告的事项/ }).click();
  await page.getByRole('textbox', { name: '六、其他需要报告的事项' }).fill(TEXT.other);
}

test('last year’s report and this year’s workbook to the final document in six actions besides the text', async ({ page, app }) => {
  const lastYear = join(app.dir, `${AGENCY}2023年报告.json`);
  writeFileSync(lastYear, lastYearJson());
  const workbook = join(app.dir, '2024年统计表.xlsx');
  await thisYearWorkbook(workbook);
  const steps = counter();

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
  expect(stored.value.report.tables.requests.carried_over.natural).toBe(2);
  expect(stored.value.report.tables.requests.received.natural).toBe(8);
  const previous = app.services.library.previousOf(id);
  if (!previous.ok || !previous.value) throw new Error('last year’s report was not stored');
  const findings = validate(stored.value.report, { previous: previous.value.report });
  expect(findings.filter((f) => f.rule.startsWith('cell.') || f.rule.startsWith('requests.') || f.rule.startsWith('continuity.carried'))).toEqual([]);

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
  await page.getByRole('button', { name: documentTitle(read.value) }).first().click();
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
