// A roster kept as a file: a text file (one body a line, as Notepad saves it
// on a Chinese Windows: UTF-8, GBK or "Unicode"), or a workbook whose first
// column of names lists them (a 序号 column before it is passed over; a level
// beside a name is taken). `review --roster` and the page's 从工作簿导入名单
// read it here.
import ExcelJS from 'exceljs';
import { basename } from 'node:path';
import { fail, ok, type Result } from '../../../shared/api/result';
import { extensionOf } from '../../../shared/formats';
import { parseRoster, rosterRows, type ParsedRoster } from '../../../shared/review';
import { readFileChecked } from '../fs/files';

/** A roster is a list of names: a file of more than this is not one. */
const MAX_ROSTER_BYTES = 4 * 1024 * 1024;
/** Rows read from a workbook's sheet (a province has fewer bodies). */
const MAX_ROWS = 20_000;

/** Text as Notepad or WPS saves it: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const cellText = (cell: ExcelJS.Cell) => cell.text.replace(/\s+/g, ' ').trim();

/** The rows of the first sheet that holds any text, as fields. */
async function workbookRows(name: string, bytes: Buffer): Promise<Result<string[][]>> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return fail('not_roster', `「${name}」不是有效的 Excel 工作簿：请另存为 .xlsx，或把名单粘贴为文本`);
  }
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    const rows: string[][] = [];
    ws.eachRow((row, n) => {
      if (n > MAX_ROWS) return;
      const fields: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => fields.push(cellText(cell)));
      rows.push(fields);
    });
    if (rows.some((r) => r.some((f) => f !== '' && !/^\d+$/.test(f)))) return ok(rows);
  }
  return fail('empty_roster', `「${name}」中没有单位名称：名单应在第一列，每行一个单位`);
}

/** The roster in a file's bytes (a workbook by its extension, anything else as text). */
export async function readRosterBytes(fileName: string, bytes: Buffer): Promise<Result<ParsedRoster>> {
  const name = basename(fileName);
  if (bytes.length > MAX_ROSTER_BYTES) return fail('too_large', `「${name}」太大，不像单位名单：名单每行一个单位，通常只有几 KB`);
  const ext = extensionOf(name);
  let rows: string[][];
  if (ext === '.xlsx' || ext === '.xlsm') {
    const read = await workbookRows(name, bytes);
    if (!read.ok) return read;
    rows = read.value;
  } else if (ext === '.xls' || ext === '.et') {
    return fail('legacy', `「${name}」是旧版 Excel 文件：请在 Excel 或 WPS 中另存为 .xlsx，或把名单另存为文本文件`);
  } else rows = rosterRows(decodeText(bytes));
  const roster = parseRoster(rows);
  if (roster.entries.length === 0) return fail('empty_roster', `「${name}」中没有单位名称：名单每行一个单位（工作簿则在第一列）`);
  return ok(roster);
}

export async function readRosterFile(path: string): Promise<Result<ParsedRoster>> {
  const bytes = await readFileChecked(path, { maxBytes: MAX_ROSTER_BYTES });
  if (!bytes.ok) return bytes;
  return readRosterBytes(path, bytes.value);
}
