// Findings about words, in the editor: a click in the findings list marks the
// words in their box (in 一, in the right part); the number fix of
// narrative.numbers replaces the stated figure in place and 全部修正 does it
// too, undoable; 插入数据句 puts a sentence built from the tables at the cursor.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, saved, type App } from './fixtures';
import { readReportJson } from '../../src/shared/model/report-json';
import { documentTitle, type Report } from '../../src/shared/model/report';

const read = readReportJson(JSON.parse(readFileSync('tests/fixtures/seed-2022.json', 'utf8')));
if (!read.ok) throw new Error(read.error);
const seed: Report = read.value;

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

const panel = (page: Page) => page.getByRole('complementary', { name: '检查结果' });
/** The words selected in the focused box. */
const selected = (page: Page) =>
  page.evaluate(() => {
    const box = document.activeElement as HTMLTextAreaElement;
    return { label: box.getAttribute('aria-label'), words: box.value.slice(box.selectionStart, box.selectionEnd) };
  });

test('a finding about words marks them in their part of 一, one click from the list', async ({ page, app }) => {
  // Last year's figure left in 一（二）: 12 where table 三 counts 10.
  const report = { ...seed, narratives: { ...seed.narratives, overview: seed.narratives.overview.replace('申请10例', '申请12例') } };
  await openReport(page, app, report);
  await page.setViewportSize({ width: 1366, height: 768 });
  const finding = panel(page).locator('li.finding', { hasText: '申请12例' });
  await finding.locator('.finding-message').click();
  await expect.poll(() => selected(page)).toEqual({ label: '（二）依申请公开', words: '收到公民、法人或其他组织的信息公开申请12例' });
  await page.screenshot({ path: 'test-results/text-finding-marked.png' });
});

test('the number fix replaces the stated figure in place, 全部修正 does it too, and undo brings it back', async ({ page, app }) => {
  const report = {
    ...seed,
    narratives: { ...seed.narratives, problems: `${seed.narratives.problems}\n本年度结转下一年度继续办理2件。` },
  };
  const id = await openReport(page, app, report);
  const finding = panel(page).locator('li.finding', { hasText: '结转下一年度继续办理2件' });
  // The table says 0 carried forward: a count where the table has none is a contradiction, with no fix to guess.
  await expect(finding).toContainText('文字与表格矛盾');
  await expect(finding.getByRole('button', { name: /改为表中的/ })).toHaveCount(0);

  // A figure the table has otherwise: 收到…申请12例 beside 10 received.
  await page.getByRole('button', { name: '一、总体情况' }).first().click();
  const part = page.getByRole('textbox', { name: '（二）依申请公开' });
  await part.fill((await part.inputValue()).replace('申请10例', '申请12例'));
  const wrong = panel(page).locator('li.finding', { hasText: '申请12例' });
  await wrong.getByRole('button', { name: '改为表中的 10' }).click();
  await expect(part).toHaveValue(/信息公开申请10例/);
  await saved(page);
  expect(stored(app, id).narratives.overview).toBe(seed.narratives.overview);

  await part.fill((await part.inputValue()).replace('申请10例', '申请12例'));
  await page.getByRole('button', { name: '全部修正' }).click();
  await expect(page.locator('.notices, [role="status"]').filter({ hasText: '正文中 1 处数字已按今年表格更新' }).first()).toBeVisible();
  await expect(part).toHaveValue(/信息公开申请10例/);
  await page.keyboard.press('Control+z');
  await expect(part).toHaveValue(/信息公开申请12例/);
});

test('插入数据句 puts the chosen phrasing at the cursor as ordinary text', async ({ page, app }) => {
  const report = { ...seed, narratives: { ...seed.narratives, other: '本单位未收取信息处理费。' } };
  const id = await openReport(page, app, report);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page
    .getByRole('button', { name: /六、其他需要报告的事项/ })
    .first()
    .click();
  const box = page.getByRole('textbox', { name: '六、其他需要报告的事项' });
  await box.click();
  await box.press('End');
  await page.getByRole('button', { name: '插入数据句' }).click();
  const menu = page.getByRole('dialog', { name: '插入数据句' });
  // The part's own sentences first: 六 states the fee.
  await expect(menu.locator('h4').first()).toHaveText('信息处理费（六）');
  await expect(menu).toContainText('本年度未发生政府信息公开行政复议案件。');
  await page.screenshot({ path: 'test-results/insert-sentence-menu.png' });
  await menu.getByRole('button', { name: '本年度共收到政府信息公开申请10件，均为自然人申请。' }).click();
  await expect(menu).toHaveCount(0);
  await expect(box).toHaveValue('本单位未收取信息处理费。本年度共收到政府信息公开申请10件，均为自然人申请。');
  await saved(page);
  expect(stored(app, id).narratives.other).toBe('本单位未收取信息处理费。本年度共收到政府信息公开申请10件，均为自然人申请。');
  await expect(panel(page)).toContainText('没有发现问题');
});
