// Blocks of cells to and from the clipboard as tab-separated text: what Excel
// and WPS put there when cells are copied, and read when they are pasted.
import { isBlankLike, parseCellInput, type CellValue } from '../../../shared/model/report';
import { maxOf } from '../../../shared/math';

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
