// One worksheet read as a SAX stream into a grid for the table finder. While
// the sheet streams by, its cells are kept as the file writes them (cheap
// records, counted against the cell limit) and its strings are checked for the
// report's labels; only a sheet that holds one becomes a grid. In the grid a
// formula's cached result is its value, merges are resolved as the sheet
// declares them, and a cell in a hidden row or column, or whose number format
// shows nothing of it (;;;), says so.
import type { CellReading } from '../../../shared/api/import';
import { coveredCell, reportText, gridCell, gridFrom, gridKey, type Grid, type GridCell, type ReportText } from '../tables';
import { isXmlTrue, type Attributes, type XmlHandler } from '../zip';
import { shiftFormula, type FormulaCell } from './formulas';
import { serialDate, type Shown } from './number-format';

/** What every sheet of a workbook shares: its strings, its styles, its date system. */
export interface WorkbookContext {
  strings: readonly string[];
  /** Per shared string: how it belongs to the report (a title, a label, not at all). */
  stringKinds: readonly ReportText[];
  /** Per style index (a cell's `s`): how its number format shows a value. */
  styles: readonly Shown[];
  date1904: boolean;
}

/** Thrown while a sheet streams by: it holds more cells than any report's sheet does. */
export class TooManyCells extends Error {
  constructor(readonly sheet: string) {
    super(sheet);
  }
}

/** A cell as the file writes it: nothing converted until the sheet is known to matter. */
interface RawCell {
  r: number;
  c: number;
  /** The `t` attribute: s, str, inlineStr, b, e, d, n (or none: a number). */
  t: string | undefined;
  s: number;
  /** The `<v>` text: a number, a shared string's index, a cached result. */
  v: string | undefined;
  /** The formula's text ('' for a cell that shares another's). */
  f: string | undefined;
  /** `si` of a shared formula. */
  shared: string | undefined;
  /** The text of an inline string (`<is>`). */
  inline: string | undefined;
}

export interface SheetGrid {
  grid: Grid;
  /** Formulas without a cached result, with the grid cell each stands in. */
  pending: { formula: FormulaCell; cell: GridCell }[];
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
/** `B12` → [12, 2]; undefined for anything else. */
function parseRef(ref: string): [number, number] | undefined {
  let i = 0;
  let col = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i) & ~0x20; // upper case
    if (ch < 65 || ch > 90) break;
    col = col * 26 + ch - 64;
  }
  const row = Number(ref.slice(i));
  if (i === 0 || i > 3 || !Number.isInteger(row) || row < 1 || row > MAX_ROW || col > MAX_COL) return undefined;
  return [row, col];
}

/** `A1:C2` → its corners; a single cell is a range of one. */
function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b = a] = ref.split(':');
  const from = parseRef(a ?? '');
  const to = parseRef(b ?? '');
  if (!from || !to) return undefined;
  return {
    top: Math.min(from[0], to[0]),
    left: Math.min(from[1], to[1]),
    bottom: Math.max(from[0], to[0]),
    right: Math.max(from[1], to[1]),
  };
}

/**
 * Cells kept of a sheet before any of its strings has shown that it holds the
 * report. A table's sheet shows a title or a header in its first rows; a
 * ledger is scanned for labels, not held (holding the cells of thirty ledger
 * sheets cost a third of the read). Tables below a long ledger are read again.
 */
const HELD_BEFORE_A_LABEL = 5_000;

/**
 * A table names each of its rows and columns once, a few times where copies
 * of it stand side by side; a ledger repeats its few kinds (自然人, 予以公开)
 * on every row. A label counts for its sheet only while it is this rare there,
 * and a sheet holds the report when it holds a title or this many rare labels:
 * a registry of requests beside the report is no table, and handing its
 * thousands of labelled rows to the table finder costs minutes.
 */
const RARE_LABEL = 50;
const LABELS_OF_A_TABLE = 4;

/** A SAX handler for one worksheet part. */
export class SheetReader implements XmlHandler {
  private readonly cells: RawCell[] = [];
  /** Cells were let go before a label showed up: the sheet must be read again to become a grid. */
  letGo = false;
  private readonly hiddenRows = new Set<number>();
  private readonly hiddenColumns: [number, number][] = [];
  private readonly merges: string[] = [];
  /** A title or the level line was met: the sheet is read for it. */
  private titled = false;
  /** Per label met: how often. */
  private readonly labelCounts = new Map<string, number>();
  /** Labels met at least once and at most RARE_LABEL times. */
  private rareLabels = 0;

  /**
   * Whether the sheet, as far as it was read, holds the report: a title, or
   * labels as a table holds them — enough of them, and most of them rare (a
   * ledger's few kinds that happen to be rare there do not make it a table).
   */
  get belongs(): boolean {
    return this.titled || (this.rareLabels >= LABELS_OF_A_TABLE && 2 * this.rareLabels >= this.labelCounts.size);
  }

  private inSheetData = false;
  private row = 0;
  private col = 0;
  private cell: RawCell | undefined;
  /** Which text is being gathered: a value, a formula, an inline string's run. */
  private into: 'v' | 'f' | 't' | undefined;
  private phonetic = 0;
  private readonly checked = new Map<string, ReportText>();

  constructor(
    readonly name: string,
    private readonly context: WorkbookContext,
    /** Cells this sheet may hold (every <c>, empty or not, counts). */
    private readonly maxCells: number,
    /** Keep every cell whether or not a label has shown up yet (a sheet read again). */
    private readonly keepAll = false,
  ) {}

  /** Cells met so far. */
  get count(): number {
    return this.seen;
  }
  private seen = 0;

  open(name: string, a: Attributes): void {
    if (this.inSheetData) {
      if (name === 'c') return this.openCell(a);
      if (!this.cell) {
        if (name === 'row') {
          const r = Number(a.r);
          this.row = Number.isInteger(r) && r >= 1 && r <= MAX_ROW ? r : this.row + 1;
          this.col = 0;
          // Hidden by hand, by a collapsed outline or a filter; a row of height 0 is hidden too.
          if (isXmlTrue(a.hidden) || (a.ht !== undefined && Number(a.ht) === 0)) this.hiddenRows.add(this.row);
        }
        return;
      }
      if (name === 'v' || name === 'f') {
        this.into = name;
        if (name === 'f') {
          this.cell.f = '';
          if (a.t === 'shared') this.cell.shared = a.si;
        }
        this.cell[name] ??= '';
      } else if (name === 'rPh') this.phonetic++;
      else if (name === 't' && this.phonetic === 0) {
        this.into = 't';
        this.cell.inline ??= '';
      }
      return;
    }
    if (name === 'sheetData') this.inSheetData = true;
    else if (name === 'col') {
      const min = Number(a.min);
      const max = Math.min(Number(a.max), MAX_COL);
      const zeroWidth = a.width !== undefined && Number(a.width) === 0;
      if ((isXmlTrue(a.hidden) || zeroWidth) && min >= 1 && max >= min) this.hiddenColumns.push([min, max]);
    } else if (name === 'mergeCell' && a.ref) this.merges.push(a.ref);
  }

  private openCell(a: Attributes): void {
    if (++this.seen > this.maxCells) throw new TooManyCells(this.name);
    const at = a.r ? parseRef(a.r) : undefined;
    if (at) {
      // A cell may name a row other than its <row> (hand-written files): its own address wins.
      this.row = at[0];
      this.col = at[1];
    } else this.col++;
    const s = Number(a.s);
    this.cell = {
      r: this.row,
      c: this.col,
      t: a.t,
      s: Number.isInteger(s) ? s : 0,
      v: undefined,
      f: undefined,
      shared: undefined,
      inline: undefined,
    };
  }

  text(text: string): void {
    if (!this.into || !this.cell) return;
    if (this.into === 't') this.cell.inline += text;
    else this.cell[this.into] += text;
  }

  close(name: string): void {
    if (name === 'v' || name === 'f' || name === 't') this.into = undefined;
    else if (name === 'rPh') this.phonetic--;
    else if (name === 'c' && this.cell) {
      const cell = this.cell;
      this.cell = undefined;
      if (cell.v === undefined && cell.f === undefined && cell.inline === undefined) return;
      this.countText(cell);
      if (this.letGo) return;
      this.cells.push(cell);
      if (!this.belongs && !this.keepAll && this.cells.length > HELD_BEFORE_A_LABEL) {
        this.cells.length = 0;
        this.letGo = true;
      }
    } else if (name === 'sheetData') this.inSheetData = false;
  }

  /** Counts a cell's text towards the sheet's belonging to the report. */
  private countText(cell: RawCell): void {
    if (this.titled) return;
    let kind: ReportText;
    if (cell.t === 's') kind = this.context.stringKinds[Number(cell.v)];
    else {
      const text = cell.t === 'inlineStr' ? cell.inline : cell.t === 'str' ? cell.v : undefined;
      if (!text) return;
      kind = this.checked.get(text);
      if (kind === undefined && !this.checked.has(text)) this.checked.set(text, (kind = reportText(decodeEscapes(text))));
    }
    if (kind?.kind === 'title') this.titled = true;
    if (kind?.kind !== 'label') return;
    const n = (this.labelCounts.get(kind.label) ?? 0) + 1;
    this.labelCounts.set(kind.label, n);
    if (n === 1) this.rareLabels++;
    else if (n === RARE_LABEL + 1) this.rareLabels--;
  }

  /** The sheet as a grid: values read, merges resolved, hidden rows and columns marked. */
  toGrid(hidden: boolean): SheetGrid {
    const hiddenColumn = new Uint8Array(MAX_COL + 1);
    for (const [min, max] of this.hiddenColumns) hiddenColumn.fill(1, min, max + 1);
    const isHidden = (r: number, c: number) => this.hiddenRows.has(r) || hiddenColumn[c] === 1;
    const masters = new Map<string, RawCell>();
    for (const raw of this.cells) if (raw.shared !== undefined && raw.f) masters.set(raw.shared, raw);

    const pending: SheetGrid['pending'] = [];
    const byPosition = new Map<number, GridCell>();
    /** Cells whose number format shows nothing of their value (;;;). */
    const unshown = new Set<GridCell>();
    for (const raw of this.cells) {
      const cell = this.gridCellOf(raw, masters, pending);
      if (!cell) continue;
      byPosition.set(gridKey(cell.r, cell.c), cell);
      if (this.formatHides(raw, cell)) unshown.add(cell);
    }
    let covered = 0;
    for (const ref of this.merges) {
      const range = parseRange(ref);
      if (!range) continue;
      const key = gridKey(range.top, range.left);
      const master = byPosition.get(key);
      // An empty merge shows nothing: what its other cells may still hold is not shown either.
      if (master?.master) continue;
      covered += (range.bottom - range.top + 1) * (range.right - range.left + 1);
      if (covered > this.maxCells) throw new TooManyCells(this.name);
      if (master) {
        master.bottom = range.bottom;
        master.right = range.right;
      }
      for (let r = range.top; r <= range.bottom; r++) {
        for (let c = range.left; c <= range.right; c++) {
          const k = gridKey(r, c);
          if (k === key) continue;
          if (!master) byPosition.delete(k);
          else {
            const cell = coveredCell(master, r, c);
            delete cell.readings;
            byPosition.set(k, cell);
          }
        }
      }
    }
    const cells = [...byPosition.values()].sort((a, b) => a.r - b.r || a.c - b.c);
    for (const cell of cells) {
      if (isHidden(cell.r, cell.c) || unshown.has(cell.master ?? cell)) cell.hidden = true;
      else delete cell.hidden;
    }
    const grid = gridFrom(this.name, cells, byPosition);
    if (hidden) grid.hidden = true;
    return { grid, pending };
  }

  private gridCellOf(raw: RawCell, masters: Map<string, RawCell>, pending: SheetGrid['pending']): GridCell | undefined {
    const formula = raw.f !== undefined;
    // A string result may be cached as empty; a number, a boolean or an error never is.
    const cached = raw.v !== undefined && (raw.v !== '' || raw.t === 'str') ? raw.v : undefined;
    if (formula && cached === undefined) {
      const cell = gridCell(raw.r, raw.c, null, true);
      const text = raw.f || this.sharedFormula(raw, masters);
      if (text) pending.push({ formula: { sheet: this.name, row: raw.r, col: raw.c, formula: text }, cell });
      return cell;
    }
    const value = this.valueOf(raw, cached);
    if (value === null) return undefined;
    const cell = gridCell(raw.r, raw.c, value);
    const readings = this.readingsOf(raw, value);
    if (readings) cell.readings = readings;
    return cell;
  }

  /** A cell sharing another's formula reads it moved by the distance between them. */
  private sharedFormula(raw: RawCell, masters: Map<string, RawCell>): string | undefined {
    const master = raw.shared !== undefined ? masters.get(raw.shared) : undefined;
    return master?.f ? shiftFormula(master.f, raw.r - master.r, raw.c - master.c) : undefined;
  }

  private valueOf(raw: RawCell, v: string | undefined): GridCell['raw'] {
    switch (raw.t) {
      case 's': {
        const s = v === undefined ? undefined : this.context.strings[Number(v)];
        return s ?? null;
      }
      case 'inlineStr':
        return raw.inline === undefined ? (v ?? null) : decodeEscapes(raw.inline);
      case 'str':
        return v === undefined ? null : decodeEscapes(v);
      case 'b':
        return v === undefined ? null : isXmlTrue(v);
      // An error (#REF!, #DIV/0!) and an ISO date are text: what the cell shows.
      case 'e':
      case 'd':
        return v ?? null;
      default: {
        if (v === undefined) return null;
        const n = Number(v);
        return v.trim() !== '' && Number.isFinite(n) ? n : v;
      }
    }
  }

  /** Whether the cell's number format shows nothing of its value (";;;", or ";;" for a number). */
  private formatHides(raw: RawCell, cell: GridCell): boolean {
    const shown = this.context.styles[raw.s];
    return shown === 'nothing' || (shown === 'no-number' && (typeof cell.raw === 'number' || cell.uncachedFormula));
  }

  /** A number its style shows as a date or time is read as the number it is, and says so. */
  private readingsOf(raw: RawCell, value: GridCell['raw']): CellReading[] | undefined {
    if (typeof value !== 'number' || this.context.styles[raw.s] !== 'date') return undefined;
    return [{ kind: 'date', shown: serialDate(value, this.context.date1904) ?? String(value) }];
  }
}

/** OOXML writes characters XML can't carry as _xHHHH_ (a carriage return is _x000D_). */
export function decodeEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
