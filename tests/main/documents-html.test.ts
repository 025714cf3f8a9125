// The web page, read by a real browser: Chromium loads the HTML offline and
// the tests read its headings and every table cell (with its rowspan,
// colspan and scope) and compare them with the report and LAYOUTS; then the
// page is printed to PDF the way the app and the CLI print it.
import { testDir } from '../helpers/temp-dir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReportHtml } from '../../src/shared/document/report-html';
import {
  browserCandidates,
  chromiumPrinter,
  findBrowser,
  htmlToPdf,
  NO_BROWSER_MESSAGE,
  writeReportHtml,
  writeReportPdf,
} from '../../src/main/services/documents';
import { LAYOUTS, placeCells } from '../../src/shared/template/layout';
import { SECTIONS, TABLE_IDS } from '../../src/shared/template/gov2021';
import { cellText } from '../../src/shared/document/content';
import { documentTitle } from '../../src/shared/model/report';
import { ARTIFACTS, distinctValuesReport, isA4, keepPagesAsPng, pdfPageSizes, pdfPages, seedReport } from './documents-fixtures';

const BROWSER = findBrowser();
let browser: Browser;
beforeAll(async () => {
  if (!BROWSER) throw new Error('these tests need Chromium at /usr/bin/chromium (see TOOLING.md)');
  browser = await chromium.launch({ executablePath: BROWSER, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
});
afterAll(() => browser?.close());

/** Loads the HTML into a fresh page; returns it and the URLs of every request it tried to make. */
async function open(html: string, width = 1000): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const requests: string[] = [];
  await page.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.setContent(html, { waitUntil: 'load' });
  return { page, requests };
}

interface HtmlCell {
  r: number;
  c: number;
  tag: string;
  scope: string | null;
  rowSpan: number;
  colSpan: number;
  text: string;
  inHead: boolean;
}

/** Every cell of every table, placed on its grid the way the browser's table model places it. */
function readTables(page: Page): Promise<HtmlCell[][]> {
  return page.$$eval('table', (tables) =>
    tables.map((table) => {
      const taken: boolean[][] = [];
      const cells: HtmlCell[] = [];
      Array.from(table.rows).forEach((row, r) => {
        let c = 0;
        for (const cell of Array.from(row.cells)) {
          while (taken[r]?.[c]) c++;
          for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) (taken[r + dr] ??= [])[c + dc] = true;
          cells.push({
            r,
            c,
            tag: cell.tagName.toLowerCase(),
            scope: cell.getAttribute('scope'),
            rowSpan: cell.rowSpan,
            colSpan: cell.colSpan,
            text: cell.textContent ?? '',
            inHead: row.parentElement?.tagName === 'THEAD',
          });
          c += cell.colSpan;
        }
      });
      return cells;
    }),
  );
}

describe('HTML page', () => {
  const report = distinctValuesReport();
  const html = renderReportHtml(report, { draft: false });

  it('is one self-contained file: inline CSS, no script, no link, nothing fetched', async () => {
    expect(html).not.toMatch(/<link\b|<script\b|<img\b|\bsrc=|url\(|@import/i);
    const { page, requests } = await open(html);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('has the title as h1, the six sections as h2 in order, the sub-headings as h3', async () => {
    const { page } = await open(html);
    expect(await page.title()).toBe(documentTitle(report));
    expect(await page.$$eval('h1', (hs) => hs.map((h) => h.textContent))).toEqual([documentTitle(report)]);
    expect(await page.$$eval('h2', (hs) => hs.map((h) => h.textContent))).toEqual(SECTIONS.map((s) => s.heading));
    expect(await page.$$eval('h3', (hs) => hs.map((h) => h.textContent))).toEqual([
      '（一）主动公开',
      '（二）依申请公开',
      '（三）政府信息管理',
      '（四）政府信息公开平台建设',
      '（五）监督保障',
    ]);
    const text = await page.$eval('main', (m) => m.textContent ?? '');
    for (const narrative of Object.values(report.narratives)) {
      for (const line of narrative.split('\n').filter((l) => !/^[（(][一二三四五][）)]/.test(l))) expect(text).toContain(line.trim());
    }
    await page.close();
  });

  it('prints each table cell by cell as LAYOUTS places it, values from the report, with header scopes', async () => {
    const { page } = await open(html);
    const tables = await readTables(page);
    expect(tables.length).toBe(3);
    TABLE_IDS.forEach((id, t) => {
      const layout = LAYOUTS[id];
      const cells = tables[t]!;
      const placed = placeCells(layout);
      expect(cells.length).toBe(placed.length);
      placed.forEach(({ cell, r, c }, i) => {
        const h = cells[i]!;
        const where = `${id} row ${r} column ${c}`;
        expect({ r: h.r, c: h.c, rowSpan: h.rowSpan, colSpan: h.colSpan }, where).toEqual({
          r,
          c,
          rowSpan: cell.rowSpan,
          colSpan: cell.colSpan,
        });
        expect(h.inHead, where).toBe(r < layout.headerRows);
        if (cell.kind === 'value') {
          expect(h.tag, where).toBe('td');
          expect(h.text, where).toBe(cellText(report, cell.key));
        } else {
          expect(h.text, where).toBe(cell.text);
          if (cell.kind === 'head') expect([h.tag, h.scope], where).toEqual(['th', cell.colSpan > 1 ? 'colgroup' : 'col']);
          if (cell.kind === 'label') expect([h.tag, h.scope], where).toEqual(['th', cell.rowSpan > 1 ? 'rowgroup' : 'row']);
        }
      });
    });
    await page.close();
  });

  it('reads on a phone: the page does not scroll sideways, the wide tables scroll inside their wrapper', async () => {
    const { page } = await open(html, 375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const wrappers = await page.$$eval('.table-scroll', (ws) =>
      ws.map((w) => ({ scroll: w.scrollWidth, client: w.clientWidth, overflow: getComputedStyle(w).overflowX })),
    );
    expect(wrappers.length).toBe(3);
    for (const w of wrappers) expect(w.overflow).toBe('auto');
    expect(wrappers[1]!.scroll).toBeGreaterThan(wrappers[1]!.client); // table 三
    expect(wrappers[2]!.scroll).toBeGreaterThan(wrappers[2]!.client); // table 四
    await page.screenshot({ path: join(ARTIFACTS, 'html-phone.png') });
    await page.close();
  });

  it('carries the print rules of GB/T 9704: A4, the margins, 仿宋 16pt', () => {
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    expect(html).toMatch(/@media print \{[\s\S]*body \{ font-size: 16pt;/);
    expect(html).toMatch(/font-family: "仿宋_GB2312", "仿宋", "FangSong"/);
  });

  it("escapes the author's text", async () => {
    const hostile = { ...report, agency: '<b>某局</b>&', narratives: { ...report.narratives, other: '<script>alert(1)</script>' } };
    const { page } = await open(renderReportHtml(hostile, { draft: false }));
    expect(await page.$$('script')).toEqual([]);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('<b>某局</b>&2022年政府信息公开工作年度报告');
    await page.close();
  });

  it('marks a draft 草稿 on screen and in the title (the PDF test checks every printed page); a final page carries no mark', async () => {
    expect(html).not.toContain('草稿');
    const { page } = await open(renderReportHtml(report, { draft: true }));
    expect(await page.title()).toContain('草稿');
    expect(await page.$eval('.draft-mark', (m) => m.textContent)).toBe('草稿');
    await page.close();
  });

  it('writes the file whole through the export writer', async () => {
    const out = join(testDir('nianbao-html-'), 'report.html');
    expect((await writeReportHtml(seedReport(), out, { draft: false })).ok).toBe(true);
    writeFileSync(join(ARTIFACTS, 'seed.html'), renderReportHtml(seedReport(), { draft: true }));
    expect(existsSync(out)).toBe(true);
  });
});

describe('PDF printed from the HTML', () => {
  it('is A4 with table 四 on a landscape page, numbered "— N —", with the text and values of the report', async () => {
    const dir = testDir('nianbao-pdf-');
    const out = join(dir, 'report.pdf');
    const report = seedReport();
    expect(await writeReportPdf(report, out, { draft: true, printer: chromiumPrinter() })).toEqual({ ok: true, value: undefined });
    copyFileSync(out, join(ARTIFACTS, 'seed-html.pdf'));
    keepPagesAsPng(out, 'pdf-page');
    const sizes = pdfPageSizes(out);
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    expect(sizes.length).toBeLessThanOrEqual(9);
    const landscape = sizes.map((s) => isA4(s, true));
    expect(sizes.every((s, i) => isA4(s, landscape[i]))).toBe(true);
    expect(landscape.filter(Boolean).length).toBe(1);
    const pages = pdfPages(out);
    const flat = (s: string) => s.replace(/\s+/g, '');
    const all = flat(pages.join(''));
    expect(all).toContain(flat(documentTitle(report)));
    for (const s of SECTIONS) expect(all).toContain(s.heading);
    expect(all).toContain('本单位2022年未收取信息处理费');
    expect(flat(pages[landscape.indexOf(true)]!)).toContain('四、政府信息公开行政复议、行政诉讼情况');
    pages.forEach((page, i) => {
      expect(flat(page)).toContain(`—${i + 1}—`);
      expect(page).toContain('草稿');
    });
  });

  it('says in Chinese what to do when no browser is installed, and writes nothing', async () => {
    const out = join(testDir('nianbao-pdf-'), 'report.pdf');
    const result = await htmlToPdf('<p>x</p>', out, chromiumPrinter({ executablePath: '/nonexistent/chrome' }));
    expect(result).toEqual({ ok: false, error: { code: 'no_browser', message: NO_BROWSER_MESSAGE } });
    expect(existsSync(out)).toBe(false);
  });

  it('looks for Edge and Chrome at their standard places on Windows', () => {
    const env = {
      ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local',
    };
    const paths = browserCandidates(env, 'win32').map((p) => p.replace(/\//g, '\\'));
    expect(paths).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(paths).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(paths).toContain('C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    expect(browserCandidates({}, 'linux')).toContain('/usr/bin/chromium');
  });
});

describe('the web page on a phone (390 px)', () => {
  const long = { ...seedReport(), agency: '某某市某某区人民政府办公室' };

  it('keeps the row labels of 三 in view while the table scrolls sideways', async () => {
    const { page } = await open(renderReportHtml(long, { draft: false }), 390);
    const box = page.locator('.table-scroll').nth(1);
    const label = page.locator('table.t-requests th[scope="row"]', { hasText: '本年新收政府信息公开申请数量' });
    const before = { label: (await label.boundingBox())!, box: (await box.boundingBox())! };
    await box.evaluate((el) => el.scrollTo({ left: 400, top: 0 }));
    const scrolled = (await label.boundingBox())!;
    expect(await box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
    expect(Math.abs(scrolled.x - before.label.x)).toBeLessThan(1);
    await box.screenshot({ path: join(ARTIFACTS, 'html-phone-390-requests-scrolled.png') });
    // The values under it did scroll away.
    const value = page.locator('table.t-requests td[data-key="requests.received.natural"]');
    expect((await value.boundingBox())!.x).toBeLessThan(before.box.x + 50);
    await page.close();
  });

  it('never leaves "报告" alone on the title\'s last line', async () => {
    const { page } = await open(renderReportHtml(long, { draft: false }), 390);
    const lastLine = await page.$eval('h1', (h) => {
      const range = document.createRange();
      range.selectNodeContents(h);
      const rects = Array.from(range.getClientRects());
      const bottom = Math.max(...rects.map((r) => r.bottom));
      const last = rects.filter((r) => Math.abs(r.bottom - bottom) < 2);
      const width = Math.max(...last.map((r) => r.right)) - Math.min(...last.map((r) => r.left));
      return width / parseFloat(getComputedStyle(h).fontSize);
    });
    expect(lastLine).toBeGreaterThan(4);
    await page.close();
  });

  it('prints labels with the official quotation marks, and 落款 and 成文日期 only when asked', async () => {
    const html = renderReportHtml(long, { draft: false });
    expect(html).not.toContain('class="closing"');
    const plain = await open(html, 390);
    expect(await plain.page.$$eval('th', (ths) => ths.map((th) => th.textContent))).toContain('3.危及“三安全一稳定”');
    await plain.page.close();
    const { page } = await open(renderReportHtml({ ...long, date: '2025-01-20' }, { draft: false, closing: true }), 390);
    expect(await page.$$eval('.closing p', (ps) => ps.map((p) => p.textContent))).toEqual(['某某市某某区人民政府办公室', '2025年1月20日']);
    await page.close();
  });
});
