// Moving between the six sections without the mouse.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, type App } from './fixtures';
import { asCellKey, cellDef, type CellKey } from '../../src/shared/model/cells';
import { documentTitle, valueAt, type Report } from '../../src/shared/model/report';
import { GRIDS, moveFrom } from '../../src/renderer/src/report/gridModel';
import { SECTIONS } from '../../src/shared/template/gov2021';
import { readReportJson } from '../../src/shared/model/report-json';

/** The seed report added to the library and opened from its title in the library's list, as the author opens it. */
async function openSeed(page: Page, app: App): Promise<{ seed: Report; id: number; title: Locator }> {
  const seed = readReportJson(JSON.parse(readFileSync('tests/fixtures/seed-2022.json', 'utf8')));
  if (!seed.ok) throw new Error(seed.error);
  const added = app.services.library.add(seed.value);
  if (!added.ok) throw new Error(added.error.message);
  await app.open();
  const title = page.getByRole('button', { name: documentTitle(seed.value) }).first();
  await title.click();
  // Opened: its keys are listened for once the editor shows a section, as the author sees it before pressing one.
  await expect(page.locator('#section-heading')).toBeVisible();
  return { seed: seed.value, id: added.value.id, title };
}

test('Alt+1…6 jumps to a section and Alt+↑/↓ steps through them, from a table cell or a text box', async ({ page, app }) => {
  await openSeed(page, app);
  const heading = page.locator('#section-heading');
  await expect(heading).toHaveText('一、总体情况');

  await page.getByRole('textbox').first().focus();
  await page.keyboard.press('Alt+3');
  await expect(heading).toHaveText('三、收到和处理政府信息公开申请情况');
  await page.locator('td[data-cell="requests.received.natural"]').click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(heading).toHaveText('四、政府信息公开行政复议、行政诉讼情况');
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(heading).toHaveText('二、主动公开政府信息情况');
  await page.keyboard.press('Alt+6');
  await expect(heading).toHaveText('六、其他需要报告的事项');
  // Nothing past the last section.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(heading).toHaveText('六、其他需要报告的事项');
});

test('after a paste the keyboard stays in the grid; Ctrl+↓ and Ctrl+↑ leave the table; Home/End go to the row’s ends', async ({
  page,
  app,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openSeed(page, app);
  await page.keyboard.press('Alt+3');
  const active = page.locator('.grid td.active');
  // The table's one input, laid over the active cell.
  const input = page.locator('.grid-frame .cell-input');
  await page.locator('td[data-cell="requests.granted.natural"]').click();
  await page.evaluate(() => navigator.clipboard.writeText('8\t1\r\n2\t0\r\n'));
  await page.keyboard.press('Control+V');
  // The block's last cell is active, its input has the keyboard, and the arrows go on from there.
  await expect(active).toHaveAttribute('data-cell', 'requests.partial.commercial');
  await expect(input).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(active).toHaveAttribute('data-cell', 'requests.denied_secret.commercial');
  await expect(input).toBeFocused();
  // It moved with the cell: over it, named as it is, showing its figure.
  expect(await input.boundingBox()).toEqual(await active.boundingBox());
  await expect(input).toHaveAccessibleName(cellDef(asCellKey('requests.denied_secret.commercial')!)!.name);
  await expect(input).toHaveValue((await active.textContent())!);
  // A figure wider than the columns widens them all as it is typed, and Esc narrows them again: the input stays over its cell.
  const width = (await active.boundingBox())!.width;
  const over = async () => {
    const [a, b] = await Promise.all([input.boundingBox(), active.boundingBox()]);
    return JSON.stringify(a) === JSON.stringify(b) ? b!.width : null;
  };
  await page.keyboard.type('1234567890');
  await expect.poll(over).toBeGreaterThan(width);
  await page.keyboard.press('Escape');
  await expect.poll(over).toBe(width);

  await page.keyboard.press('End');
  await expect(active).toHaveAttribute('data-cell', 'requests.denied_secret.total');
  await page.keyboard.press('Home');
  await expect(active).toHaveAttribute('data-cell', 'requests.denied_secret.natural');
  await page.keyboard.press('Control+End');
  await expect(active).toHaveAttribute('data-cell', 'requests.carried_forward.total');

  // Out of the table without 174 Tabs: to the control after it, and back before it.
  await page.keyboard.press('Control+ArrowDown');
  await expect(page.getByRole('button', { name: /上一节/ })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(input).toBeFocused();
  await page.keyboard.press('Control+ArrowUp');
  await expect(page.getByLabel('手工填写总计')).toBeFocused();
});

test('a report opens with the keyboard where the author was: the text box and the caret in it', async ({ page, app }) => {
  const { title } = await openSeed(page, app);
  // Never opened here, nothing to do first: the keyboard is in the first text box, not on the page.
  await expect(page.getByRole('textbox', { name: '开头段落' })).toBeFocused();

  const part = page.getByRole('textbox', { name: '（三）政府信息管理' });
  await part.click();
  await part.press('Control+Home');
  for (let i = 0; i < 4; i++) await part.press('ArrowRight');
  await page.getByRole('button', { name: '← 报告库' }).click();
  await title.click();
  await expect(part).toBeFocused();
  expect(await part.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([4, 4]);
  // Typing goes in there at once.
  await page.keyboard.type('甲');
  await expect(part).toHaveValue(/^.{4}甲/s);
});

test('a figure typed straight after Enter goes into the next cell; an input method’s Enter picks its characters and stays in the cell', async ({
  page,
  app,
}) => {
  const { id } = await openSeed(page, app);
  const stored = (key: CellKey) => {
    const got = app.services.library.get(id);
    if (!got.ok) throw new Error(got.error.message);
    return valueAt(got.value.report, key);
  };
  await page.keyboard.press('Alt+3');
  await expect(page.locator('#section-heading')).toHaveText(SECTIONS.find((s) => s.id === 'requests')!.heading);
  const first = asCellKey('requests.received.natural')!;
  const below = moveFrom(GRIDS.requests, first, 'down')!;
  const further = moveFrom(GRIDS.requests, below, 'down')!;
  const active = page.locator('.grid td.active');
  const input = page.locator('.grid-frame .cell-input');
  await page.locator(`td[data-cell="${first}"]`).click();
  // A busy machine: the frame after the Enter comes only after the next key. The figure typed then replaces the next
  // cell's, though the input had not yet been shown it.
  await page.evaluate(() => {
    const w = window as unknown as { releaseFrames: () => void };
    const request = window.requestAnimationFrame.bind(window);
    const cancel = window.cancelAnimationFrame.bind(window);
    const held = new Map<number, FrameRequestCallback>();
    let next = 1;
    window.requestAnimationFrame = (callback) => (held.set(next, callback), next++);
    window.cancelAnimationFrame = (id) => void held.delete(id);
    w.releaseFrames = () => {
      window.requestAnimationFrame = request;
      window.cancelAnimationFrame = cancel;
      for (const callback of held.values()) request(callback);
    };
  });
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  await page.keyboard.type('7');
  await page.evaluate(() => (window as unknown as { releaseFrames: () => void }).releaseFrames());
  await expect(input).toHaveValue('7');
  await page.keyboard.press('Enter');
  await expect(active).toHaveAttribute('data-cell', further);
  await expect.poll(() => [stored(first), stored(below)]).toEqual([12, 7]);

  // Characters being composed by an input method: its Enter (a keydown marked as composing) picks them and stays.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: '3', selectionStart: 1, selectionEnd: 1 });
  await input.evaluate((el) => el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true })));
  await cdp.send('Input.insertText', { text: '3' });
  await expect(active).toHaveAttribute('data-cell', further);
  await expect(input).toHaveValue('3');
  await page.keyboard.press('Enter');
  await expect.poll(() => stored(further)).toBe(3);
  await expect(active).toHaveAttribute('data-cell', moveFrom(GRIDS.requests, further, 'down')!);
});

test('F2 edits the figure in its cell: the caret at its end, ←/→ move it in the cell, Esc gives the figure back', async ({ page, app }) => {
  const { seed } = await openSeed(page, app);
  await page.keyboard.press('Alt+3');
  await expect(page.locator('#section-heading')).toHaveText(SECTIONS.find((s) => s.id === 'requests')!.heading);
  const key = asCellKey('requests.received.natural')!;
  const figure = String(valueAt(seed, key));
  const active = page.locator('.grid td.active');
  const input = page.locator('.grid-frame .cell-input');
  await page.locator(`td[data-cell="${key}"]`).click();
  await page.keyboard.press('F2');
  await page.keyboard.type('5');
  await expect(input).toHaveValue(`${figure}5`);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('0');
  await expect(input).toHaveValue(`${figure.slice(0, -1)}0${figure.slice(-1)}5`);
  await expect(active).toHaveAttribute('data-cell', key);
  await page.screenshot({ path: 'artifacts/e2e/grid-f2-edit.png' });
  await page.keyboard.press('Escape');
  await expect(input).toHaveValue(figure);
  await expect(active).toHaveText(figure);
  // Typing now replaces the figure again.
  await page.keyboard.type('8');
  await page.keyboard.press('Enter');
  await expect(active).toHaveAttribute('data-cell', moveFrom(GRIDS.requests, key, 'down')!);
  await expect(page.locator(`td[data-cell="${key}"]`)).toHaveText('8');
});
