// Rendering exported documents the way a receiving office sees them, for the
// page tests: Word files through LibreOffice, and any PDF read back with
// poppler (pdftotext for the text of each page, pdftoppm for where ink lies).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { CELLS } from '../../src/shared/model/cells';
import { setCells, type Report } from '../../src/shared/model/report';
import { readReportJson } from '../../src/shared/model/report-json';
import { seedReport } from './documents-fixtures';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** The seed and the real reports of tests/fixtures, by name: every real-*.json that reads as a report (others are corpora). */
export function fixtureReports(): { name: string; report: Report }[] {
  const real = readdirSync(FIXTURES)
    .filter((f) => /^real-.*\.json$/.test(f))
    .flatMap((f) => {
      const read = readReportJson(JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')));
      return read.ok ? [{ name: f.replace(/\.json$/, ''), report: read.value }] : [];
    });
  return [{ name: 'seed', report: seedReport() }, ...real];
}

// Running text in Chinese characters and full-width punctuation only, so that a full line is exactly 28 characters.
const SENTENCES = [
  '我局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实政府信息公开条例，围绕中心工作扎实推进政务公开。',
  '一是及时更新政府信息公开指南和目录，规范发布政策文件，做好政策解读和回应关切。',
  '二是严格落实保密审查制度，对拟公开的信息逐条审核，确保公开内容准确、规范、及时。',
  '三是加强政府网站和政务新媒体建设，完善公开专栏，方便群众查阅和获取政府信息。',
];

function paragraphs(count: number, sentences: number, offset: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    Array.from({ length: sentences }, (_, j) => SENTENCES[(i + j + offset) % SENTENCES.length]).join(''),
  );
}

/** A large report: six-digit figures in every cell, many long paragraphs, a preamble, 落款 and 成文日期. */
export function largeReport(): Report {
  const seed = seedReport();
  const changes = CELLS.map((c, i) => [c.key, c.kind === 'amount' ? 123456.7891 : 100000 + ((i * 7919) % 899999)] as const);
  const overview = [
    '（一）主动公开',
    ...paragraphs(3, 3, 0),
    '（二）依申请公开',
    ...paragraphs(2, 2, 1),
    '（三）政府信息管理',
    ...paragraphs(2, 3, 2),
    '（四）政府信息公开平台建设',
    ...paragraphs(3, 2, 3),
    '（五）监督保障',
    ...paragraphs(2, 3, 0),
  ];
  return {
    ...setCells(seed, changes),
    agency: '某某省某某市某某区人民政府办公室',
    signature: '某某市某某区人民政府办公室',
    date: '2025-01-20',
    preamble: paragraphs(1, 2, 1)[0],
    narratives: { overview: overview.join('\n'), problems: paragraphs(4, 3, 2).join('\n'), other: paragraphs(3, 2, 3).join('\n') },
  };
}

/** A small report: one-digit figures, a sentence or two in each section. */
export function shortReport(): Report {
  const seed = seedReport();
  return {
    ...seed,
    agency: '某镇人民政府',
    narratives: { overview: `（一）主动公开\n${SENTENCES[0]}`, problems: SENTENCES[1]!, other: '本机关2023年未收取信息处理费。' },
  };
}

/** Converts Word files to PDF with LibreOffice in one run (a profile of its own); returns the PDFs' paths. */
export function libreOfficePdfs(docxPaths: readonly string[], dir: string): string[] {
  execFileSync(
    'libreoffice',
    [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...docxPaths],
    { stdio: 'ignore', timeout: 240_000 },
  );
  rmSync(join(dir, 'lo-profile'), { recursive: true, force: true });
  return docxPaths.map((p) =>
    join(
      dir,
      p
        .split('/')
        .pop()!
        .replace(/\.docx$/, '.pdf'),
    ),
  );
}

/** The text of each page, line by line as laid out (pdftotext -layout). */
export function pageLines(pdfPath: string): string[][] {
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages.at(-1)!.trim() === '') pages.pop();
  return pages.map((p) => p.split('\n').filter((l) => l.trim() !== ''));
}

export interface Word {
  text: string;
  /** In millimetres from the page's top-left corner. */
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

const PT_TO_MM = 25.4 / 72;

/** Every word of every page with its box (pdftotext -bbox, read with an XML parser). */
export function pageWords(pdfPath: string): Word[][] {
  const xhtml = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8' });
  const doc = parseDocument(xhtml, { xmlMode: true });
  const { findAll, getAttributeValue, textContent } = DomUtils;
  return findAll((e) => e.name === 'page', doc.children).map((page) =>
    findAll((e) => e.name === 'word', page.children).map((w) => ({
      text: textContent(w),
      xMin: Number(getAttributeValue(w, 'xMin')) * PT_TO_MM,
      xMax: Number(getAttributeValue(w, 'xMax')) * PT_TO_MM,
      yMin: Number(getAttributeValue(w, 'yMin')) * PT_TO_MM,
      yMax: Number(getAttributeValue(w, 'yMax')) * PT_TO_MM,
    })),
  );
}

/**
 * Where a horizontal or vertical stroke longer than `minMm` lies within a region
 * of one page (in mm from the page's top-left), found in the page's pixels: a
 * page number's 一字线, whatever font drew it.
 */
export function strokes(
  pdfPath: string,
  page: number,
  region: { x: number; y: number; w: number; h: number },
  direction: 'horizontal' | 'vertical',
  minMm = 2.5,
): number[] {
  const dpmm = 10; // 254 dpi
  const out = execFileSync('pdftoppm', [
    '-f',
    String(page),
    '-l',
    String(page),
    '-r',
    '254',
    '-gray',
    '-x',
    String(region.x * dpmm),
    '-y',
    String(region.y * dpmm),
    '-W',
    String(region.w * dpmm),
    '-H',
    String(region.h * dpmm),
    pdfPath,
  ]);
  // A binary PGM: "P5\n<w> <h>\n255\n" and one byte a pixel.
  let pos = 0;
  const field = () => {
    while (out[pos] === 0x20 || out[pos] === 0x0a) pos++;
    const start = pos;
    while (out[pos] !== 0x20 && out[pos] !== 0x0a) pos++;
    return out.subarray(start, pos).toString('ascii');
  };
  if (field() !== 'P5') throw new Error('pdftoppm did not write a PGM');
  const [w, h] = [Number(field()), Number(field())];
  field();
  const pixels = out.subarray(pos + 1);
  const dark = (x: number, y: number) => pixels[y * w + x]! < 128;
  const found: number[] = [];
  const [outer, inner] = direction === 'horizontal' ? [h, w] : [w, h];
  for (let a = 0; a < outer; a++) {
    let run = 0;
    let best = 0;
    for (let b = 0; b < inner; b++) {
      const isDark = direction === 'horizontal' ? dark(b, a) : dark(a, b);
      run = isDark ? run + 1 : 0;
      best = Math.max(best, run);
    }
    if (best >= minMm * dpmm) found.push((direction === 'horizontal' ? region.y : region.x) + a / dpmm);
  }
  return found;
}

/** The middle of the strokes found (they come as a band of pixel rows or columns). */
export function middle(values: readonly number[]): number {
  return (Math.min(...values) + Math.max(...values)) / 2;
}

/** Width of a line of text in characters: CJK one, the rest half. */
export function lineChars(line: string): number {
  let n = 0;
  for (const ch of line.replace(/\s+/g, '')) n += ch.charCodeAt(0) > 0x2e7f ? 1 : 0.5;
  return n;
}
