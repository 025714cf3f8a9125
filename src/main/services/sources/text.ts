// Plain text as a document: what a clerk saves from Notepad or WPS as .txt,
// or pastes, in UTF-8 or GBK. Lines are paragraphs; a run of lines whose cells
// are parted by "|" or tabs (a table copied out of Word, a web page or a
// workbook) is a table, for the same finder as every other source.
import { buildGrid, type SourceGridCell } from '../tables';
import type { ReadBudget } from './budget';
import { decodePage } from './html-source';
import { joinContinuedTables, type DocumentBlock, type SourceDocument } from './document';

/**
 * A line of a table: two cells or more, parted by "|" (as pages flatten
 * tables) or tabs (as Word and Excel copy them); split into at most `most`
 * cells, so that a line of millions of separators costs no more than the
 * budget it is then refused by.
 */
function tableCells(line: string, most: number | undefined): string[] | undefined {
  const sep = line.includes('\t') ? '\t' : line.includes('|') ? '|' : undefined;
  if (!sep) return undefined;
  const cells = line.split(sep, most).map((c) => c.trim());
  // "a | b |" ends with an empty cell the separator made, not one the table has.
  while (cells.length > 0 && cells.at(-1) === '') cells.pop();
  if (sep === '|' && cells[0] === '') cells.shift();
  return cells.length >= 2 ? cells : undefined;
}

/** The text as blocks; with a budget (a file being read), each line and each table's cells counted as they are met. */
export function textDocument(text: string, budget?: ReadBudget): SourceDocument {
  const blocks: DocumentBlock[] = [];
  let rows: string[][] = [];
  let cellsOf = budget?.table();
  const most = budget ? budget.limits.tableCells + 1 : undefined;
  const flush = () => {
    if (rows.length === 0) return;
    const cells: SourceGridCell[] = rows.flatMap((row, r) => row.map((raw, c) => ({ r: r + 1, c: c + 1, raw })));
    blocks.push({ kind: 'table', grid: buildGrid('正文', cells) });
    rows = [];
    cellsOf = budget?.table();
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    budget?.element(1);
    const cells = tableCells(line, most);
    if (cells) {
      cellsOf?.(cells.length);
      rows.push(cells);
      continue;
    }
    flush();
    if (line.trim() !== '') blocks.push({ kind: 'text', text: line });
  }
  flush();
  return { blocks: joinContinuedTables(blocks) };
}

/** A .txt file's bytes: a BOM, else UTF-8 where it is valid, else GB18030 (Notepad's "ANSI" on a Chinese Windows). */
export function decodeText(bytes: Buffer): string {
  return decodePage(bytes);
}
