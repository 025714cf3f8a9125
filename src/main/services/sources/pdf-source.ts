// A PDF with a text layer (what WPS and Word write with 另存为 PDF, what
// LibreOffice and Chromium print) as a document. pdfjs gives each page's text
// items; the page's own content gives its drawings. A table is found by its ruling lines — the
// cell borders every office table prints — so a cell is a region between
// rulings, a merged cell is one without the ruling inside, and the text items
// falling in it are its text, however they are aligned or broken over lines.
// Text outside tables becomes lines, then paragraphs; page numbers and running
// headers are dropped; a table running over pages is joined, its repeated
// header rows read once.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import { fail, ok, type Result } from '../../../shared/api/result';
import { APPEAL_SUIT_HEADING, REQUEST_APPLICANT_HEADING, TABLE_IDS, TABLES } from '../../../shared/template/gov2021';
import { buildGrid, type SourceGridCell } from '../tables';
import { isContinuationMark, isPageNumber, joinWrapped } from '../text/lines';
import { sectionHeading } from '../text/sections';
import { ReaderRefusal, type ReadBudget } from './budget';
import { cellRaw } from './cell-text';
import { PdfPages } from './pdf-content';
import { apply, linesOf, multiply, type Item, type Line, type Matrix, type Pdfjs } from './pdf-geometry';
import { PdfObjects } from './pdf-objects';
import { frames, joinTables, rulings, tableOf, type PdfTable, type Region, type Segment } from './pdf-tables';
import type { DocumentBlock, SourceDocument } from './document';

interface PageContent {
  items: Item[];
  horizontal: Segment[];
  vertical: Segment[];
  width: number;
}

/** Running text lines into paragraphs: a paragraph ends at a short line, an indented line or a heading. */
function paragraphs(lines: Line[]): string[] {
  const out: string[] = [];
  let prev: Line | undefined;
  for (const line of lines) {
    const left = line.left ?? line.x;
    const right = prev?.edge ?? line.edge ?? line.right;
    const indented = line.x > left + line.size * 1.2;
    const heading = sectionHeading(line.text) !== undefined || /^[（(][一二三四五六七八九十]+[)）]/.test(line.text);
    // Chinese line breaking may leave a character or two at a line's end; a paragraph's last line leaves more.
    const prevShort = prev && prev.right < right - prev.size * 2.5;
    const sizeChanged = prev && Math.abs(prev.size - line.size) > 1;
    const farBelow = prev && prev.y - line.y > prev.size * 2.2;
    const prevHeading = prev && sectionHeading(prev.text) !== undefined;
    if (!prev || indented || heading || prevShort || sizeChanged || farBelow || prevHeading) out.push(line.text);
    else out[out.length - 1] = joinWrapped(out[out.length - 1]!, line.text);
    prev = line;
  }
  return out;
}

// ---- pages → document ------------------------------------------------------

type Piece = { kind: 'lines'; lines: Line[] } | { kind: 'table'; table: PdfTable };

function pagePieces(page: PageContent, budget: ReadBudget): Piece[] {
  const regions = frames(page).filter((r) => r.x1 - r.x0 > 40 && r.y1 - r.y0 > 10);
  // A frame's cells lie between its rulings: no more of them than the rulings across times those down.
  for (const r of regions) budget.table()(r.horizontal.length * r.vertical.length);
  const inRegion = (it: Item, r: Region) => {
    const cx = it.x + it.width / 2;
    const cy = it.y + it.size * 0.3;
    return cx >= r.x0 - 1 && cx <= r.x1 + 1 && cy >= r.y0 - 1 && cy <= r.y1 + 1;
  };
  const free = page.items.filter((it) => !regions.some((r) => inRegion(it, r)));
  const tables = regions
    .map((r) =>
      tableOf(
        r,
        page.items.filter((it) => inRegion(it, r)),
      ),
    )
    .filter((t) => t.cells.length > 1);
  const pieces: (Piece & { top: number })[] = [
    ...linesOf(free).map((l) => ({ kind: 'lines' as const, lines: [l], top: l.y })),
    ...tables.map((t) => ({ kind: 'table' as const, table: t, top: t.top })),
  ];
  pieces.sort((a, b) => b.top - a.top);
  // Consecutive lines stay together; a table ends a run of lines.
  const merged: Piece[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (p.kind === 'lines' && last?.kind === 'lines') for (const line of p.lines) last.lines.push(line);
    else merged.push(p.kind === 'lines' ? { kind: 'lines', lines: [...p.lines] } : { kind: 'table', table: p.table });
  }
  return merged;
}

const furnitureKey = (text: string) => text.replace(/\d+/g, '#');

/** Lines standing first or last on most pages with the same words (a running header or footer). */
function runningLines(pages: Piece[][]): Set<string> {
  if (pages.length < 2) return new Set();
  const counts = new Map<string, number>();
  for (const pieces of pages) {
    const lines = pieces.flatMap((p) => (p.kind === 'lines' ? p.lines : []));
    const ends = new Set([lines[0], lines[lines.length - 1]].filter((l): l is Line => !!l).map((l) => furnitureKey(l.text)));
    for (const k of ends) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 2 && n >= pages.length / 2).map(([k]) => k));
}

function documentOf(pages: PageContent[], budget: ReadBudget): SourceDocument {
  const pieces = pages.map((page) => pagePieces(page, budget));
  const running = runningLines(pieces);
  // The text block's edges, for pages of one size together (a landscape table page has its own).
  const bySize = new Map<number, Line[]>();
  pieces.forEach((page, i) => {
    const width = Math.round(pages[i]!.width);
    bySize.set(width, [...(bySize.get(width) ?? []), ...page.flatMap((p) => (p.kind === 'lines' ? p.lines : []))]);
  });
  for (const lines of bySize.values()) {
    const left = mode(lines.map((l) => Math.round(l.x)));
    // Where most long lines end: a stray overlong line does not move it.
    const rights = lines.map((l) => l.right).sort((a, b) => a - b);
    const edge = rights[Math.floor(rights.length * 0.8)] ?? 0;
    for (const l of lines) Object.assign(l, { left, edge });
  }
  const keep = (l: Line) => !isPageNumber(l.text) && !isContinuationMark(l.text) && !running.has(furnitureKey(l.text));

  const flow: Piece[] = [];
  for (const page of pieces) {
    for (const p of page) {
      if (p.kind === 'lines') {
        const lines = p.lines.filter(keep);
        if (lines.length === 0) continue;
        const last = flow[flow.length - 1];
        if (last?.kind === 'lines') for (const line of lines) last.lines.push(line);
        else flow.push({ kind: 'lines', lines });
        continue;
      }
      const last = flow[flow.length - 1];
      const joined = last?.kind === 'table' ? joinTables(last.table, p.table) : undefined;
      if (joined) flow[flow.length - 1] = { kind: 'table', table: joined };
      else flow.push(p);
    }
  }
  let tables = 0;
  const blocks: DocumentBlock[] = flow.flatMap((p): DocumentBlock[] => {
    if (p.kind === 'lines') return paragraphs(p.lines).map((text) => ({ kind: 'text', text }));
    const cells: SourceGridCell[] = p.table.cells.map((c) => ({
      r: c.r,
      c: c.c,
      raw: cellRaw(c.text),
      rowSpan: c.rowSpan,
      colSpan: c.colSpan,
    }));
    return [{ kind: 'table', grid: buildGrid(`表格 ${++tables}`, cells) }];
  });
  return { blocks };
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] ?? 0;
  for (const [v, n] of counts) if (n > (counts.get(best) ?? 0) || (n === counts.get(best) && v < best)) best = v;
  return best;
}

// ---- reading ----------------------------------------------------------------

/**
 * Some fonts map common characters to their Kangxi-radical or compatibility
 * code points (⼀ U+2F00 for 一): shown alike, compared unlike. Those blocks
 * alone are folded to the ordinary ideographs; the rest of the text (full-width
 * punctuation above all) is kept as written.
 */
function unifyRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2fdf\uf900-\ufaff]/g, (ch) => SIMPLIFIED_RADICALS[ch] ?? ch.normalize('NFKC'));
}

/** CJK Radicals Supplement forms that stand for whole simplified characters (NFKC leaves them). */
const SIMPLIFIED_RADICALS: Readonly<Record<string, string>> = Object.fromEntries(
  [
    ...'⺎兀⺗心⺠民⺧牛⺫目⺮竹⺷羊⺼月⻄西⻅见⻆角⻈讠⻉贝⻋车⻓长⻔门⻗雨⻘青⻚页⻛风⻜飞⻝食⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟⺟母⻊足⻁虎⻨麦',
  ].flatMap((ch, i, all) => (i % 2 === 0 ? [[ch, all[i + 1]!]] : [])),
);

/**
 * Labels of the three tables' rows and columns and their headings (from the
 * template), any of which puts a table on the page: only such a page's
 * drawings are read for rulings. Short labels (其他, 总计) stand in running
 * text too, so only labels of four characters or more count.
 */
const TABLE_LABELS = [
  ...new Set(
    [
      ...TABLE_IDS.flatMap((id) => TABLES[id].rows.flatMap((row) => [row.label, ...TABLES[id].colsOf(row.key).map((c) => c.label)])),
      REQUEST_APPLICANT_HEADING,
      APPEAL_SUIT_HEADING,
    ].map((label) => label.replace(/（.*$/, '').replace(/\s+/g, '')),
  ),
].filter((label) => label.length >= 4);

function holdsTableLabels(items: readonly Item[]): boolean {
  const text = items
    .map((i) => i.text)
    .join('')
    .replace(/\s+/g, '');
  return TABLE_LABELS.some((label) => text.includes(label));
}

/** Text whose characters are mostly private-use or control codes: glyphs without their Unicode, not readable text. */
function unreadableText(pages: readonly PageContent[]): boolean {
  const chars = pages
    .flatMap((p) => p.items.map((i) => i.text))
    .join('')
    .replace(/\s+/g, '');
  const odd = [...chars].filter((ch) => ch.charCodeAt(0) < 0x20 || (ch >= '\ue000' && ch <= '\uf8ff') || ch === '\ufffd').length;
  return chars.length > 0 && odd > chars.length * 0.3;
}

/**
 * A folder of pdfjs-dist's data as pdfjs wants it in Node: a path with
 * forward slashes ending in "/" (on Windows too; fs reads it). In the
 * packaged app the folder lies inside app.asar, and electron-builder unpacks
 * it beside (electron-builder.yml, asarUnpack): the unpacked copy is read.
 */
export function pdfjsFolder(dir: string, separator = sep, exists: (path: string) => boolean = existsSync): string {
  const unpacked = dir.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked');
  const chosen = unpacked !== dir && exists(unpacked) ? unpacked : dir;
  return `${chosen.split(separator).join('/')}/`;
}

/**
 * pdfjs-dist's own CMaps (those a font that is not embedded names, such as
 * UniGB-UCS2-H for 宋体) and standard fonts, found where pdfjs-dist is
 * installed: from the CLI's bundle, the app's bundle and the tests alike.
 */
const pdfjsData = (folder: 'cmaps' | 'standard_fonts') =>
  pdfjsFolder(join(dirname(createRequire(__filename).resolve('pdfjs-dist/package.json')), folder));

/** How pdfjs reads a report: text only, never a picture, within pdfjs' own limits. */
function readOptions(data: Uint8Array) {
  return {
    data,
    cMapUrl: pdfjsData('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: pdfjsData('standard_fonts'),
    // Images are never decoded (none is larger than 0 pixels): their text is not the report's.
    maxImageSize: 0,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    useWasm: false,
    verbosity: 0,
    stopAtErrors: false,
  };
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<Pdfjs['getDocument']>['promise']>['getPage']>>;

/** A page's text items in page space, streamed from pdfjs and counted as they come: past the budget, pdfjs is told to stop. */
async function pageItems(page: PdfPage, toPage: Matrix, budget: ReadBudget): Promise<Item[]> {
  const reader = (page.streamTextContent({ disableNormalization: true }) as ReadableStream<TextContent>).getReader();
  const count = budget.pageText(page.pageNumber);
  const items: Item[] = [];
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      count(chunk.value.items.length);
      for (const it of chunk.value.items) {
        if (!('str' in it) || it.str === '') continue;
        const [a, b, , d, e, f] = it.transform as number[];
        const [x, y] = apply(toPage, e!, f!);
        items.push({ text: unifyRadicals(it.str), x, y, width: it.width, size: Math.hypot(a!, b!) || Math.abs(d!) || it.height });
      }
    }
  } catch (err) {
    // pdfjs stops the page's text task only when told why, with an Error.
    await reader.cancel(err instanceof Error ? err : new Error(String(err))).catch(() => undefined);
    throw err;
  }
  return items;
}

const broken = (name: string) => fail<never>('not_pdf', `「${name}」已损坏，无法作为 PDF 读取：请重新导出 PDF，或改用 Word 原文件`);

/**
 * A PDF's pages as a document. Before pdfjs reads a byte, the file's streams
 * are inflated under the budget (pdf-objects); before it reads a page, the
 * page's drawing operations are counted (pdf-content). pdfjs then gives the
 * text, streamed and counted; a page whose text holds a table's labels has
 * its paths read for the rulings. Whatever pdfjs finds wrong with the file
 * is said in one line, never passed on.
 */
export async function pdfDocument(bytes: Buffer, name: string, budget: ReadBudget): Promise<Result<SourceDocument>> {
  if (!bytes.subarray(0, 1024).includes('%PDF-')) return fail('not_pdf', `「${name}」不是 PDF 文件：请确认选择的文件，或改用 Word 原文件`);
  const objects = await PdfObjects.read(bytes, budget);
  const drawings = new PdfPages(objects, budget);
  const pdfjs: Pdfjs = await budget.notTimed(() => import('pdfjs-dist/legacy/build/pdf.mjs'));
  let doc;
  try {
    doc = await pdfjs.getDocument(readOptions(new Uint8Array(bytes))).promise;
  } catch (err) {
    if ((err as { name?: string }).name === 'PasswordException') {
      return fail('encrypted', `「${name}」设有打开密码（已加密），无法读取：请用原文件另存一份不加密的 PDF，或改用 Word 原文件`);
    }
    return broken(name);
  }
  try {
    budget.pages(doc.numPages);
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      if (page.ref) await drawings.count(n, page.ref);
      // Page space as the reader sees the page: the viewport (rotation, crop box), y growing upwards.
      const viewport = page.getViewport({ scale: 1 });
      const toPage = multiply(viewport.transform as Matrix, [1, 0, 0, -1, 0, viewport.height]);
      const items = await pageItems(page, toPage, budget);
      let ruled: Pick<PageContent, 'horizontal' | 'vertical'> = { horizontal: [], vertical: [] };
      if (page.ref && holdsTableLabels(items)) {
        const drawing = await drawings.drawing(page.ref, pdfjs.OPS);
        budget.tablePagePoints(n, drawing.points);
        ruled = rulings(pdfjs, drawing, toPage);
      }
      pages.push({ items, ...ruled, width: viewport.width });
      page.cleanup();
      budget.time();
    }
    if (pages.every((p) => p.items.every((i) => i.text.trim() === ''))) {
      return fail('scanned_pdf', `「${name}」无法读取，这是扫描件，没有文字层：请用 Word 原文件或网页`);
    }
    if (unreadableText(pages)) {
      return fail('no_text', `「${name}」的文字无法提取（字体没有带出文字编码）：请用 Word 原文件或网页，或在 WPS/Word 中重新另存为 PDF`);
    }
    return ok(documentOf(pages, budget));
  } catch (err) {
    if (err instanceof ReaderRefusal) throw err;
    // pdfjs' own objections to the file (a page tree pointing at itself, a missing page): the file is broken.
    return broken(name);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
