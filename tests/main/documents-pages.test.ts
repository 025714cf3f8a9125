// The submitted document page by page, as the receiving office's reviewer sees
// it: each report's Word file rendered by LibreOffice and its PDF printed by
// Chromium, then read back with poppler. Checked: no page holding only a
// stray row or line, table 三 never cut (its last rows never apart from their
// group), 28 characters to a full line, 落款 and 成文日期 last and placed by
// GB/T 9704 7.3.5.2 (measured from the words' boxes), page numbers' dashes
// 7 mm below the type area (and on the same physical edge on the landscape
// page), figures and four-character headers unbroken, and the Word file and the
// PDF breaking their pages at the same places.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReportDocx, writeReportPdf, chromiumPrinter } from '../../src/main/services/documents';
import { closingOf, closingPlacement, documentContent, type NarrativeLine } from '../../src/shared/document/content';
import { BODY_CHAR_PT, MM_PER_PT, PAGE_MM, PAGE_NUMBER_BELOW_TYPE_AREA_MM } from '../../src/shared/document/fonts';
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
  type Word,
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
  const printer = chromiumPrinter();
  for (const { name, report } of REPORTS) {
    const path = join(dir, `${name}-chromium.pdf`);
    const written = await writeReportPdf(report, path, { draft: false, today: TODAY, printer });
    expect(written.ok).toBe(true);
    chromePdf.set(name, path);
  }
  // Kept to be looked at, page by page, as a reviewer would.
  for (const name of ['seed', 'large', 'real-district-stats-2023']) {
    copyFileSync(wordPdf.get(name)!, join(ARTIFACTS, `${name}-word.pdf`));
    keepPagesAsPng(wordPdf.get(name)!, `${name}-word`);
  }
  for (const name of ['seed', 'large', 'real-district-stats-2023']) keepPagesAsPng(chromePdf.get(name)!, `${name}-pdf`);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The lines of a page's words, top to bottom: a word belongs to the line its middle lies in (digits and 日 may come from fonts of different heights). */
function wordLines(words: readonly Word[]): Word[][] {
  const lines: Word[][] = [];
  for (const w of [...words].sort((a, b) => a.yMin - b.yMin)) {
    const middle = (w.yMin + w.yMax) / 2;
    const line = lines.find((l) => middle > l[0]!.yMin && middle < l[0]!.yMax);
    if (line) line.push(w);
    else lines.push([w]);
  }
  return lines;
}

/**
 * The closing lines, measured from the words' boxes on the last page: the date
 * starts two characters (of the name as set) right of the name's first
 * character, and each starts where GB/T 9704 puts it by the named font's
 * metrics (the date's end depends on the font that sets its digits: the start does not).
 */
function expectClosing(pdf: string, report: Report): void {
  const words = pageWords(pdf)
    .at(-1)!
    .filter((w) => w.yMax < TYPE_BOTTOM_MM + 1);
  const lines = wordLines(words);
  const text = (ws: readonly Word[]) => ws.map((w) => w.text).join('');
  const closing = closingOf(report, TODAY);
  const [name, date] = lines.slice(-2) as [Word[], Word[]];
  expect(text(name)).toBe(closing.signature);
  expect(text(date)).toBe(closing.date);
  const start = (ws: readonly Word[]) => Math.min(...ws.map((w) => w.xMin));
  const charMm = BODY_CHAR_PT * MM_PER_PT;
  const offset = (start(date) - start(name)) / charMm;
  expect(Math.abs(offset - 2), `${pdf}: the date starts ${offset.toFixed(3)} characters right of the name`).toBeLessThan(0.05);
  const right = PAGE_MM.width - PAGE_MM.right;
  const { signatureFromRight, dateFromRight } = closingPlacement(closing);
  expect(Math.abs((right - start(name)) / charMm - signatureFromRight)).toBeLessThan(0.1);
  expect(Math.abs((right - start(date)) / charMm - dateFromRight)).toBeLessThan(0.1);
}

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

  it('closes with 落款 and 成文日期 placed by GB/T 9704 7.3.5.2: the date starting two characters right of the name', () => {
    expectClosing(wordPdf.get(name)!, report);
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

/** The paragraphs of a document's text, flattened, in order: headings, sub-headings and paragraphs alike. */
function paragraphsOf(report: Report): string[] {
  const doc = documentContent(report, { draft: false, today: TODAY });
  const text = (lines: readonly NarrativeLine[]) => lines.map((l) => flat(l.kind === 'paragraph' ? l.text : l.heading + l.rest));
  return [
    ...text(doc.preamble),
    ...doc.sections.flatMap((s) => [flat(s.heading), ...(s.body.kind === 'narrative' ? text(s.body.lines) : [])]),
  ];
}

/** Where a line of text stands in the document: the paragraph it is part of, and the character it starts at. */
function placeOf(paragraphs: readonly string[], line: string): { paragraph: number; at: number } | undefined {
  const probe = line.slice(0, 10);
  for (let i = 0; i < paragraphs.length; i++) {
    const at = paragraphs[i]!.indexOf(probe);
    if (at >= 0) return { paragraph: i, at };
  }
  return undefined;
}

describe.each(REPORTS.map((r) => [r.name, r.report] as const))('the Word file and the PDF of %s', (name, report) => {
  it('place 落款 and 成文日期 alike', () => {
    expectClosing(chromePdf.get(name)!, report);
  });

  it('have the same pages: as many, each starting with the same heading, table or line of text', () => {
    const word = pageLines(wordPdf.get(name)!).map((lines) => flat(bodyLines(lines)[0] ?? ''));
    const pdf = pageLines(chromePdf.get(name)!).map((lines) => flat(bodyLines(lines)[0] ?? ''));
    expect(pdf.length, `${name}: Word ${word.length} pages, PDF ${pdf.length}`).toBe(word.length);
    const paragraphs = paragraphsOf(report);
    word.forEach((w, i) => {
      const p = pdf[i]!;
      if (w.slice(0, 6) === p.slice(0, 6)) return;
      // A page that starts inside a paragraph: in the same paragraph, within one line of the same character
      // (where LibreOffice hangs a closing mark past the margin, the browser takes it to the next line).
      const [a, b] = [placeOf(paragraphs, w), placeOf(paragraphs, p)];
      expect(a, `${name} page ${i + 1}: Word starts 「${w}」`).toBeDefined();
      expect(b?.paragraph, `${name} page ${i + 1}: Word starts 「${w}」, the PDF 「${p}」`).toBe(a!.paragraph);
      expect(Math.abs(b!.at - a!.at), `${name} page ${i + 1}: 「${w}」 / 「${p}」`).toBeLessThanOrEqual(28);
    });
  });
});
