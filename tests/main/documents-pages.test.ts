// The submitted document page by page, as the receiving office's reviewer sees
// it: each report's Word file rendered by LibreOffice and its PDF printed by
// Chromium, then read back with poppler. Checked: no page holding only a
// stray row or line, table 三 never cut (its last rows never apart from their
// group), 28 characters to a full line, 落款 and 成文日期 last and right-aligned,
// page numbers' dashes 7 mm below the type area (and on the same physical edge
// on the landscape page), figures and four-character headers unbroken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReportDocx, writeReportPdf, chromiumPrinter } from '../../src/main/services/documents';
import { closingOf } from '../../src/shared/document/content';
import { PAGE_MM, PAGE_NUMBER_BELOW_TYPE_AREA_MM, SIZES } from '../../src/shared/document/fonts';
import { APPEAL_COLS, REQUEST_ROWS } from '../../src/shared/template/gov2021';
import { cellText } from '../../src/shared/document/content';
import { CELLS } from '../../src/shared/model/cells';
import type { Report } from '../../src/shared/model/report';
import { ARTIFACTS, keepPagesAsPng, pdfPageSizes, isA4 } from './documents-fixtures';
import {
  fixtureReports,
  largeReport,
  libreOfficePdfs,
  lineChars,
  middle,
  pageLines,
  pageWords,
  shortReport,
  strokes,
} from './documents-render';

const TODAY = '2025-01-20';
const REPORTS: { name: string; report: Report }[] = [
  ...fixtureReports(),
  { name: 'large', report: largeReport() },
  { name: 'short', report: shortReport() },
];
const flat = (s: string) => s.replace(/\s+/g, '');
const TYPE_BOTTOM_MM = PAGE_MM.height - PAGE_MM.bottom;

let dir: string;
const wordPdf = new Map<string, string>();
const chromePdf = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-pages-'));
  const docx: string[] = [];
  for (const { name, report } of REPORTS) {
    const path = join(dir, `${name}.docx`);
    writeFileSync(path, await renderReportDocx(report, { draft: false, today: TODAY }));
    docx.push(path);
  }
  libreOfficePdfs(docx, dir).forEach((pdf, i) => wordPdf.set(REPORTS[i]!.name, pdf));
  for (const { name, report } of REPORTS.filter((r) => ['seed', 'large'].includes(r.name))) {
    const path = join(dir, `${name}-chromium.pdf`);
    const written = await writeReportPdf(report, path, { draft: false, today: TODAY, printer: chromiumPrinter() });
    expect(written.ok).toBe(true);
    chromePdf.set(name, path);
  }
  // Kept to be looked at, page by page, as a reviewer would.
  for (const name of ['seed', 'large', 'real-district-stats-2023']) {
    copyFileSync(wordPdf.get(name)!, join(ARTIFACTS, `${name}-word.pdf`));
    keepPagesAsPng(wordPdf.get(name)!, `${name}-word`);
  }
  for (const [name, pdf] of chromePdf) keepPagesAsPng(pdf, `${name}-pdf`);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The body lines of a page: without the page number line. */
const bodyLines = (lines: readonly string[]) => lines.filter((l) => !/^—\d+—$/.test(flat(l)));

describe.each(REPORTS.map((r) => [r.name, r.report] as const))('the Word file of %s, rendered by LibreOffice', (name, report) => {
  it('numbers every page "— N —", and no page holds only a stray row or line', () => {
    const pages = pageLines(wordPdf.get(name)!);
    const sizes = pdfPageSizes(wordPdf.get(name)!);
    expect(sizes.filter((s) => isA4(s, true)).length).toBe(1);
    pages.forEach((lines, i) => {
      expect(
        lines.some((l) => flat(l) === `—${i + 1}—`),
        `${name} page ${i + 1}`,
      ).toBe(true);
      // A page holds at least three lines of text (or rows): never one stray line or row.
      expect(bodyLines(lines).length, `${name} page ${i + 1}: ${lines.join(' / ')}`).toBeGreaterThanOrEqual(3);
    });
  });

  it('keeps table 三 on one page: its groups whole, its last rows with the rest', () => {
    const pages = pageLines(wordPdf.get(name)!).map((lines) => flat(lines.join('')));
    const first = pages.findIndex((p) => p.includes('本年新收政府信息公开申请数量'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(pages[first]).toContain('三、收到和处理政府信息公开申请情况');
    for (const row of REQUEST_ROWS) expect(pages[first], `${name}: ${row.label}`).toContain(flat(row.label).slice(0, 6));
    expect(pages[first]).toContain('结转下年度继续办理');
  });

  it('prints every figure of 三 and 四 unbroken, and the four-character headers of 四 on one line', () => {
    const text = flat(pageLines(wordPdf.get(name)!).flat().join('\n').replace(/\n/g, '|'));
    const lines = pageLines(wordPdf.get(name)!).flat();
    for (const c of CELLS.filter((c) => c.table !== 'proactive')) {
      const value = cellText(report, c.key);
      if (value.length >= 2)
        expect(
          lines.some((l) => l.includes(value)),
          `${name} ${c.key} = ${value}`,
        ).toBe(true);
    }
    for (const col of APPEAL_COLS) expect(text, col.label).toContain(col.label);
  });

  it('closes with 落款 and 成文日期, right-aligned as GB/T 9704 sets them', () => {
    const pages = pageWords(wordPdf.get(name)!);
    const last = pages.at(-1)!.filter((w) => w.yMax < TYPE_BOTTOM_MM + 1);
    const { signature, date } = closingOf(report, TODAY);
    const byLine = new Map<number, typeof last>();
    for (const w of last) {
      const key = Math.round(w.yMin);
      byLine.set(key, [...(byLine.get(key) ?? []), w]);
    }
    const lines = [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([, ws]) => ws);
    const text = (ws: typeof last) => ws.map((w) => w.text).join('');
    expect(text(lines.at(-1)!)).toBe(date);
    expect(text(lines.at(-2)!)).toBe(signature);
    // The date (or, when the date is the shorter, the name) ends two characters in from the type area's right edge.
    const right = PAGE_MM.width - PAGE_MM.right;
    const charMm = SIZES.body * (25.4 / 72);
    const lineEnd = (ws: typeof last) => Math.max(...ws.map((w) => w.xMax));
    const nearest = Math.min(right - lineEnd(lines.at(-1)!), right - lineEnd(lines.at(-2)!));
    expect(Math.abs(nearest - 2 * charMm), `${nearest} mm`).toBeLessThan(0.7 * charMm);
    // The date starts two characters right of the name (or the name moves left for a long date).
    const nameStart = Math.min(...lines.at(-2)!.map((w) => w.xMin));
    const dateStart = Math.min(...lines.at(-1)!.map((w) => w.xMin));
    // (Within a character and a quarter: LibreOffice sets brackets and commas in a name a little narrower.)
    expect(Math.abs(dateStart - nameStart - 2 * charMm)).toBeLessThan(1.25 * charMm);
  });

  it("sets the page number's 一字线 7 mm below the type area on portrait pages, and on the sheet's foot of the landscape page", () => {
    const pdf = wordPdf.get(name)!;
    const sizes = pdfPageSizes(pdf);
    const portrait = sizes.findIndex((s) => isA4(s)) + 1;
    const dash = middle(strokes(pdf, portrait, { x: 0, y: TYPE_BOTTOM_MM + 1, w: PAGE_MM.width, h: 20 }, 'horizontal'));
    expect(Math.abs(dash - TYPE_BOTTOM_MM - PAGE_NUMBER_BELOW_TYPE_AREA_MM)).toBeLessThan(0.8);
    const landscape = sizes.findIndex((s) => isA4(s, true)) + 1;
    // On the landscape page the sheet's foot is the left edge; the dashes stand upright there.
    const upright = middle(strokes(pdf, landscape, { x: 0, y: 0, w: PAGE_MM.bottom - 1, h: PAGE_MM.width }, 'vertical'));
    expect(Math.abs(upright - (PAGE_MM.bottom - PAGE_NUMBER_BELOW_TYPE_AREA_MM))).toBeLessThan(0.8);
  });
});

describe('the Word file of a report with long text', () => {
  it('sets 28 characters to every full line of the body', () => {
    const pages = pageLines(wordPdf.get('large')!);
    const counts: number[] = [];
    for (const lines of pages) {
      const body = bodyLines(lines);
      body.forEach((line, i) => {
        const next = body[i + 1];
        // A full line: one followed by another line of the same paragraph (not indented).
        if (!next || /^\s{2,}/.test(next) || /^\s{2,}/.test(line)) return;
        if (lineChars(line) < 20 || /\S\s{2,}\S/.test(line.trim())) return; // a heading, or a table row (cells apart)
        // A comma or stop may hang past the line's end (允许标点溢出边界): it is not one of the 28.
        counts.push(lineChars(line.trim().replace(/[，。、；：！？）》”]$/, '')));
      });
    }
    expect(counts.length).toBeGreaterThan(30);
    const full = counts.filter((n) => n === 28).length;
    expect(full / counts.length, `line widths: ${counts.join(',')}`).toBeGreaterThan(0.9);
    expect(Math.max(...counts)).toBeLessThanOrEqual(28);
  });
});

describe('the PDF printed by Chromium', () => {
  it.each(['seed', 'large'])(
    "%s: the 一字线 lies 7 mm below the type area, upright on the landscape page's left edge; tagged, with title, author and subject",
    (name) => {
      const pdf = chromePdf.get(name)!;
      const sizes = pdfPageSizes(pdf);
      sizes.forEach((size, i) => {
        if (isA4(size, true)) {
          const upright = middle(strokes(pdf, i + 1, { x: 0, y: 0, w: PAGE_MM.bottom - 1, h: PAGE_MM.width }, 'vertical'));
          expect(Math.abs(upright - (PAGE_MM.bottom - PAGE_NUMBER_BELOW_TYPE_AREA_MM))).toBeLessThan(0.8);
        } else {
          const dash = middle(strokes(pdf, i + 1, { x: 0, y: TYPE_BOTTOM_MM + 1, w: PAGE_MM.width, h: 20 }, 'horizontal'));
          expect(Math.abs(dash - TYPE_BOTTOM_MM - PAGE_NUMBER_BELOW_TYPE_AREA_MM), `page ${i + 1}`).toBeLessThan(0.8);
        }
      });
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const report = REPORTS.find((r) => r.name === name)!.report;
      expect(info).toMatch(/Tagged:\s+yes/);
      expect(info).toContain(`Title:           ${report.agency}${report.year}年政府信息公开工作年度报告`);
      expect(info).toContain(`Author:          ${closingOf(report, TODAY).signature}`);
      expect(info).toContain('Subject:         政府信息公开工作年度报告');
      const last = bodyLines(pageLines(pdf).at(-1)!).map(flat);
      expect(last.slice(-2)).toEqual([closingOf(report, TODAY).signature, closingOf(report, TODAY).date]);
    },
  );
});
