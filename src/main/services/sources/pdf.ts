// A PDF with a text layer (what WPS and Word write with 另存为 PDF, what
// LibreOffice and Chromium print) as a document. pdfjs gives each page's text
// items and drawing operations. A table is found by its ruling lines — the
// cell borders every office table prints — so a cell is a region between
// rulings, a merged cell is one without the ruling inside, and the text items
// falling in it are its text, however they are aligned or broken over lines.
// Text outside tables becomes lines, then paragraphs; page numbers and running
// headers are dropped; a table running over pages is joined, its repeated
// header rows read once.
import { fail, ok, type Result } from '../../../shared/api/result';
import { APPEAL_COLS, APPEAL_SUIT_HEADING, PROACTIVE_BLOCKS, REQUEST_APPLICANT_HEADING, REQUEST_COLS } from '../../../shared/template/gov2021';
import { buildGrid, type SourceGridCell } from '../tables';
import { isContinuationMark, isPageNumber, joinWrapped, tidySpaces } from '../text/lines';
import { sectionHeading } from '../text/sections';
import { cellRaw } from './cells';
import type { DocumentBlock, SourceDocument } from './document';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

interface Item {
  text: string;
  x: number;
  /** Baseline, page space (y grows upwards). */
  y: number;
  width: number;
  size: number;
}

interface Segment {
  /** Horizontal: y fixed, from a to b in x; vertical: x fixed, from a to b in y. */
  at: number;
  a: number;
  b: number;
}

interface PageContent {
  items: Item[];
  horizontal: Segment[];
  vertical: Segment[];
  width: number;
}

const EPS = 2;

// ---- drawing operations → rulings ----------------------------------------

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Straight segments and rectangles a page draws, in page space. */
function rulings(pdfjs: Pdfjs, ops: { fnArray: number[]; argsArray: unknown[] }, toPage: Matrix): { horizontal: Segment[]; vertical: Segment[] } {
  const { OPS } = pdfjs;
  const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const FILLS = new Set<number>([OPS.fill, OPS.eoFill]);
  const horizontal: Segment[] = [];
  const vertical: Segment[] = [];
  let ctm: Matrix = toPage;
  const stack: Matrix[] = [];
  const line = (x0: number, y0: number, x1: number, y1: number) => {
    if (Math.abs(y0 - y1) < 1 && Math.abs(x0 - x1) > EPS) horizontal.push({ at: (y0 + y1) / 2, a: Math.min(x0, x1), b: Math.max(x0, x1) });
    else if (Math.abs(x0 - x1) < 1 && Math.abs(y0 - y1) > EPS) vertical.push({ at: (x0 + x1) / 2, a: Math.min(y0, y1), b: Math.max(y0, y1) });
  };
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(args as Matrix, ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      // A form's drawing is in its own space: its matrix, on top of the current one, until it ends.
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = multiply(Array.from(args[0] as ArrayLike<number>) as Matrix, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      const stroke = STROKES.has(paint);
      if (!stroke && !FILLS.has(paint)) return;
      const data = ((args[1] as ArrayLike<number>[])[0] ?? []) as ArrayLike<number>;
      const paths: [number, number][][] = [];
      let current: [number, number][] = [];
      for (let k = 0; k < data.length; ) {
        const op = data[k]!;
        if (op === 0) {
          if (current.length) paths.push(current);
          current = [apply(ctm, data[k + 1]!, data[k + 2]!)];
          k += 3;
        } else if (op === 1) {
          current.push(apply(ctm, data[k + 1]!, data[k + 2]!));
          k += 3;
        } else if (op === 2) {
          current.push(apply(ctm, data[k + 5]!, data[k + 6]!));
          k += 7;
        } else if (op === 3) {
          current.push(apply(ctm, data[k + 3]!, data[k + 4]!));
          k += 5;
        } else {
          if (current.length) current.push(current[0]!);
          k += 1;
        }
      }
      if (current.length) paths.push(current);
      for (const p of paths) {
        const xs = p.map((q) => q[0]);
        const ys = p.map((q) => q[1]);
        const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        if (!stroke) {
          // A filled sliver is a border (Chromium draws borders so); a filled box is a background.
          if (y1 - y0 < 3 && x1 - x0 > EPS) line(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
          else if (x1 - x0 < 3 && y1 - y0 > EPS) line((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
          continue;
        }
        for (let k = 1; k < p.length; k++) line(p[k - 1]![0], p[k - 1]![1], p[k]![0], p[k]![1]);
      }
    }
  });
  return { horizontal, vertical };
}

// ---- tables from rulings --------------------------------------------------

/** Values within `tolerance` of each other as one, sorted. */
function clusterValues(values: number[], tolerance = EPS): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= tolerance) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

const covers = (segments: readonly Segment[], at: number, from: number, to: number) =>
  segments.some((s) => Math.abs(s.at - at) <= EPS && s.a <= from + EPS && s.b >= to - EPS);

interface Region {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  horizontal: Segment[];
  vertical: Segment[];
}

/** Collinear pieces that touch (a border drawn cell by cell) as one segment. */
function mergeSegments(segments: readonly Segment[]): Segment[] {
  const sorted = [...segments].sort((p, q) => p.at - q.at || p.a - q.a);
  const out: Segment[] = [];
  for (const s of sorted) {
    const last = out.findLast((o) => Math.abs(o.at - s.at) <= 1);
    if (last && s.a <= last.b + EPS) last.b = Math.max(last.b, s.b);
    else out.push({ ...s });
  }
  return out;
}

/** Groups of rulings that touch one another: each is a table's frame. */
function frames(pieces: { horizontal: Segment[]; vertical: Segment[] }): Region[] {
  const horizontal = mergeSegments(pieces.horizontal);
  const vertical = mergeSegments(pieces.vertical);
  const all = [...horizontal.map((s) => ({ s, h: true })), ...vertical.map((s) => ({ s, h: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const [p, q] = [all[i]!, all[j]!];
      if (p.h === q.h) continue;
      const [h, v] = p.h ? [p.s, q.s] : [q.s, p.s];
      if (v.at >= h.a - EPS && v.at <= h.b + EPS && h.at >= v.a - EPS && h.at <= v.b + EPS) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, { s: Segment; h: boolean }[]>();
  all.forEach((x, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), x]));
  const regions: Region[] = [];
  for (const g of groups.values()) {
    const hs = g.filter((x) => x.h).map((x) => x.s);
    const vs = g.filter((x) => !x.h).map((x) => x.s);
    if (hs.length < 2 || vs.length < 2) continue;
    regions.push({
      x0: Math.min(...hs.map((s) => s.a)),
      x1: Math.max(...hs.map((s) => s.b)),
      y0: Math.min(...vs.map((s) => s.a)),
      y1: Math.max(...vs.map((s) => s.b)),
      horizontal: hs,
      vertical: vs,
    });
  }
  return regions;
}

/**
 * pdfjs joins glyphs drawn in one run into one item, spaces between: a row of
 * values may come as one item "186 187 188" across three cells. Such an item
 * is cut at its spaces; where the pieces match the columns it crosses one for
 * one, each goes to its column, otherwise each goes where its characters fall.
 */
function splitAcrossColumns(items: readonly Item[], xs: readonly number[]): Item[] {
  return items.flatMap((it) => {
    const tokens = it.text.trim().split(/\s+/);
    const crossed = xs.filter((x) => x > it.x + 1 && x < it.x + it.width - 1).length;
    if (crossed === 0 || tokens.length < 2) return [it];
    const first = xs.findIndex((x, k) => it.x >= x - 1 && it.x < (xs[k + 1] ?? Infinity));
    if (tokens.length === crossed + 1 && first >= 0) {
      return tokens.map((text, k) => {
        const mid = (xs[first + k]! + xs[first + k + 1]!) / 2;
        return { ...it, text, x: mid - 0.5, width: 1 };
      });
    }
    const perChar = it.width / it.text.length;
    const out: Item[] = [];
    for (const m of it.text.matchAll(/\S+/g)) out.push({ ...it, text: m[0], x: it.x + m.index * perChar, width: m[0].length * perChar });
    return out;
  });
}

/** A table's cells: regions between rulings, merged where a ruling is missing, with the text inside each. */
interface PdfTable {
  top: number;
  /** Column boundaries, left to right (to join a table continued on the next page). */
  xs: number[];
  cells: { r: number; c: number; rowSpan: number; colSpan: number; text: string }[];
}

function tableOf(region: Region, items: Item[]): PdfTable {
  const xs = clusterValues(region.vertical.map((s) => s.at));
  const ys = clusterValues(region.horizontal.map((s) => s.at)).reverse();
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const owner: number[][] = Array.from({ length: rows }, () => Array<number>(cols).fill(-1));
  const boxes: { r0: number; c0: number; r1: number; c1: number }[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (owner[r]![c]! >= 0) continue;
      const midY = (ys[r]! + ys[r + 1]!) / 2;
      let c1 = c;
      while (c1 + 1 < cols && !covers(region.vertical, xs[c1 + 1]!, ys[r + 1]! + 1, ys[r]! - 1) && !covers(region.vertical, xs[c1 + 1]!, midY - 1, midY + 1)) c1++;
      let r1 = r;
      const down = (row: number) => {
        for (let k = c; k <= c1; k++) if (covers(region.horizontal, ys[row + 1]!, (xs[k]! + xs[k + 1]!) / 2 - 1, (xs[k]! + xs[k + 1]!) / 2 + 1)) return false;
        return true;
      };
      while (r1 + 1 < rows && down(r1)) r1++;
      const index = boxes.push({ r0: r, c0: c, r1, c1 }) - 1;
      for (let rr = r; rr <= r1; rr++) for (let cc = c; cc <= c1; cc++) if (owner[rr]![cc]! < 0) owner[rr]![cc] = index;
    }
  }
  const texts: Item[][] = boxes.map(() => []);
  for (const it of splitAcrossColumns(items, xs)) {
    const cx = it.x + it.width / 2;
    const cy = it.y + it.size * 0.3;
    const c = xs.findIndex((x, k) => k < cols && cx >= x && cx < xs[k + 1]!);
    const r = ys.findIndex((y, k) => k < rows && cy <= y && cy > ys[k + 1]!);
    if (r >= 0 && c >= 0) texts[owner[r]![c]!]!.push(it);
  }
  return {
    top: ys[0]!,
    xs,
    cells: boxes.map((b, i) => ({ r: b.r0 + 1, c: b.c0 + 1, rowSpan: b.r1 - b.r0 + 1, colSpan: b.c1 - b.c0 + 1, text: linesOf(texts[i]!).map((l) => l.text).join('\n') })),
  };
}

// ---- lines ----------------------------------------------------------------

interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  /** The text block's edges on the line's page (a landscape page has others). */
  left?: number;
  edge?: number;
}

const LATIN = /[A-Za-z0-9]/;

/** Items on one baseline joined in reading order; a space only where two Latin words stand apart. */
function linesOf(items: Item[]): Line[] {
  const sorted = items.filter((i) => i.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const it of sorted) {
    const line = lines.find((l) => Math.abs(l[0]!.y - it.y) <= Math.max(1.5, 0.35 * Math.min(l[0]!.size, it.size)));
    if (line) line.push(it);
    else lines.push([it]);
  }
  return lines
    .map((l) => {
      l.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const it of l) {
        const gap = it.x - end;
        if (text && gap > 0.25 * it.size && LATIN.test(text.at(-1)!) && LATIN.test(it.text.trimStart()[0] ?? '')) text += ' ';
        text += it.text;
        end = it.x + it.width;
      }
      return { text: tidySpaces(text), x: l[0]!.x, right: end, y: l[0]!.y, size: Math.max(...l.map((i) => i.size)) };
    })
    .filter((l) => l.text !== '')
    .sort((a, b) => b.y - a.y);
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

function pagePieces(page: PageContent): Piece[] {
  const regions = frames(page).filter((r) => r.x1 - r.x0 > 40 && r.y1 - r.y0 > 10);
  const inRegion = (it: Item, r: Region) => {
    const cx = it.x + it.width / 2;
    const cy = it.y + it.size * 0.3;
    return cx >= r.x0 - 1 && cx <= r.x1 + 1 && cy >= r.y0 - 1 && cy <= r.y1 + 1;
  };
  const free = page.items.filter((it) => !regions.some((r) => inRegion(it, r)));
  const tables = regions.map((r) => tableOf(r, page.items.filter((it) => inRegion(it, r)))).filter((t) => t.cells.length > 1);
  const pieces: (Piece & { top: number })[] = [
    ...linesOf(free).map((l) => ({ kind: 'lines' as const, lines: [l], top: l.y })),
    ...tables.map((t) => ({ kind: 'table' as const, table: t, top: t.top })),
  ];
  pieces.sort((a, b) => b.top - a.top);
  // Consecutive lines stay together; a table ends a run of lines.
  const merged: Piece[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (p.kind === 'lines' && last?.kind === 'lines') last.lines.push(...p.lines);
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

/** Where a boundary stands among others (within a couple of points), or -1. */
const indexOf = (xs: readonly number[], x: number) => xs.findIndex((b) => Math.abs(b - x) <= EPS * 2);

/** A table's cells moved onto a finer set of column boundaries. */
function onColumns(table: PdfTable, xs: readonly number[]): PdfTable['cells'] {
  return table.cells.map((c) => {
    const from = indexOf(xs, table.xs[c.c - 1]!);
    const to = indexOf(xs, table.xs[c.c - 1 + c.colSpan]!);
    return { ...c, c: from + 1, colSpan: to - from };
  });
}

/**
 * Joins a table continued on the next page. Its outer edges line up with the
 * first part's; the columns of both are laid on the union of their
 * boundaries (a part may lack a column rule the other has); header rows the
 * continuation repeats are read once.
 */
function joinTables(first: PdfTable, next: PdfTable): PdfTable | undefined {
  const near = (a: number, b: number) => Math.abs(a - b) <= EPS * 2;
  if (!near(first.xs[0]!, next.xs[0]!) || !near(first.xs.at(-1)!, next.xs.at(-1)!)) return undefined;
  const xs = clusterValues([...first.xs, ...next.xs], EPS * 2);
  const head = onColumns(first, xs);
  const moved = onColumns(next, xs);
  const rows = Math.max(...head.map((c) => c.r + c.rowSpan - 1));
  const rowText = (cells: PdfTable['cells'], r: number) =>
    cells
      .filter((c) => c.r === r)
      .map((c) => `${c.c}:${c.colSpan}:${c.text}`)
      .join('|');
  let repeated = 0;
  while (repeated < 4 && rowText(moved, repeated + 1).replace(/\d+:\d+:\|?/g, '') !== '' && rowText(moved, repeated + 1) === rowText(head, repeated + 1)) repeated++;
  const kept = moved.filter((c) => c.r > repeated).map((c) => ({ ...c, r: c.r - repeated + rows }));
  return { top: first.top, xs, cells: [...head, ...kept] };
}

function documentOf(pages: PageContent[]): SourceDocument {
  const pieces = pages.map(pagePieces);
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
        if (last?.kind === 'lines') last.lines.push(...lines);
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
    const cells: SourceGridCell[] = p.table.cells.map((c) => ({ r: c.r, c: c.c, raw: cellRaw(c.text), rowSpan: c.rowSpan, colSpan: c.colSpan }));
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
  [...'⺎兀⺗心⺠民⺧牛⺫目⺮竹⺷羊⺼月⻄西⻅见⻆角⻈讠⻉贝⻋车⻓长⻔门⻗雨⻘青⻚页⻛风⻜飞⻝食⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟⺟母⻊足⻁虎⻨麦'].flatMap((ch, i, all) =>
    i % 2 === 0 ? [[ch, all[i + 1]!]] : [],
  ),
);

/** Header words of the three tables (from the template), any of which puts a table on the page. */
const TABLE_WORDS = [...new Set([...PROACTIVE_BLOCKS.flatMap((b) => b.cols.map((c) => c.label)), ...REQUEST_COLS.map((c) => c.label), ...APPEAL_COLS.map((c) => c.label), REQUEST_APPLICANT_HEADING, APPEAL_SUIT_HEADING])]
  .map((w) => w.replace(/（.*$/, ''))
  .filter((w) => w.length >= 3);

/** A page with table words or a column of figures; a page of running text is not searched for rulings. */
function mayHoldTable(items: readonly Item[]): boolean {
  const text = items.map((i) => i.text).join('').replace(/\s+/g, '');
  if (TABLE_WORDS.some((w) => text.includes(w))) return true;
  return items.filter((i) => /^\s*[\d.,]+\s*$/.test(i.text)).length >= 4;
}

/** Text whose characters are mostly private-use or control codes: glyphs without their Unicode, not readable text. */
function unreadableText(pages: readonly PageContent[]): boolean {
  const chars = pages.flatMap((p) => p.items.map((i) => i.text)).join('').replace(/\s+/g, '');
  const odd = [...chars].filter((ch) => ch.charCodeAt(0) < 0x20 || (ch >= '\ue000' && ch <= '\uf8ff') || ch === '\ufffd').length;
  return chars.length > 0 && odd > chars.length * 0.3;
}

/** Pages beyond this are not read: an annual report is a handful. */
const MAX_PAGES = 200;

export async function pdfDocument(bytes: Buffer, name: string): Promise<Result<SourceDocument>> {
  if (!bytes.subarray(0, 1024).includes('%PDF-')) return fail('not_pdf', `「${name}」不是 PDF 文件：请确认选择的文件，或改用 Word 原文件`);
  const pdfjs: Pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise;
  } catch (err) {
    if ((err as { name?: string }).name === 'PasswordException') {
      return fail('encrypted', `「${name}」设有打开密码（已加密），无法读取：请用原文件另存一份不加密的 PDF，或改用 Word 原文件`);
    }
    return fail('not_pdf', `「${name}」已损坏，无法作为 PDF 读取：请重新导出 PDF，或改用 Word 原文件`);
  }
  try {
    if (doc.numPages > MAX_PAGES) return fail('too_large', `「${name}」有 ${doc.numPages} 页，不像一份年报（上限 ${MAX_PAGES} 页）：请只导出年报本身`);
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      // Page space as the reader sees the page: the viewport (rotation, crop box), y growing upwards.
      const viewport = page.getViewport({ scale: 1 });
      const toPage = multiply(viewport.transform as Matrix, [1, 0, 0, -1, 0, viewport.height]);
      const content = await page.getTextContent({ disableNormalization: true });
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        const [a, b, , d, e, f] = it.transform as number[];
        const [x, y] = apply(toPage, e!, f!);
        items.push({ text: unifyRadicals(it.str), x, y, width: it.width, size: Math.hypot(a!, b!) || Math.abs(d!) || it.height });
      }
      // Drawing operations cost more than the text: they are read only on a page that may hold a table.
      const ruled = mayHoldTable(items)
        ? rulings(pdfjs, await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE }), toPage)
        : { horizontal: [], vertical: [] };
      pages.push({ items, ...ruled, width: viewport.width });
      page.cleanup();
    }
    if (pages.every((p) => p.items.every((i) => i.text.trim() === ''))) {
      return fail('scanned_pdf', `「${name}」无法读取，这是扫描件，没有文字层：请用 Word 原文件或网页`);
    }
    if (unreadableText(pages)) {
      return fail('no_text', `「${name}」的文字无法提取（字体没有带出文字编码）：请用 Word 原文件或网页，或在 WPS/Word 中重新另存为 PDF`);
    }
    return ok(documentOf(pages));
  } finally {
    await doc.destroy();
  }
}
