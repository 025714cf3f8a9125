// Tables of a PDF page from its ruling lines: the segments the page draws
// (stroked lines from WPS/Word/LibreOffice, filled slivers from Chromium),
// merged where drawn cell by cell, grouped into frames; each frame's cells are
// the regions between rulings, a merge where a ruling is missing, and a table
// continued on the next page is joined on the union of its columns.
import { apply, linesOf, multiply, type Item, type Matrix, type Pdfjs } from './pdf-geometry';
import { maxOf, minOf } from '../../../shared/math';

export interface Segment {
  /** Horizontal: y fixed, from a to b in x; vertical: x fixed, from a to b in y. */
  at: number;
  a: number;
  b: number;
}

/** Points within which two rulings are one (a double border, a rounding). */
const EPS = 2;

/** Straight segments and rectangles a page draws, in page space. */
export function rulings(
  pdfjs: Pdfjs,
  ops: { fnArray: number[]; argsArray: unknown[] },
  toPage: Matrix,
): { horizontal: Segment[]; vertical: Segment[] } {
  const { OPS } = pdfjs;
  const STROKES = new Set<number>([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const FILLS = new Set<number>([OPS.fill, OPS.eoFill]);
  const horizontal: Segment[] = [];
  const vertical: Segment[] = [];
  let ctm: Matrix = toPage;
  const stack: Matrix[] = [];
  const line = (x0: number, y0: number, x1: number, y1: number) => {
    if (Math.abs(y0 - y1) < 1 && Math.abs(x0 - x1) > EPS) horizontal.push({ at: (y0 + y1) / 2, a: Math.min(x0, x1), b: Math.max(x0, x1) });
    else if (Math.abs(x0 - x1) < 1 && Math.abs(y0 - y1) > EPS)
      vertical.push({ at: (x0 + x1) / 2, a: Math.min(y0, y1), b: Math.max(y0, y1) });
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
      const data = (args[1] as ArrayLike<number>[])[0] ?? [];
      const paths: [number, number][][] = [];
      let current: [number, number][] = [];
      for (let k = 0; k < data.length;) {
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
        const [x0, x1, y0, y1] = [minOf(xs), maxOf(xs), minOf(ys), maxOf(ys)];
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

export interface Region {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  horizontal: Segment[];
  vertical: Segment[];
}

/** Collinear pieces that touch (a border drawn cell by cell) as one segment. */
function mergeSegments(segments: readonly Segment[]): Segment[] {
  const byAt = [...segments].sort((p, q) => p.at - q.at);
  const out: Segment[] = [];
  // Pieces of one line (within a point of each other), then merged along it where they touch.
  for (let i = 0; i < byAt.length;) {
    let j = i + 1;
    while (j < byAt.length && byAt[j]!.at - byAt[j - 1]!.at <= 1) j++;
    const line = byAt.slice(i, j).sort((p, q) => p.a - q.a);
    const at =
      line.reduce((sum, x) => sum + x.at * (x.b - x.a), 0) /
      Math.max(
        1e-9,
        line.reduce((sum, x) => sum + (x.b - x.a), 0),
      );
    let current: Segment | undefined;
    for (const x of line) {
      if (current && x.a <= current.b + EPS) current.b = Math.max(current.b, x.b);
      else out.push((current = { at, a: x.a, b: x.b }));
    }
    i = j;
  }
  return out;
}

/**
 * Borders a program draws cell by cell need not line up from one row to the
 * next (WPS draws a header row's and a number row's side borders a few points
 * apart). Rulings of one direction a few points apart that never stand side
 * by side in the same row are one border, at their length-weighted position.
 */
function alignRulings(segments: readonly Segment[]): Segment[] {
  const sorted = [...segments].sort((p, q) => p.at - q.at);
  const groups: Segment[][] = [];
  for (const s of sorted) {
    const group = groups.find(
      (g) =>
        Math.abs(g[g.length - 1]!.at - s.at) <= ALIGN &&
        g.every((x) => Math.abs(x.at - s.at) <= ALIGN && (x.b <= s.a + EPS || s.b <= x.a + EPS || Math.abs(x.at - s.at) <= EPS)),
    );
    if (group) group.push(s);
    else groups.push([s]);
  }
  return groups.flatMap((g) => {
    const length = g.reduce((sum, x) => sum + (x.b - x.a), 0);
    const at = g.reduce((sum, x) => sum + x.at * (x.b - x.a), 0) / Math.max(1e-9, length);
    return g.map((x) => ({ ...x, at }));
  });
}
/** Points within which rulings of different rows are taken for one border. */
const ALIGN = 6;

/** Groups of rulings that touch one another: each is a table's frame. */
export function frames(pieces: { horizontal: Segment[]; vertical: Segment[] }): Region[] {
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
      x0: minOf(hs.map((s) => s.a)),
      x1: maxOf(hs.map((s) => s.b)),
      y0: minOf(vs.map((s) => s.a)),
      y1: maxOf(vs.map((s) => s.b)),
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
export interface PdfTable {
  top: number;
  /** Column boundaries, left to right (to join a table continued on the next page). */
  xs: number[];
  cells: { r: number; c: number; rowSpan: number; colSpan: number; text: string }[];
}

export function tableOf(frame: Region, items: Item[]): PdfTable {
  const region = {
    ...frame,
    vertical: mergeSegments(alignRulings(frame.vertical)),
    horizontal: mergeSegments(alignRulings(frame.horizontal)),
  };
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
      while (
        c1 + 1 < cols &&
        !covers(region.vertical, xs[c1 + 1]!, ys[r + 1]! + 1, ys[r]! - 1) &&
        !covers(region.vertical, xs[c1 + 1]!, midY - 1, midY + 1)
      )
        c1++;
      let r1 = r;
      const down = (row: number) => {
        for (let k = c; k <= c1; k++)
          if (covers(region.horizontal, ys[row + 1]!, (xs[k]! + xs[k + 1]!) / 2 - 1, (xs[k]! + xs[k + 1]!) / 2 + 1)) return false;
        return true;
      };
      while (r1 + 1 < rows && down(r1)) r1++;
      const index = boxes.push({ r0: r, c0: c, r1, c1 }) - 1;
      for (let rr = r; rr <= r1; rr++) for (let cc = c; cc <= c1; cc++) if (owner[rr]![cc]! < 0) owner[rr]![cc] = index;
    }
  }
  const texts: Item[][] = boxes.map(() => []);
  const columnOf = new Map<Item, number>();
  for (const it of splitAcrossColumns(items, xs)) {
    const cx = it.x + it.width / 2;
    const cy = it.y + it.size * 0.3;
    const c = xs.findIndex((x, k) => k < cols && cx >= x && cx < xs[k + 1]!);
    const r = ys.findIndex((y, k) => k < rows && cy <= y && cy > ys[k + 1]!);
    if (r >= 0 && c >= 0) {
      texts[owner[r]![c]!]!.push(it);
      columnOf.set(it, c);
    }
  }
  const cells: PdfTable['cells'] = [];
  boxes.forEach((b, i) => {
    for (const piece of piecesOf(b, texts[i]!, owner, columnOf))
      cells.push({
        r: b.r0 + 1,
        c: piece.c0 + 1,
        rowSpan: b.r1 - b.r0 + 1,
        colSpan: piece.c1 - piece.c0 + 1,
        text: linesOf(piece.items)
          .map((l) => l.text)
          .join('\n'),
      });
  });
  return { top: ys[0]!, xs, cells };
}

/** A figure as a table cell holds it: digits, separators, a placeholder. */
const FIGURE = /^[\d,.，．\-—－/／无]+$/;

/**
 * A box of figures wider than the cells right above it has lost a border:
 * the row above divides it. The text's position is the second witness: each
 * figure goes to the part of the box it stands in, as the header above it
 * says (a border the page did not draw does not move a number into its
 * neighbour's column). A box of words, or one under an undivided header, stays whole.
 */
function piecesOf(
  b: { r0: number; c0: number; r1: number; c1: number },
  items: Item[],
  owner: readonly (readonly number[])[],
  columnOf: ReadonlyMap<Item, number>,
): { c0: number; c1: number; items: Item[] }[] {
  const whole = [{ c0: b.c0, c1: b.c1, items }];
  if (b.c0 === b.c1 || b.r0 === 0 || items.length === 0 || !items.every((it) => FIGURE.test(it.text.trim()))) return whole;
  const above = owner[b.r0 - 1]!;
  const cuts = [b.c0];
  for (let k = b.c0 + 1; k <= b.c1; k++) if (above[k] !== above[k - 1]) cuts.push(k);
  if (cuts.length === 1) return whole;
  return cuts.map((c0, i) => {
    const c1 = (cuts[i + 1] ?? b.c1 + 1) - 1;
    return { c0, c1, items: items.filter((it) => columnOf.get(it)! >= c0 && columnOf.get(it)! <= c1) };
  });
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
export function joinTables(first: PdfTable, next: PdfTable): PdfTable | undefined {
  const near = (a: number, b: number) => Math.abs(a - b) <= EPS * 2;
  if (!near(first.xs[0]!, next.xs[0]!) || !near(first.xs.at(-1)!, next.xs.at(-1)!)) return undefined;
  const xs = clusterValues([...first.xs, ...next.xs], EPS * 2);
  const head = onColumns(first, xs);
  const moved = onColumns(next, xs);
  const rows = maxOf(head.map((c) => c.r + c.rowSpan - 1));
  const rowText = (cells: PdfTable['cells'], r: number) =>
    cells
      .filter((c) => c.r === r)
      .map((c) => `${c.c}:${c.colSpan}:${c.text}`)
      .join('|');
  let repeated = 0;
  while (
    repeated < 4 &&
    rowText(moved, repeated + 1).replace(/\d+:\d+:\|?/g, '') !== '' &&
    rowText(moved, repeated + 1) === rowText(head, repeated + 1)
  )
    repeated++;
  const kept = moved.filter((c) => c.r > repeated).map((c) => ({ ...c, r: c.r - repeated + rows }));
  return { top: first.top, xs, cells: [...head, ...kept] };
}
