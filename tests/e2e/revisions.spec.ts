// Earlier versions of a report: see how one differs from now, restore it, and
// find the state before the restore kept as a version of its own.
import { readFileSync } from 'node:fs';
import { test, expect, saved } from './fixtures';
import { documentTitle } from '../../src/shared/model/report';
import { readReportJson } from '../../src/shared/model/report-json';

test('restore the version from before an edit, and keep the edited one as a version too', async ({ page, app }) => {
  const seed = readReportJson(JSON.parse(readFileSync('tests/fixtures/seed-2022.json', 'utf8')));
  if (!seed.ok) throw new Error(seed.error);
  const stored = app.services.library.add(seed.value);
  if (!stored.ok) throw new Error(stored.error.message);

  await app.open();
  await page
    .getByRole('button', { name: documentTitle(seed.value) })
    .first()
    .click();
  await page
    .getByRole('navigation', { name: '报告大纲' })
    .getByRole('button', { name: /六、其他需要报告的事项/ })
    .click();
  const other = page.getByRole('textbox', { name: '六、其他需要报告的事项' });
  await other.press('Control+End');
  await other.pressSequentially('另：本年未发出收费通知。');
  await saved(page);

  await page.getByRole('button', { name: '历史版本' }).click();
  const dialog = page.getByRole('dialog', { name: '历史版本' });
  const versions = dialog.getByRole('list', { name: '历史版本列表' }).getByRole('button');
  await expect(versions.first()).toContainText('编辑前自动保存');
  await versions.first().click();
  // The text that differs is named, then → now.
  await expect(dialog.locator('.revision-diff')).toContainText('六、其他需要报告的事项：「');
  await expect(dialog.locator('.revision-diff')).toContainText('另：本年未发出收费通知。」');
  await page.screenshot({ path: 'artifacts/e2e/revisions.png' });
  await dialog.getByRole('button', { name: '恢复这个版本' }).click();
  await page.getByRole('dialog', { name: '恢复历史版本' }).getByRole('button', { name: '恢复' }).click();

  await expect(other).toHaveValue(seed.value.narratives.other);
  const now = app.services.library.get(stored.value.id);
  expect(now.ok && now.value.report.narratives.other).toBe(seed.value.narratives.other);

  // The edited text was kept: it is the newest version now.
  await page.getByRole('button', { name: '历史版本' }).click();
  await expect(versions.first()).toContainText('恢复历史版本前');
  await versions.first().click();
  await expect(dialog.locator('.revision-diff')).toContainText('六、其他需要报告的事项：「');
});
