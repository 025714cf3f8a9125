// Paste never loses or duplicates text: real reports' texts (余杭区统计局,
// 洪泽区人民政府, a 区统计局 with two parts and no opening, a town's and a
// city office's openings, their 五 and 六) pasted with Ctrl+A, Ctrl+V into
// every place a clerk pastes — 开头段落, each part of 一, 五, 六 and a table —
// and the whole report read back from the library after each paste.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, saved } from './fixtures';
import { documentTitle, type Report } from '../../src/shared/model/report';
import { readReportJson } from '../../src/shared/model/report-json';
import { composeOverview, OVERVIEW_PARTS, parseOverview, withOpening, withPart } from '../../src/shared/document/overview';
import type { NarrativeId } from '../../src/shared/template/gov2021';
import type { App } from './fixtures';

const FIXTURES = join(__dirname, '..', 'fixtures');
function load(file: string): Report {
  const read = readReportJson(JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

const reports = [
  load('seed-2022.json'),
  { ...load('documents/hongze-2024.json'), level: '县区政府' as const },
  load('real-district-stats-2023.json'),
  load('real-town-2023.json'),
  load('real-zhanjiang-dfz-2023.json'),
];
/** Every real text of those reports, the placeholders of the partial transcriptions left out. */
const TEXTS = [
  ...new Set(
    reports.flatMap((r) => [r.narratives.overview, r.narratives.problems, r.narratives.other]).filter((t) => !t.startsWith('（存档副本')),
  ),
];

async function openReport(page: Page, app: App): Promise<number> {
  const base = reports[1]!;
  const stored = app.services.library.add({ ...base, year: 2025 });
  if (!stored.ok) throw new Error(stored.error.message);
  await app.open();
  await page
    .getByRole('button', { name: documentTitle({ ...base, year: 2025 }) })
    .first()
    .click();
  await expect(page.locator('.report-title')).toBeVisible();
  return stored.value.id;
}

function stored(app: App, id: number): Report {
  const got = app.services.library.get(id);
  if (!got.ok) throw new Error(got.error.message);
  return got.value.report;
}

/** Ctrl+A, Ctrl+V of `text` into what has the focus, then the save awaited. */
async function paste(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await page.keyboard.press('Control+S');
  await saved(page);
}

/** How often each line of `text` stands in `whole`: a paste loses none and doubles none. */
function expectEachLineOnce(whole: string, text: string) {
  for (const line of new Set(text.split('\n').filter((l) => l.trim()))) {
    expect([line, whole.split(line).length - 1]).toEqual([line, text.split(line).length - 1]);
  }
}

/** The report after a paste into one narrative: that narrative as expected, every other part of the report as before. */
async function expectOnly(app: App, id: number, before: Report, narrative: NarrativeId, expected: string) {
  await expect.poll(() => stored(app, id).narratives[narrative]).toBe(expected);
  const after = stored(app, id);
  expect(after.tables).toEqual(before.tables);
  expect({ ...after.narratives, [narrative]: '' }).toEqual({ ...before.narratives, [narrative]: '' });
  expect([after.agency, after.year, after.level, after.explanations]).toEqual([
    before.agency,
    before.year,
    before.level,
    before.explanations,
  ]);
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('开头段落: each real text pasted over it; the whole of 一 becomes 一 and is not added to （五） again', async ({ page, app }) => {
  const id = await openReport(page, app);
  await page.keyboard.press('Alt+1');
  for (const text of TEXTS) {
    const before = stored(app, id);
    await page.getByRole('textbox', { name: '开头段落' }).click();
    await paste(page, text);
    const expected = composeOverview(withOpening(parseOverview(before.narratives.overview), text));
    await expectOnly(app, id, before, 'overview', expected);
    expectEachLineOnce(expected, text);
    const parts = parseOverview(text).parts.filter((p) => p.heading !== null).length;
    if (parts === 5) expect(expected).toBe(text);
    if (parts === 0) expect(parseOverview(expected).opening.join('\n')).toBe(text);
  }
});

OVERVIEW_PARTS.forEach((part, i) => {
  test(`${part.heading}: each real text pasted over it, the other parts kept`, async ({ page, app }) => {
    const id = await openReport(page, app);
    await page.keyboard.press('Alt+1');
    for (const text of TEXTS) {
      const before = stored(app, id);
      await page.getByRole('textbox', { name: part.heading }).click();
      await paste(page, text);
      const parsed = parseOverview(before.narratives.overview);
      const expected = composeOverview(withPart(parsed, i, text));
      await expectOnly(app, id, before, 'overview', expected);
      expectEachLineOnce(expected, text);
      if (parseOverview(text).parts.every((p) => p.heading === null)) {
        // Plain text: this part holds it, and every other box is as it was.
        const after = parseOverview(expected);
        expect(after.parts[i]!.lines.join('\n')).toBe(text);
        expect(after.opening).toEqual(parsed.opening);
        after.parts.forEach((p, j) => j !== i && expect(p.lines).toEqual(parsed.parts[j]!.lines));
      }
    }
  });
});

for (const [key, heading, numeral] of [
  ['problems', '五、存在的主要问题及改进情况', '5'],
  ['other', '六、其他需要报告的事项', '6'],
] as const) {
  test(`${heading}: each real text pasted over it, as it is`, async ({ page, app }) => {
    const id = await openReport(page, app);
    // On a loaded machine the page may still be taking the place it opens at when the key comes: press until the section shows.
    await expect(async () => {
      await page.keyboard.press(`Alt+${numeral}`);
      await expect(page.getByRole('textbox', { name: heading })).toBeVisible({ timeout: 2_000 });
    }).toPass();
    for (const text of TEXTS) {
      const before = stored(app, id);
      await page.getByRole('textbox', { name: heading }).click();
      await paste(page, text);
      await expectOnly(app, id, before, key, text);
    }
  });
}

test('a table: a text pasted into the grid is refused and nothing changes', async ({ page, app }) => {
  const id = await openReport(page, app);
  await expect(async () => {
    await page.keyboard.press('Alt+3');
    await expect(page.locator('td[data-cell="requests.received.natural"]')).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await page.locator('td[data-cell="requests.received.natural"]').click();
  const before = stored(app, id);
  for (const text of TEXTS) {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.keyboard.press('Control+V');
    await expect(page.getByText('粘贴的内容里没有数字，不像表格，没有粘贴').first()).toBeVisible();
  }
  await page.keyboard.press('Control+S');
  await saved(page);
  expect(stored(app, id)).toEqual(before);
});
