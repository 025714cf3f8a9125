// The web page as a portal's reader sees it, on a phone (375 px) and on a
// desktop (1366 × 768), for every real report of the fixtures and a large
// one: Chromium lays the page out and the tests measure it. Nothing overflows
// its table or its cell, no table is cut in height (none sits in a box shorter
// than itself), a desktop never scrolls a table sideways, a phone scrolls only
// the wide tables and only as a whole, every edge is drawn once, and headings,
// headers and labels break only between words, a heading never leaving one
// character alone on a line. Screenshots are kept under artifacts/documents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { join } from 'node:path';
import { renderReportHtml } from '../../src/shared/document/report-html';
import { findBrowser } from '../../src/main/services/documents';
import { wordPieces } from '../../src/shared/document/words';
import type { Report } from '../../src/shared/model/report';
import { ARTIFACTS } from './documents-fixtures';
import { fixtureReports, largeReport } from './documents-render';

const REPORTS: { name: string; report: Report }[] = [...fixtureReports(), { name: 'large', report: largeReport() }];
const SIZES = [
  { width: 375, height: 812 },
  { width: 1366, height: 768 },
];

let browser: Browser;
beforeAll(async () => {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error('these tests need Chromium at /usr/bin/chromium (see TOOLING.md)');
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
});
afterAll(() => browser?.close());

async function open(report: Report, width: number, height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.route('**/*', (route) => route.abort());
  await page.setContent(renderReportHtml(report, { draft: false, closing: true, today: '2025-01-20' }), { waitUntil: 'load' });
  return page;
}

/**
 * The text of an element as laid out, line by line (a line is the characters
 * whose boxes share a top), and its parts between forced line breaks (<br>).
 */
function renderedLines(page: Page, selector: string): Promise<{ parts: string[]; lines: string[] }[]> {
  return page.$$eval(selector, (elements) =>
    elements.map((element) => {
      const lines: string[] = [];
      let top: number | undefined;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (let i = 0; i < node.data.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          const ch = node.data[i]!;
          if (!rect || rect.width === 0) continue;
          if (top === undefined || Math.abs(rect.top - top) > rect.height / 2) {
            lines.push('');
            top = rect.top;
          }
          lines[lines.length - 1] += ch;
        }
      }
      return { parts: (element as HTMLElement).innerText.split('\n'), lines };
    }),
  );
}

/** Whether `lines` break the text only where a word ends or a forced break (<br>) stands. */
function breaksBetweenWords(lines: readonly string[], parts: readonly string[]): boolean {
  const text = parts.join('');
  const ends = new Set<number>();
  let at = 0;
  for (const part of parts) for (const piece of wordPieces(part)) ends.add((at += piece.length));
  let pos = 0;
  for (const line of lines.slice(0, -1)) {
    pos = text.indexOf(line, pos) + line.length;
    if (!ends.has(pos)) return false;
  }
  return true;
}

describe.each(REPORTS.map((r) => [r.name, r.report] as const))('the web page of %s', (name, report) => {
  it.each(SIZES)(
    'at $width px: nothing overflows its table or its cell, no table is cut, each edge is drawn once',
    async ({ width, height }) => {
      const page = await open(report, width, height);
      await page.screenshot({ path: join(ARTIFACTS, `web-${name}-${width}.png`), fullPage: true });
      const layout = await page.evaluate(() => {
        const box = (e: Element) => e.getBoundingClientRect();
        return {
          page: { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth },
          tables: [...document.querySelectorAll('.table-scroll')].map((scroller) => {
            const table = scroller.querySelector('table')!;
            const t = box(table);
            const cells = [...table.querySelectorAll('th, td')].map((cell) => {
              const c = box(cell);
              const style = getComputedStyle(cell);
              return {
                text: cell.textContent ?? '',
                outside: c.left < t.left - 0.5 || c.right > t.right + 0.5 || c.top < t.top - 0.5 || c.bottom > t.bottom + 0.5,
                overflows: cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1,
                borders: [style.borderTopWidth, style.borderRightWidth, style.borderBottomWidth, style.borderLeftWidth].map(parseFloat),
                left: Math.round(c.left - t.left),
                top: Math.round(c.top - t.top),
              };
            });
            return {
              cls: table.className,
              atNarrowest: Math.abs(t.width - parseFloat(getComputedStyle(table).minWidth)) < 1,
              scroll: { w: scroller.scrollWidth, h: scroller.scrollHeight },
              client: { w: scroller.clientWidth, h: scroller.clientHeight },
              cells,
            };
          }),
        };
      });
      expect(layout.page.scroll, `${name}: the page itself scrolls sideways`).toBeLessThanOrEqual(layout.page.client);
      expect(layout.tables.length).toBe(3);
      for (const t of layout.tables) {
        // Never cut in height: the box is as tall as its table.
        expect(t.scroll.h, `${name} ${t.cls}: cut in height`).toBeLessThanOrEqual(t.client.h + 1);
        // A table scrolls sideways only when it is as narrow as its words and figures allow: table 二 never does, and on
        // a desktop only a table of six-digit figures in all of 四's fifteen columns.
        if (t.scroll.w > t.client.w + 1) {
          expect(t.atNarrowest, `${name} ${t.cls}: scrolls sideways, wider than it needs`).toBe(true);
          expect(t.cls).not.toBe('t-proactive');
          if (width >= 1366) expect(name, `${name} ${t.cls}: scrolls sideways on a desktop`).toBe('large');
        }
        for (const cell of t.cells) {
          expect(cell.outside, `${name} ${t.cls}: 「${cell.text}」 outside its table`).toBe(false);
          expect(cell.overflows, `${name} ${t.cls}: 「${cell.text}」 runs out of its cell`).toBe(false);
          // Each cell draws its right and bottom edge; only the first row and column draw their outer edge.
          expect(cell.borders[1], `${name} ${t.cls}: 「${cell.text}」`).toBe(1);
          expect(cell.borders[2]).toBe(1);
          expect(cell.borders[3], `${name} ${t.cls}: 「${cell.text}」 left edge at ${cell.left}`).toBe(cell.left === 0 ? 1 : 0);
          expect(cell.borders[0], `${name} ${t.cls}: 「${cell.text}」 top edge at ${cell.top}`).toBe(cell.top === 0 ? 1 : 0);
        }
      }
      await page.close();
    },
  );

  it.each(SIZES)(
    'at $width px: headings, headers and labels break only between words; no heading leaves a character alone',
    async ({ width, height }) => {
      const page = await open(report, width, height);
      for (const { parts, lines } of await renderedLines(page, 'h1, h2, h3')) {
        expect(breaksBetweenWords(lines, parts), `${name}: 「${lines.join(' / ')}」`).toBe(true);
        for (const line of lines) expect([...line].length, `${name}: 「${lines.join(' / ')}」`).toBeGreaterThan(1);
      }
      for (const { parts, lines } of await renderedLines(page, 'th, td.note'))
        expect(breaksBetweenWords(lines, parts), `${name}: 「${lines.join(' / ')}」`).toBe(true);
      await page.close();
    },
  );
});

describe('the web page on a phone', () => {
  it('scrolls a wide table sideways as a whole, its row labels held in view', async () => {
    const page = await open(largeReport(), 375, 812);
    const box = page.locator('.table-scroll').nth(1);
    const label = page.locator('table.t-requests th[scope="row"]', { hasText: '1.属于国家秘密' });
    const group = page.locator('table.t-requests th[scope="rowgroup"]', { hasText: '不予公开' });
    const value = page.locator('table.t-requests td[data-key="requests.denied_secret.natural"]');
    const before = { label: (await label.boundingBox())!, group: (await group.boundingBox())!, value: (await value.boundingBox())! };
    await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    expect(await box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
    expect((await label.boundingBox())!.x).toBeCloseTo(before.label.x, 0);
    expect((await group.boundingBox())!.x).toBeCloseTo(before.group.x, 0);
    // The figures went under the labels, and the last column (总计) came into view beside them.
    expect((await value.boundingBox())!.x).toBeLessThan(before.value.x - 100);
    const total = (await page.locator('table.t-requests td[data-key="requests.denied_secret.total"]').boundingBox())!;
    expect(total.x + total.width).toBeLessThanOrEqual(375);
    expect(total.x).toBeGreaterThanOrEqual(before.label.x + before.label.width - 1);
    await box.screenshot({ path: join(ARTIFACTS, 'web-large-375-requests-scrolled.png') });
    await page.close();
  });
});
