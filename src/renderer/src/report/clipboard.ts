// Blocks of cells to and from the clipboard as tab-separated text: what Excel
// and WPS put there when cells are copied, and read when they are pasted.
import type { ImportedFile } from '../../../shared/api/contract';
import { cellDef, type CellKey } from '../../../shared/model/cells';
import { isBlankLike, parseCellInput, valueAt, type CellValue } from '../../../shared/model/report';
import { maxOf } from '../../../shared/math';
import { cellNames } from '../../../shared/review/problems';
import { tableName, type TableId } from '../../../shared/template/gov2021';

/** Rows of cells from clipboard text; quoted cells (Excel quotes cells holding tabs, line breaks or quotes) are unquoted. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const s = text.replace(/\r\n?/g, '\n');
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '"' && cell === '') {
      // A quoted cell runs to the closing quote; "" inside stands for one quote.
      let j = i + 1;
      let quoted = '';
      while (j < s.length) {
        if (s[j] === '"' && s[j + 1] === '"') {
          quoted += '"';
          j += 2;
        } else if (s[j] === '"') break;
        else quoted += s[j++];
      }
      if (j < s.length && (j + 1 === s.length || s[j + 1] === '\t' || s[j + 1] === '\n')) {
        cell = quoted;
        i = j + 1;
        continue;
      }
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
    i++;
  }
  // Spreadsheets end a copied block with a line break; a last line without one still counts.
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function quote(text: string): string {
  return /[\t\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toTsv(rows: readonly (readonly CellValue[])[]): string {
  return rows.map((r) => r.map((v) => quote(v === null ? '' : String(v))).join('\t')).join('\r\n') + '\r\n';
}

/**
 * Clerks copy rows from their own workbook together with the row labels
 * ("一、本年新收政府信息公开申请数量 | 10 | 0 …"). Leading columns that hold only
 * words (or nothing, under a merged label) are labels, not figures: they are
 * dropped, as long as figures remain to paste.
 */
export function withoutLabelColumns(rows: readonly string[][]): { rows: string[][]; dropped: number } {
  const width = maxOf(rows.map((r) => r.length));
  const isLabel = (text: string | undefined) => {
    const value = parseCellInput(text ?? '');
    return value === null || (typeof value === 'string' && !isBlankLike(value));
  };
  let dropped = 0;
  while (
    dropped < width - 1 &&
    rows.every((r) => isLabel(r[dropped])) &&
    rows.some((r) => (r[dropped] ?? '').trim() !== '') &&
    rows.some((r) => r.slice(dropped + 1).some((cell) => typeof parseCellInput(cell) === 'number'))
  ) {
    dropped++;
  }
  return { rows: dropped ? rows.map((r) => r.slice(dropped)) : rows.map((r) => [...r]), dropped };
}

/**
 * Whether pasted rows are figures at all: a paragraph of the report's text
 * pasted into a table by mistake holds no number and no "—", and would put
 * its sentences into cells as text.
 */
export function holdsFigures(rows: readonly string[][]): boolean {
  return rows.some((r) =>
    r.some((cell) => {
      const value = parseCellInput(cell);
      return typeof value === 'number' || (value !== null && isBlankLike(value));
    }),
  );
}

/** Whether a pasted block carries words beside its figures (a header row, row labels, a whole table): then its labels, not its position, place it. */
export function carriesLabels(rows: readonly string[][]): boolean {
  return rows.some((r) =>
    r.some((cell) => {
      const value = parseCellInput(cell);
      return typeof value === 'string' && !isBlankLike(value);
    }),
  );
}

/**
 * The clipboard's block as a file for the readers that read every report:
 * Excel and WPS put an HTML table beside the text, and only it keeps the
 * merged headers (行政复议 over its five columns); the tab-separated text
 * goes where there is none. A byte-order mark says UTF-8, whatever charset
 * the copied page's own markup declares: the text is already decoded.
 */
export function clipboardFile(text: string, html: string): File {
  const table = html !== '' && new DOMParser().parseFromString(html, 'text/html').querySelector('table') !== null;
  return table
    ? new File(['\uFEFF', html], '剪贴板.html', { type: 'text/html' })
    : new File(['\uFEFF', text], '剪贴板.txt', { type: 'text/plain' });
}

/** What a labelled block gave, cell by cell, as the reader placed it. */
export interface LabelledPaste {
  /** The cells whose two labels were found, with the value read there. */
  cells: [CellKey, CellValue][];
  /** Of those, the ones placed by a label that only looked like the official one. */
  guessed: CellKey[];
  /** Cells whose place the block shows but whose value could not be read without a guess, with why: they keep their value. */
  unread: { key: CellKey; remark: string }[];
  /** Cells of the tables found that the block does not hold: they keep their value. */
  absent: CellKey[];
  tables: TableId[];
}

/** The cells a labelled block placed, or null where the reader found no table in it (a bare block goes by position). */
export function placedByLabels(read: ImportedFile): LabelledPaste | null {
  const record = read.record;
  if (!record) return null;
  const placed: LabelledPaste = { cells: [], guessed: [], unread: [], absent: [], tables: [] };
  for (const cell of Object.values(record.cells)) {
    const table = cellDef(cell.key)!.table;
    if (!record.tables[table]) continue;
    if (!placed.tables.includes(table)) placed.tables.push(table);
    if (cell.status === 'matched' || cell.status === 'guessed') {
      placed.cells.push([cell.key, valueAt(read.report, cell.key)]);
      if (cell.status === 'guessed') placed.guessed.push(cell.key);
    } else if (cell.status === 'left_blank') placed.unread.push({ key: cell.key, remark: cell.remark });
    else placed.absent.push(cell.key);
  }
  return placed.cells.length > 0 ? placed : null;
}

/** Names listed in a notice before "等 n 个格子". */
const NAMED = 6;

/**
 * What the user is told of a labelled paste: where its figures went, which
 * were placed by a label that only looked like the official one, and every
 * cell it could not give — by name, with why — which keeps its value.
 */
export function labelledPasteNotice(placed: LabelledPaste): { kind: 'info' | 'error'; text: string } {
  const parts = [`已按行列标题粘贴 ${placed.cells.length} 个格子（${placed.tables.map(tableName).join('、')}）。`];
  if (placed.guessed.length > 0) parts.push(`其中 ${cellNames(placed.guessed, NAMED)} 的标题与规范写法不同，按相近的标题放入，请核对。`);
  const byRemark = new Map<string, CellKey[]>();
  for (const u of placed.unread) byRemark.set(u.remark, [...(byRemark.get(u.remark) ?? []), u.key]);
  for (const [remark, keys] of byRemark) parts.push(`没有读出 ${cellNames(keys, NAMED)}（保持原值）：${remark.replace(/。$/, '')}。`);
  if (placed.absent.length > 0) parts.push(`粘贴内容里没有的 ${placed.absent.length} 个格子保持原值。`);
  // A cell left unread needs the user: its notice stays until dismissed.
  return { kind: placed.unread.length > 0 ? 'error' : 'info', text: parts.join('') };
}
