// 核实说明 go to the finding they were written for, and a report marked 定稿
// cannot be changed from the page (undo, metadata, explanations) until it is
// set back to 草稿.
import { readFileSync } from 'node:fs';
import { test, expect, saved } from './fixtures';
import { documentTitle, type Report } from '../../src/shared/model/report';
import { readReportJson } from '../../src/shared/model/report-json';

function seed(): Report {
  const read = readReportJson(JSON.parse(readFileSync('tests/fixtures/seed-2022.json', 'utf8')));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

test('each explanation lands on its own finding; a final report stays as it was stored', async ({ page, app }) => {
  // Two warnings: a 问题 section of one short sentence and 规章 at a level that cannot make them.
  const report: Report = {
    ...seed(),
    level: '乡镇街道',
    narratives: { ...seed().narratives, problems: '本年度未发现问题。' },
    tables: { ...seed().tables, proactive: { ...seed().tables.proactive, regulations: { issued: 1, repealed: 0, in_force: 1 } } },
  };
  const stored = app.services.library.add(report);
  if (!stored.ok) throw new Error(stored.error.message);
  await app.open();
  await page
    .getByRole('button', { name: documentTitle(report) })
    .first()
    .click();

  const panel = page.getByRole('complementary', { name: '检查结果' });
  const problems = panel.locator('[data-finding="narrative.required:problems"]');
  const regulations = panel.locator('[data-finding="plausibility.regulations"]');
  await problems.getByRole('button', { name: '填写核实说明' }).click();
  await page.keyboard.type('本年度经自查未发现问题。');
  await regulations.getByRole('button', { name: '填写核实说明' }).click();
  await page.keyboard.type('本镇代区政府报送规章数。');
  await expect(problems.getByRole('textbox')).toHaveValue('本年度经自查未发现问题。');
  await expect(regulations.getByRole('textbox')).toHaveValue('本镇代区政府报送规章数。');
  await saved(page);
  const after = app.services.library.get(stored.value.id);
  expect(after.ok && after.value.report.explanations).toEqual({
    'narrative.required:problems': '本年度经自查未发现问题。',
    'plausibility.regulations': '本镇代区政府报送规章数。',
  });

  await page.getByRole('button', { name: '标记为定稿' }).click();
  await expect(page.locator('.final-banner')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(regulations.getByRole('textbox')).toHaveValue('本镇代区政府报送规章数。');
  await expect(page.getByLabel('机关名称')).toBeDisabled();
  await expect(page.getByLabel('年度', { exact: true })).toBeDisabled();
  await expect(regulations.getByRole('textbox')).not.toBeEditable();
  await saved(page);
});
