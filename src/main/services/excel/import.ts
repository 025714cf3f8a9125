// Reads an office's own workbook: the bytes are checked, exceljs turns each
// sheet into a grid, and the format-neutral table finder does the rest.
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { Level } from '../../../shared/template/gov2021';
import { readFileChecked } from '../fs/files';
import { readTables, type Imported } from '../tables';
import { checkWorkbookBytes, LIMITS, tooLargeMessage } from './guard';
import { gridsOf } from './sheet-grid';

export interface ImportOptions {
  /** The name shown in messages; defaults to the path's file name. */
  fileName?: string;
  /** Used where the workbook has no title row naming them; given, they win over it. */
  agency?: string;
  year?: number;
  level?: Level;
}

export type { Imported } from '../tables';

/** Parts of a worksheet the import never reads: skipping them saves parse time. */
const IGNORED_NODES = [
  'sheetViews',
  'autoFilter',
  'rowBreaks',
  'hyperlinks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'conditionalFormatting',
  'extLst',
];

async function readInput(input: Buffer | Uint8Array | string, name: string): Promise<Result<Buffer>> {
  if (typeof input !== 'string') return ok(Buffer.from(input.buffer, input.byteOffset, input.byteLength));
  // The size and kind are checked before a byte is read: an enormous file or a pipe is refused at once.
  return readFileChecked(input, { maxBytes: LIMITS.fileBytes, tooLarge: (_, bytes) => tooLargeMessage(name, bytes) });
}

/** Reads a workbook (its bytes or its path) into a report and the record of how. */
export async function importWorkbook(input: Buffer | Uint8Array | string, options: ImportOptions = {}): Promise<Result<Imported>> {
  const name = options.fileName ?? (typeof input === 'string' ? basename(input) : '工作簿');
  const bytes = await readInput(input, name);
  if (!bytes.ok) return bytes;
  const checked = await checkWorkbookBytes(bytes.value, name);
  if (!checked.ok) return checked;

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.value as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES });
  } catch {
    return fail('not_xlsx', `「${name}」已损坏或不是 Excel 工作簿（.xlsx）：请在 Excel/WPS 中打开确认，另存为 .xlsx 后再导入`);
  }
  return readTables(await gridsOf(workbook), { ...options, fileName: name });
}
