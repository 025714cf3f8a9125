// The 一图读懂 as drawn with the real charts, for reports that push its layout:
// the busy fixture, appeals whose small counts sit in narrow segments (「13 4 8
// 1」), seven-digit figures everywhere, a very long body name, and absurd
// figures (1e308, negatives). Every text box of the SVG (this module's own and
// ECharts', placed through their transforms) is measured: no two overlap, none
// leaves the page. The published picture carries no note on how the program
// counts, prints every figure in one format, and its PDF is A4 pages with each
// part of the picture whole on one. Absurd figures are drawn within the usual
// memory: the CLI is run as a child and its peak resident memory (with the
// browser it starts) is read, not its time.
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { isTag, type Element } from 'domhandler';
import { composeWithCharts, writeInfographic } from '../../src/main/services/infographic';
import { chromiumPrinter } from '../../src/main/services/documents';
import { defaultHighlights, infographicPages, PRINT_PAGE_MM } from '../../src/shared/infographic';
import { textWidth } from '../../src/shared/infographic/text';
import { CELLS } from '../../src/shared/model/cells';
import { setCells, type Report } from '../../src/shared/model/report';
import { busy, busyLastYear } from '../fixtures/busy-years';
import { isA4, pdfPageSizes, pdfPages } from './documents-fixtures';

const ROOT = join(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'artifacts', 'infographic');
mkdirSync(ARTIFACTS, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'nianbao-infographic-layout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Appeals whose small counts share a row with a large one: 「13 4 8 1」 must not read 「1341」 or 「131」. */
const narrowSegments = setCells(busy, [
  ['appeals.review.upheld', 13],
  ['appeals.review.corrected', 4],
  ['appeals.review.other', 8],
  ['appeals.review.pending', 1],
  ['appeals.review.total', 26],
  ['appeals.suit_direct.upheld', 120],
  ['appeals.suit_direct.corrected', 1],
  ['appeals.suit_direct.other', 3],
  ['appeals.suit_direct.pending', 1],
  ['appeals.suit_direct.total', 125],
]);
const sevenDigits = setCells(
  busy,
  CELLS.map((c, i) => [c.key, c.kind === 'amount' ? 1234567.8912 : 1000000 + ((i * 7919) % 8999999)]),
);
const longName = { ...busy, agency: '某某省某某市某某区人民政府办公室政务公开科（区政府信息公开办公室）' };
/** A name of some seventy characters, as a joint report of several bodies is titled: set smaller, never cut. */
const veryLongName = {
  ...busy,
  agency: '某某省某某市某某区人民政府办公室、某某区发展和改革局、某某区财政局、某某区自然资源和规划局、某某区住房和城乡建设局联合',
};
/** Figures no report holds: every third cell 1e308, every third negative. */
const absurd = setCells(
  busy,
  CELLS.map((c, i) => [c.key, i % 3 === 0 ? 1e308 : i % 3 === 1 ? -(i + 1) : 7]),
);

const CASES: { name: string; report: Report; previous: Report | null }[] = [
  { name: 'busy', report: busy, previous: busyLastYear },
  { name: 'narrow-segments', report: narrowSegments, previous: busyLastYear },
  { name: 'seven-digits', report: sevenDigits, previous: busyLastYear },
  { name: 'long-name', report: longName, previous: null },
  { name: 'very-long-name', report: veryLongName, previous: null },
  { name: 'absurd', report: absurd, previous: busyLastYear },
];

interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Where an element's own transform puts it: "translate(x y)" (the only transform this picture and ECharts' labels use). */
function translation(el: Element): [number, number] {
  const t = el.attribs.transform;
  if (!t) return [0, 0];
  const m = /^translate\(\s*(-?[\d.]+)[\s,]+(-?[\d.]+)\s*\)$/.exec(t.trim());
  if (!m) throw new Error(`a transform this test does not place: ${t}`);
  return [Number(m[1]), Number(m[2])];
}

/** The box of every visible text of the SVG, in the picture's px, its width estimated as the layout estimates it. */
function textBoxes(svg: string): Box[] {
  const doc = parseDocument(svg, { xmlMode: true });
  const boxes: Box[] = [];
  const walk = (el: Element, dx: number, dy: number) => {
    const [tx, ty] = translation(el);
    const [x0, y0] = [dx + tx, dy + ty];
    if (el.name === 'text') {
      const content = DomUtils.textContent(el);
      const style = el.attribs.style ?? '';
      const size = Number(el.attribs['font-size'] ?? /font-size:\s*([\d.]+)px/.exec(style)?.[1] ?? 12);
      const faint = Number(el.attribs['fill-opacity'] ?? 1) < 0.5;
      if (content.trim() === '' || faint) return;
      const x = x0 + Number(el.attribs.x ?? 0);
      const y = y0 + Number(el.attribs.y ?? 0);
      const bold = el.attribs['font-weight'] === 'bold' || /font-weight:\s*bold/.test(style);
      const width = textWidth(content, size, bold);
      const anchor = el.attribs['text-anchor'] ?? 'start';
      const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
      // ECharts centres its labels on y; this module's text sits on its baseline.
      const central = el.attribs['dominant-baseline'] === 'central';
      const top = central ? y - size / 2 : y - size * 0.88;
      boxes.push({ text: content, left, right: left + width, top, bottom: top + size });
      return;
    }
    for (const child of el.children) if (isTag(child)) walk(child, x0, y0);
  };
  for (const child of doc.children) if (isTag(child)) walk(child, 0, 0);
  return boxes;
}

const overlap = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;

describe.each(CASES.map((c) => [c.name, c] as const))('the 一图读懂 of %s', (_name, { report, previous }) => {
  const composed = composeWithCharts({ report, previous, highlights: defaultHighlights(report) });

  it('sets no text over another, none outside the page and none cut with 「…」', () => {
    const boxes = textBoxes(composed.svg);
    expect(boxes.length).toBeGreaterThan(40);
    for (const b of boxes) {
      expect(b.text).not.toContain('…');
      expect(b.left, b.text).toBeGreaterThanOrEqual(0);
      expect(b.right, b.text).toBeLessThanOrEqual(composed.width);
      expect(b.bottom, b.text).toBeLessThanOrEqual(composed.height);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(overlap(boxes[i]!, boxes[j]!), `「${boxes[i]!.text}」 over 「${boxes[j]!.text}」`).toBe(false);
  });

  it('prints every figure in one format and no note on how the program counts', () => {
    const text = textBoxes(composed.svg).map((b) => b.text);
    const all = text.join('\n');
    // Thousands separated everywhere (万元 too): no run of four digits or more in a whole number, beyond a year.
    for (const t of text) expect(t.replace(/\d{4}(?=年)/g, '').replace(/\.\d+/g, ''), t).not.toMatch(/\d{4,}/);
    for (const note of ['按 0 计', '按0计', '不计算', '显示“—”', '÷']) expect(all).not.toContain(note);
    expect(text.join('')).toMatch(/数据来源：《.+》/);
  });
});

describe('the 一图读懂 of absurd figures', () => {
  it('says 「数值过大」 and 「数值有误」 and draws no bar for them', () => {
    const composed = composeWithCharts({ report: absurd, previous: null, highlights: [] });
    const text = textBoxes(composed.svg).map((b) => b.text);
    expect(text).toContain('数值过大');
    expect(text).toContain('数值有误');
    for (const t of text) expect(t.length, t).toBeLessThan(80);
  });

  it.each(['png', 'pdf'])(
    'writes the %s within the usual memory: the CLI child, with its browser, peaks as the ordinary picture does',
    async (kind) => {
      const peak = async (report: Report, label: string) => {
        const input = join(dir, `${label}.json`);
        writeFileSync(input, JSON.stringify(report));
        const out = join(dir, `${label}.${kind}`);
        const stderr = await new Promise<string>((resolve, reject) =>
          execFile(
            process.execPath,
            ['-r', join(ROOT, 'tests', 'helpers', 'peak-rss.cjs'), join(ROOT, 'bin', 'nianbao.cjs'), 'infographic', input, '--out', out],
            { cwd: ROOT, encoding: 'utf8', timeout: 240_000 },
            (err, _stdout, stderr) => (err && err.code !== 0 ? reject(new Error(stderr)) : resolve(stderr)),
          ),
        );
        expect(readFileSync(out).length).toBeGreaterThan(1000);
        return Number(/PEAK_RSS_KB (\d+)/.exec(stderr)![1]) / 1024;
      };
      const ordinary = await peak(busy, `ordinary-${kind}`);
      const heavy = await peak(absurd, `absurd-${kind}`);
      copyFileSync(join(dir, `absurd-${kind}.${kind}`), join(ARTIFACTS, `absurd.${kind}`));
      // The same picture's work: within a quarter of the ordinary one's memory, and never near the 400 MB a command may take.
      expect(heavy, `absurd ${heavy.toFixed(0)} MB, ordinary ${ordinary.toFixed(0)} MB`).toBeLessThan(ordinary * 1.25);
      if (kind === 'png') expect(heavy).toBeLessThan(400);
    },
    600_000,
  );
});

describe('the 一图读懂 as a PDF', () => {
  it('is A4 pages, each part of the picture whole on one page, its text selectable', async () => {
    const composed = composeWithCharts({ report: busy, previous: busyLastYear, highlights: defaultHighlights(busy) });
    const pages = infographicPages(composed);
    expect(pages.length).toBeGreaterThan(1);
    // Every page starts where a part starts and is no taller than the page holds at the page's width.
    const pageHeight =
      ((PRINT_PAGE_MM.height - 2 * PRINT_PAGE_MM.margin) / (PRINT_PAGE_MM.width - 2 * PRINT_PAGE_MM.margin)) * composed.width;
    pages.forEach((p, i) => {
      expect(i === 0 || composed.breaks.includes(p.top), `page ${i + 1} starts inside a part`).toBe(true);
      expect(p.height).toBeLessThanOrEqual(pageHeight + 0.5);
    });
    const out = join(dir, '一图读懂.pdf');
    const written = await writeInfographic({ report: busy, previous: busyLastYear, highlights: defaultHighlights(busy) }, 'pdf', out, {
      printer: chromiumPrinter(),
    });
    expect(written.ok).toBe(true);
    copyFileSync(out, join(ARTIFACTS, 'busy-a4.pdf'));
    const sizes = pdfPageSizes(out);
    expect(sizes.length).toBe(pages.length);
    for (const size of sizes) expect(isA4(size)).toBe(true);
    const text = pdfPages(out);
    // Each chart's heading and its figures on the same page.
    const applicants = text.findIndex((t) => t.includes('申请来源'));
    expect(text[applicants]).toContain(busy.tables.requests.received!.natural!.toLocaleString('en-US'));
    const appeals = text.findIndex((t) => t.includes('复议诉讼'));
    expect(text[appeals]).toContain('结果维持');
    expect(text.join('\n')).toContain('数据来源');
  }, 300_000);
});
