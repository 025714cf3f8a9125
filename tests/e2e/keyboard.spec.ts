// Moving between the six sections without the mouse.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { documentTitle } from '../../src/shared/model/report';
import { readReportJson } from '../../src/shared/model/schema';

test('Alt+1…6 jumps to a section and Alt+↑/↓ steps through them, from a table cell or a text box', async ({ page, app }) => {
  const seed = readReportJson(JSON.parse(readFileSync('tests/fixtures/seed-2022.json', 'utf8')));
  if (!seed.ok) throw new Error(seed.error);
  expect(app.services.library.add(seed.value).ok).toBe(true);
  await app.open();
  await page
    .getByRole('button', { name: documentTitle(seed.value) })
    .first()
    .click();
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
