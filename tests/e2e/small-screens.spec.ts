// The editor on the office's laptop: 1366 × 768 at 125 % display scaling
// (1093 × 614 CSS pixels) and at 150 % (853 × 480), with the widest figures a
// real report prints (seven-digit 行政处罚, five-digit 表三). No figure is cut
// in any table, with or without the keyboard in it; the panels fold; every
// dialog's buttons are in view; the page prints as the document.
import { writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, frameAfterEdit } from './fixtures';
import { bigReport } from '../fixtures/big-report';
import { documentTitle } from '../../src/shared/model/report';
import { SECTIONS, TABLE_IDS } from '../../src/shared/template/gov2021';
import { pdfPageSizes, pdfPages } from '../main/documents-fixtures';

const SIZES = [
  { name: '125%', width: 1093, height: 614, scale: 1.25 },
  { name: '150%', width: 853, height: 480, scale: 1.5 },
] as const;

const TABLE_KEYS = { proactive: 'Alt+2', requests: 'Alt+3', appeals: 'Alt+4' } as const;

/**
 * Value cells whose text is wider than the cell shows: the text of each cell, and of the input laid over the active one.
 * Read as the frame after a key shows them: the input is fitted to its cell in the key's frame, after its layout, so a read between
 * a key and the frame would see a box no screen ever shows.
 */
async function cutCells(page: Page): Promise<string[]> {
  await frameAfterEdit(page);
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.grid td.value')].flatMap((td) => {
      const input = td.classList.contains('active') ? td.closest('.grid-frame')?.querySelector<HTMLElement>('.cell-input') : null;
      return [td, ...(input ? [input] : [])].flatMap((box) =>
        box.scrollWidth > box.clientWidth ? [`${td.dataset.cell}: ${box.scrollWidth} > ${box.clientWidth}`] : [],
      );
    }),
  );
}

async function openBig(page: Page, app: { services: { library: { add: (r: never) => { ok: boolean } } }; open: () => Promise<void> }) {
  expect(app.services.library.add(bigReport as never).ok).toBe(true);
  await app.open();
  await page
    .getByRole('button', { name: documentTitle(bigReport) })
    .first()
    .click();
  await expect(page.locator('#section-heading')).toHaveText(SECTIONS[0]!.heading);
}

/** The lines an element's text takes. */
function lineCount(el: Locator): Promise<number> {
  return el.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
}

/** In each grid column of a table, the value cell with the longest text. */
function widestOfEachColumn(page: Page, table: string): Promise<string[]> {
  return page.evaluate((t) => {
    const widest = new Map<number, HTMLElement>();
    for (const row of document.querySelectorAll<HTMLTableRowElement>(`.grid-${t} tr`)) {
      let column = 0;
      for (const cell of row.cells) {
        if (cell.dataset.cell && (widest.get(column)?.textContent?.length ?? -1) < (cell.textContent?.length ?? 0))
          widest.set(column, cell);
        column += cell.colSpan;
      }
    }
    return [...widest.values()].map((td) => td.dataset.cell!);
  }, table);
}

/** Every button of the dialog's footer inside the window, its words on one line. */
async function expectButtonsInView(page: Page, dialog: Locator) {
  const { width, height } = page.viewportSize()!;
  const buttons = await dialog.locator('.dialog-buttons button').all();
  expect(buttons.length).toBeGreaterThan(0);
  for (const button of buttons) {
    const box = (await button.boundingBox())!;
    const name = await button.textContent();
    expect(box.y >= 0 && box.y + box.height <= height && box.x >= 0 && box.x + box.width <= width, `「${name}」 in view`).toBe(true);
    expect(await lineCount(button), `「${name}」 on one line`).toBe(1);
  }
}

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height} (${size.name})`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.scale });

    test('no figure is cut in any table, with or without the keyboard in a cell, nor while a long one is typed', async ({ page, app }) => {
      await openBig(page, app);
      for (const table of TABLE_IDS) {
        await page.keyboard.press(TABLE_KEYS[table]);
        const input = page.locator('.grid-frame .cell-input');
        await expect(input).toBeFocused();
        expect(await cutCells(page), `${table}, first cell active`).toEqual([]);
        await page.screenshot({ path: `artifacts/e2e/small-${size.width}-${table}.png` });
        // The keyboard in the widest figure of each column: the active cell's input shows it whole.
        for (const key of await widestOfEachColumn(page, table)) {
          await page.locator(`td[data-cell="${key}"]`).click();
          await expect(page.locator('td.active')).toHaveAttribute('data-cell', key);
          await expect(input).toBeFocused();
          expect(await cutCells(page), `${key} active`).toEqual([]);
        }
      }
      // A seven-digit figure typed into 表三: whole while it is typed, and the totals it makes whole too.
      await page.keyboard.press('Alt+3');
      await page.locator('td[data-cell="requests.received.commercial"]').click();
      await page.keyboard.type('1234567');
      expect(await cutCells(page)).toEqual([]);
      await page.keyboard.press('Enter');
      const received = bigReport.tables.requests.received!;
      const total = Number(received.total) - Number(received.commercial) + 1234567;
      await expect(page.locator('td[data-cell="requests.received.total"]')).toHaveText(String(total));
      expect(await cutCells(page)).toEqual([]);
    });

    test('the panels fold into rails and open as drawers; the header keeps one row; the row labels stay while the table scrolls sideways', async ({
      page,
      app,
    }) => {
      await openBig(page, app);
      const header = page.locator('.report-header');
      expect((await header.boundingBox())!.height).toBeLessThan(56);
      for (const button of await header.locator('button').all()) if (await button.isVisible()) expect(await lineCount(button)).toBe(1);
      // Nothing of it past the window's edge.
      expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      // What still blocks 定稿 is said whole, if only as a count, never cut to 「还…」.
      const missing = header.locator('.finalize .missing');
      await expect(missing).toBeVisible();
      expect(await missing.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      expect(await lineCount(missing)).toBe(1);

      // The outline: a rail with its toggle, a drawer that a section chosen in it closes.
      const outline = page.getByRole('navigation', { name: '报告大纲' });
      await expect(outline).toBeHidden();
      await page.getByRole('button', { name: /大纲/ }).click();
      await outline.getByRole('button', { name: /四、政府信息公开行政复议/ }).click();
      await expect(page.locator('#section-heading')).toHaveText('四、政府信息公开行政复议、行政诉讼情况');
      await expect(outline).toBeHidden();

      // The findings: docked beside the section at 125 %, a drawer at 150 % that Esc closes.
      const findings = page.getByRole('complementary', { name: '检查结果' });
      if (size.width < 1000) {
        await expect(findings).toBeHidden();
        const toggle = page.getByRole('button', { name: /检查结果/ });
        await toggle.focus();
        await page.keyboard.press('Enter');
        await expect(findings).toBeVisible();
        await page.screenshot({ path: `artifacts/e2e/small-${size.width}-findings-drawer.png` });
        await page.keyboard.press('Escape');
        await expect(findings).toBeHidden();
        await expect(toggle).toBeFocused();
      } else await expect(findings).toBeVisible();

      // A figure too wide for the section: the table scrolls sideways, its row labels stay in view.
      await page.keyboard.press('Alt+3');
      await page.locator('td[data-cell="requests.received.natural"]').click();
      await page.keyboard.type('1234567890');
      await page.keyboard.press('Enter');
      const view = page.locator('.section-view');
      const wider = await view.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(wider).toBeGreaterThan(0);
      await view.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      const label = page.locator('.grid-requests th', { hasText: '一、本年新收政府信息公开申请数量' });
      const [labelBox, viewBox] = [(await label.boundingBox())!, (await view.boundingBox())!];
      expect(labelBox.x).toBeGreaterThanOrEqual(viewBox.x - 1);
      await expect(page.locator('td[data-cell="requests.received.total"]')).toBeInViewport();
      await expect(page.locator('#section-heading')).toBeInViewport();
      expect(await cutCells(page)).toEqual([]);
      await page.screenshot({ path: `artifacts/e2e/small-${size.width}-sideways.png` });
    });

    test('every dialog keeps its buttons in view, words whole', async ({ page, app }) => {
      await openBig(page, app);
      const check = async (open: () => Promise<unknown>, name: string | RegExp, shot?: string) => {
        await open();
        const dialog = page.getByRole('dialog', { name });
        await expect(dialog).toBeVisible();
        await expectButtonsInView(page, dialog);
        // The figures an import would write are whole in its preview too.
        expect(await cutCells(page)).toEqual([]);
        if (shot) await page.screenshot({ path: `artifacts/e2e/small-${size.width}-${shot}.png` });
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      };
      await check(() => page.getByRole('button', { name: '导出…' }).click(), '导出报告', 'export');
      // The report still has a finding to explain: 定稿并导出 lists it, its field and buttons in view.
      await check(() => page.getByRole('button', { name: '定稿并导出' }).click(), '定稿并导出', 'finalize');
      await check(
        () => page.locator('input[aria-label="选择要导入的文件"]').setInputFiles('tests/fixtures/xlsx/three-sheets.xlsx'),
        /导入「/,
        'import',
      );
      // On a narrow window 历史版本 and 使用说明 stand under 更多.
      const header = async (name: string) => {
        if (size.width < 1000) await page.locator('.header-more summary').click();
        await page.locator('.report-header').getByRole('button', { name }).click();
      };
      await check(() => header('历史版本'), '历史版本');
      await check(() => header('使用说明'), '使用说明');
      if (size.width < 1000) await page.getByRole('button', { name: /检查结果/ }).click();
      await page.getByRole('tab', { name: '概览' }).click();
      await check(() => page.getByRole('button', { name: '一图读懂…' }).click(), '一图读懂', 'infographic');
      await page.goto('about:blank');
      await app.open();
      // The library's own buttons and list keep their words whole too.
      for (const el of await page.locator('.toolbar button, .report-list button:not(.link), .report-list .status').all())
        expect(await lineCount(el), (await el.textContent()) ?? '').toBe(1);
      await check(() => page.getByRole('button', { name: '开始今年的报告' }).click(), '开始今年的报告', 'start');
      await check(() => page.getByRole('button', { name: '新建报告' }).click(), '新建报告');
    });
  });
}

test.describe('at 1093×614 (125%)', () => {
  test.use({ viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25, locale: 'en-US' });

  test('the page printed holds the document — every section, A4, 草稿 — and none of the editor around it', async ({ page, app }) => {
    await openBig(page, app);
    await page.keyboard.press('Alt+3');
    // Kept beside the screenshots, to be looked at.
    const file = 'artifacts/e2e/small-1093-printed.pdf';
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
    const text = pdfPages(file).join('\n');
    for (const s of SECTIONS) expect(text).toContain(s.heading);
    expect(text).toContain('2022年政府信息公开工作年度报告');
    expect(text).toContain('草稿');
    expect(text).toContain('3985758');
    for (const screen of ['检查结果', '还差什么', '大纲', '手工填写总计', '报告库', '导出…', '标记为定稿', '机关层级'])
      expect(text).not.toContain(screen);
    for (const { width, height } of pdfPageSizes(file)) expect([Math.round(width), Math.round(height)].sort()).toEqual([595, 842]);
    // After printing, the editor is as it was.
    await expect(page.locator('.print-view')).toHaveCount(0);
    await expect(page.locator('td.active')).toHaveAttribute('data-cell', 'requests.received.natural');
    await expect(page.locator('.grid-frame .cell-input')).toBeFocused();
  });

  test('成文日期 reads and shows 2025年1月20日 under an English browser', async ({ page, app }) => {
    await openBig(page, app);
    const date = page.getByRole('textbox', { name: '成文日期' });
    await date.fill('2023-1-20');
    await date.press('Tab');
    await expect(date).toHaveValue('2023年1月20日');
    await date.focus();
    await date.press('ArrowUp');
    await expect(date).toHaveValue('2023年1月21日');
    await date.fill('2023年2月30日');
    await date.press('Tab');
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: '日期写法不对' })).toBeVisible();
    await page.getByRole('button', { name: '← 报告库' }).click();
    // Leaving the report sends what is pending; the library has it once that save lands.
    await expect
      .poll(() => {
        const stored = app.services.library.list();
        const saved = stored.ok && stored.value[0] ? app.services.library.get(stored.value[0].id) : null;
        return saved?.ok ? saved.value.report.date : null;
      })
      .toBe('2023-01-21');
  });
});
