// A 政务公开办's round as it goes in January, two rounds of thirty bodies,
// every action of the reviewer counted: make the round from a pasted roster,
// drop the folder of what came in (workbooks, Word files, a portal page saved
// in GBK, report JSON; a broken file; a body not on the roster), see who is
// missing, return three bodies with their Word 问题清单, receive two fixed
// reports, accept them, and sum the round into the library's 汇总. The files
// in the user's folder are never changed.
import JSZip from 'jszip';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { portalPage } from '../fixtures/documents/office';
import { writeReportDocx } from '../../src/main/services/documents';
import { exportWorkbook } from '../../src/main/services/excel';
import { setCells, valueAt, type Report } from '../../src/shared/model/report';
import { readReportJson, reportToJson } from '../../src/shared/model/report-json';

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
  '文广旅体局',
  '农业农村局',
];
/** Three bodies send nothing in the first round; three send reports whose totals do not add up. */
const MISSING = ['余杭区信访局', '余杭区城管局', '余杭区中泰街道'];
const BROKEN = ['余杭区审计局', '余杭区林业局', '余杭区良渚街道'];

const town = (name: string, i: number, base: Report) =>
  setCells({ ...base, agency: `余杭区${name}街道`, level: '乡镇街道', signature: undefined }, [
    ['requests.received.natural', 10 + i],
    ['requests.received.total', 10 + i],
    ['requests.granted.natural', 9 + i],
    ['requests.granted.total', 9 + i],
    ['requests.results_total.natural', 10 + i],
    ['requests.results_total.total', 10 + i],
  ]);

/** The report as sent: with 总计 one more than its rows where the body is one of the BROKEN. */
function sent(report: Report, broken: boolean): Report {
  if (!broken) return report;
  const total = valueAt(report, 'requests.results_total.natural') as number;
  return setCells(report, [
    ['requests.results_total.natural', total + 1],
    ['requests.results_total.total', total + 1],
  ]);
}

async function writeFile(dir: string, report: Report, kind: 'xlsx' | 'docx' | 'json'): Promise<string> {
  const path = join(dir, `${report.agency}.${kind}`);
  if (kind === 'xlsx') writeFileSync(path, await exportWorkbook(report, { findings: [], draft: false }));
  else if (kind === 'docx') await writeReportDocx(report, path, { draft: false });
  else writeFileSync(path, reportToJson(report));
  return path;
}

/** The first round's folder: 27 of the 30 bodies, a broken file, a body not on the roster; the roster as pasted. */
async function firstRound(dir: string): Promise<{ roster: string; reports: Map<string, Report> }> {
  const base = seed();
  const reports = new Map<string, Report>();
  for (const [i, t] of TOWNS.entries()) reports.set(`余杭区${t}街道`, town(t, i, base));
  for (const d of DEPARTMENTS) reports.set(`余杭区${d}`, { ...base, agency: `余杭区${d}`, signature: undefined });
  mkdirSync(join(dir, '各单位报送'));
  for (const [name, report] of reports) {
    if (MISSING.includes(name)) continue;
    const r = sent(report, BROKEN.includes(name));
    // The 统计局 sends the page saved from its portal (GBK); towns their workbooks; departments Word files or JSON.
    if (name === '余杭区统计局') writeFileSync(join(dir, '各单位报送', '余杭区统计局2022年政府信息公开工作年度报告.html'), portalPage(r));
    else
      await writeFile(
        join(dir, '各单位报送'),
        r,
        name.endsWith('街道') ? 'xlsx' : DEPARTMENTS.indexOf(name.slice(3)) % 3 === 0 ? 'docx' : 'json',
      );
  }
  // A body not on the roster sends its report too.
  await writeFile(join(dir, '各单位报送'), { ...base, agency: '余杭区气象局', signature: undefined }, 'json');
  writeFileSync(join(dir, '各单位报送', '损坏的报表.xlsx'), 'this is not a workbook');
  writeFileSync(join(dir, '各单位报送', '说明.txt'), '各单位报送的年报');
  const roster = [
    '序号\t单位名称\t层级',
    ...[...reports.keys()].map((n, i) => `${i + 1}\t${n}\t${n.endsWith('街道') ? '乡镇街道' : '县区部门'}`),
  ].join('\n');
  return { roster, reports };
}

test('a round of thirty bodies through two rounds, every action counted', async ({ page, app }) => {
  const { roster, reports } = await firstRound(app.dir);
  const folder = join(app.dir, '各单位报送');
  const before = readdirSync(folder).map((f) => [f, readFileSync(join(folder, f)).length]);
  let actions = 0;
  const act = async (what: () => Promise<unknown>) => {
    actions++;
    await what();
  };

  await app.open();
  await act(() => page.getByRole('button', { name: '汇总与审核…' }).click());
  await expect(page.getByRole('form', { name: '新建一轮收集' })).toBeVisible();
  await page.screenshot({ path: 'artifacts/review/new-round.png' });

  // The round: the year, the region, the roster pasted from the office's workbook (序号, 名称, 层级).
  await page.getByLabel('报告年度').fill('2022');
  await page.getByLabel('本地区（汇总报告的机关名称）').fill('余杭区人民政府');
  await act(() => page.getByLabel('名单', { exact: true }).fill(roster));
  await expect(page.getByText('识别出 30 个单位')).toBeVisible();
  await act(() => page.getByRole('button', { name: '开始收集' }).click());
  await expect(page.getByRole('button', { name: '未报送 30' })).toBeVisible();

  // What came in: the whole folder.
  await act(() => page.getByLabel('选择文件夹…').first().setInputFiles(folder));
  await expect(page.locator('.review-progress')).toBeHidden({ timeout: 90_000 });
  await expect(page.getByRole('button', { name: '已报送 28' })).toBeVisible();
  await expect(page.locator('.arrivals')).toContainText('1 个文件未接收');
  await expect(page.locator('.arrivals')).toContainText('已按报告加入名单（标“名单外”）：余杭区气象局');
  await page.screenshot({ path: 'artifacts/review/received.png' });

  // Who is missing: named on the round's summary line, each past its level's deadline — no action needed.
  const missingLine = page.locator('.missing-line');
  for (const name of MISSING) await expect(missingLine).toContainText(name);
  await expect(missingLine.locator('.tag.overdue')).toHaveCount(3);
  await page.screenshot({ path: 'artifacts/review/missing.png' });
  // Off the counted path: the filter lists the missing; a ticked body is what the actions then take.
  await page.getByRole('button', { name: '未报送 3' }).click();
  await expect(page.locator('tr.review-row')).toHaveCount(3);
  await page.getByRole('button', { name: '全部 31' }).click();
  await page.getByLabel(`选择 ${BROKEN[0]}`).check();
  await expect(page.getByRole('button', { name: '退回修改（1）…' })).toBeVisible();
  await page.getByLabel(`选择 ${BROKEN[0]}`).uncheck();

  // Return the three whose totals do not add up, in one go (nothing ticked: every report with errors), one Word 问题清单, a body to a section.
  await act(() => page.getByRole('button', { name: '退回有错误的（3）…' }).click());
  const download = page.waitForEvent('download');
  await act(() => page.getByRole('button', { name: '生成问题清单并退回' }).click());
  const letter = join(app.dir, '问题清单.docx');
  await (await download).saveAs(letter);
  const xml = await (await JSZip.loadAsync(readFileSync(letter))).file('word/document.xml')!.async('string');
  expect(xml.match(/<w:sectPr/g)).toHaveLength(3);
  for (const name of BROKEN) expect(xml).toContain(`${name} 年度报告问题清单`);
  expect(xml).toContain('三、（七）总计·自然人');
  await expect(page.getByRole('button', { name: '退回修改 3' })).toBeVisible();
  await page.screenshot({ path: 'artifacts/review/returned.png' });

  // Two come back fixed, in a folder of their own.
  const again = join(app.dir, '第二次报送');
  mkdirSync(again);
  const fixed = [
    await writeFile(again, reports.get('余杭区审计局')!, 'json'),
    await writeFile(again, reports.get('余杭区良渚街道')!, 'xlsx'),
  ];
  await act(() => page.getByLabel('选择文件…').first().setInputFiles(fixed));
  await expect(page.locator('.review-progress')).toBeHidden({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: '已整改 2' })).toBeVisible();
  await expect(page.getByRole('button', { name: '退回修改 1' })).toBeVisible();
  const audit = page.locator('tr.review-row', { hasText: '余杭区审计局' });
  await act(() => audit.getByRole('button', { name: '余杭区审计局' }).click());
  const detail = page.locator('tr.review-detail');
  await expect(detail.locator('.recheck-line')).toContainText('已整改 4 项');
  await expect(detail.locator('.recheck-line')).toContainText('改动了 2 个格子');
  await page.screenshot({ path: 'artifacts/review/rechecked.png' });

  // Accept the two that came back fixed, all at once (nothing ticked: every 已整改 one), with a note.
  await act(() => page.getByRole('button', { name: '通过已整改的（2）…' }).click());
  await page.getByLabel('备注（与日期一起记录）').fill('已按问题清单改正');
  await act(() => page.getByRole('button', { name: '通过', exact: true }).click());
  await expect(page.getByRole('button', { name: '通过 2' })).toBeVisible();

  // Risk at a glance.
  await act(() => page.getByRole('tab', { name: '风险一览' }).click());
  await expect(page.getByRole('region', { name: '风险排名' }).locator('tbody tr')).toHaveCount(28);
  await expect(page.getByRole('img', { name: '实质公开率（各单位）' })).toBeVisible();
  await page.screenshot({ path: 'artifacts/review/risk.png' });

  // The 汇总: the 28 bodies with reports, the one still wrong left out, into the library as a 汇总.
  await act(() => page.getByRole('button', { name: '汇总…' }).click());
  const dialog = page.getByRole('dialog', { name: '汇总为本地区的报告' });
  await expect(dialog.locator('legend')).toContainText('计入的单位（27 / 28）');
  await expect(dialog.locator('.tag.err')).toHaveCount(1);
  await act(() => dialog.getByRole('button', { name: '生成汇总' }).click());
  await expect(dialog.locator('.sum-notices')).toContainText(
    '未计入 4 个单位：余杭区中泰街道（未报送）、余杭区林业局（统计表有 4 个错误）、余杭区信访局（未报送）、余杭区城管局（未报送）。有错误的请先让单位改正',
  );
  await page.screenshot({ path: 'artifacts/review/sum.png' });
  await act(() => dialog.getByRole('button', { name: '打开汇总报告' }).click());
  await expect(page.locator('.report-title')).toHaveText('余杭区人民政府2022年政府信息公开工作年度报告（汇总）');

  // 13 towns with 10…22 new requests (中泰 missing); 13 departments (信访局, 城管局 missing, 林业局 left out) and 气象局, 10 each.
  const listed = app.services.library.list();
  const sum = listed.ok ? listed.value.find((r) => r.kind === 'sum') : undefined;
  const stored = sum && app.services.library.get(sum.id);
  const townsIn = TOWNS.map((_, i) => 10 + i).filter((_, i) => TOWNS[i] !== '中泰');
  expect(stored && stored.ok && valueAt(stored.value.report, 'requests.received.total')).toBe(townsIn.reduce((a, b) => a + b, 0) + 14 * 10);
  expect(stored && stored.ok && stored.value.report.members).toHaveLength(27);

  // The path, counted: make the round (3), receive (1), who is missing (0: the summary line names them), return three (2),
  // receive two (1) and look (1), accept (2), risk (1), sum (3).
  console.log(`actions for the round: ${actions}`);
  expect(actions).toBe(14);

  expect(readdirSync(folder).map((f) => [f, readFileSync(join(folder, f)).length])).toEqual(before);
});
