// Starting this year's report from last year's Word file: the office has the
// .docx it submitted, not nianbao data. 从文件导入 reads it (tables, text, body
// and year from its title, shown for confirmation), and 新建报告 for the next
// year starts from it: 上年结转 filled from last year's 结转下年度, the text
// offered for rewriting.
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect, saved } from './fixtures';
import { CELLS } from '../../src/shared/model/cells';
import { blankReport, documentTitle, setCells } from '../../src/shared/model/report';
import { libreoffice, officeArticle, seedSections } from '../fixtures/documents/office';
import { seedReport } from '../main/documents-fixtures';

test('this year’s report starts from last year’s Word file', async ({ page, app }) => {
  test.setTimeout(120_000);
  const lastYear = setCells(
    seedReport(),
    CELLS.map((c, i) => [c.key, i + 1] as const),
  );
  const html = join(app.dir, '余杭区统计局2022年政府信息公开工作年度报告.html');
  writeFileSync(html, `<html><head><meta charset="utf-8"></head><body>${officeArticle(lastYear)}</body></html>`);
  const docx = libreoffice(html, 'docx:MS Word 2007 XML', app.dir);

  await app.open();
  await page.locator('input[type=file]').setInputFiles(docx);
  const dialog = page.getByRole('dialog', { name: /^从「余杭区统计局2022年政府信息公开工作年度报告\.docx」新建报告$/ });
  await expect(dialog.getByLabel('机关名称')).toHaveValue('余杭区统计局');
  await expect(dialog.getByLabel('报告年度')).toHaveValue('2022');
  await expect(dialog.getByLabel('机关层级')).toHaveValue('县区部门');
  await expect(dialog.getByText(`读到 ${CELLS.length} 个格子`)).toBeVisible();
  await expect(dialog.getByText('从Word 文档读到：机关「余杭区统计局」（标题），2022 年度（标题）：请核对')).toBeVisible();
  await expect(
    dialog.getByText(
      /^正文 一、总体情况：\d+ 字，五、存在的主要问题及改进情况：\d+ 字，六、其他需要报告的事项：17 字；前言 \d+ 字；落款「余杭区统计局」2023-01-18。$/,
    ),
  ).toBeVisible();
  await page.screenshot({ path: 'artifacts/e2e/import-word.png' });
  await dialog.getByRole('button', { name: '导入为新报告' }).click();
  await expect(page.locator('.report-title')).toHaveText('余杭区统计局2022年政府信息公开工作年度报告');
  // What was published is not a draft: read-only like 定稿, with its own badge in the editor and the library.
  await expect(page.locator('.finalize .status')).toHaveText('已发布');
  await expect(page.locator('.final-banner')).toHaveText('报告是已发布的文件，只能查看。如需修改，请先点“改回草稿”。');

  await page.getByRole('button', { name: '← 报告库' }).click();
  await expect(page.locator('tbody tr', { hasText: '余杭区统计局2022年' }).locator('.status-published')).toHaveText('已发布');
  await page.screenshot({ path: 'artifacts/e2e/library-published.png' });
  await page.getByRole('button', { name: '新建报告' }).click();
  const create = page.getByRole('dialog', { name: '新建报告' });
  await create.getByLabel('机关名称').fill('余杭区统计局');
  await create.getByLabel('报告年度').fill('2023');
  await create.getByLabel('机关层级').selectOption('县区部门');
  await expect(create.getByRole('checkbox')).toBeChecked();
  await create.getByRole('button', { name: '创建' }).click();
  await expect(page.locator('.report-title')).toHaveText('余杭区统计局2023年政府信息公开工作年度报告');
  await page.screenshot({ path: 'artifacts/e2e/from-last-years-word.png' });

  const list = app.services.library.list({});
  if (!list.ok) throw new Error(list.error.message);
  const stored = list.value.map((r) => app.services.library.get(r.id));
  const imported = stored.find((s) => s.ok && s.value.report.year === 2022);
  const current = stored.find((s) => s.ok && s.value.report.year === 2023);
  if (!imported?.ok || !current?.ok) throw new Error('报告没有存入');
  expect([imported.value.status, current.value.status]).toEqual(['已发布', '草稿']);
  expect(imported.value.report.tables).toEqual(lastYear.tables);
  expect(imported.value.report.narratives.problems).toBe(seedSections().problems.join('\n'));
  expect(current.value.report.tables.requests.carried_over).toEqual(lastYear.tables.requests.carried_forward);
});

test('a published PDF dropped on the open report shows its tables and their cells before anything changes', async ({ page, app }) => {
  test.setTimeout(120_000);
  const published = setCells(
    seedReport(),
    CELLS.map((c, i) => [c.key, i + 1] as const),
  );
  const html = join(app.dir, 'published.html');
  writeFileSync(html, `<html><head><meta charset="utf-8"></head><body>${officeArticle(published)}</body></html>`);
  const pdf = libreoffice(libreoffice(html, 'docx:MS Word 2007 XML', app.dir), 'pdf', app.dir);
  const blank = blankReport({ agency: '余杭区统计局', year: 2022, level: '县区部门' });
  const stored = app.services.library.add(blank);
  if (!stored.ok) throw new Error(stored.error.message);

  await app.open();
  await page
    .getByRole('button', { name: documentTitle(blank) })
    .first()
    .click();
  const transfer = await page.evaluateHandle(
    ({ data }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], '年报.pdf', { type: 'application/pdf' }));
      return dt;
    },
    { data: readFileSync(pdf).toString('base64') },
  );
  await page.locator('.report-drop').dispatchEvent('dragover', { dataTransfer: transfer });
  await page.locator('.report-drop').dispatchEvent('drop', { dataTransfer: transfer });
  const dialog = page.getByRole('dialog', { name: '导入「年报.pdf」' });
  // Reading a PDF's pages takes seconds on a slow office PC: wait for the reading, not a fixed moment.
  await expect(dialog.locator('.import-tables li').first()).toHaveText(/^二、主动公开政府信息情况：在「表格 1」A2:D14$/, {
    timeout: 60_000,
  });
  await expect(dialog.locator('.import-summary')).toContainText(`将改动 ${CELLS.length} 个格子`);
  await page.screenshot({ path: 'artifacts/e2e/import-pdf.png' });
  await dialog.getByRole('button', { name: `导入 ${CELLS.length} 处改动` }).click();
  await saved(page);
  const after = app.services.library.get(stored.value.id);
  expect(after.ok && after.value.report.tables).toEqual(published.tables);
});
