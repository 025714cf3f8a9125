// Checks a workbook's bytes before exceljs parses them: legacy and encrypted
// files (both OLE containers), broken archives, and workbooks too large to
// read in seconds. exceljs inflates every part, so every part is inflated here
// first, as a stream under a hard budget (the headers' sizes may lie); the
// sheets' cells are counted in the same pass, far cheaper than a parse.
import { fail, ok, type Result } from '../../../shared/api/result';
import { countAcrossChunks, oleKind, scanZip } from '../zip';

export const LIMITS = {
  /** Bytes of the file itself. */
  fileBytes: 40 * 1024 * 1024,
  /** Bytes of all parts once inflated (a zip bomb is refused here). */
  inflatedBytes: 400 * 1024 * 1024,
  /** Cells of all worksheets together. */
  cells: 1_500_000,
  /** Parts in the archive. */
  entries: 10_000,
};

const CELL_TAG = Buffer.from('<c ');
const ENCRYPTED = (name: string) =>
  `「${name}」设有打开密码（已加密），无法读取：请在 Excel/WPS 中打开，取消文档加密密码后另存为 .xlsx 再导入`;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function tooLargeMessage(name: string, bytes: number): string {
  return `「${name}」文件过大（${mb(bytes)}，上限 ${mb(LIMITS.fileBytes)}）：请只保留年报三张表所在的工作表，另存后再导入`;
}

function brokenMessage(name: string): string {
  return `「${name}」已损坏或不是 Excel 工作簿（.xlsx）：请在 Excel/WPS 中打开确认，另存为 .xlsx 后再导入`;
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/**
 * Refuses, with one Chinese sentence naming the file, anything exceljs should
 * not be handed: a legacy or encrypted workbook, a broken archive, a workbook
 * over the size or cell limits. Passing bytes are a well-formed xlsx archive.
 */
export async function checkWorkbookBytes(bytes: Buffer, name: string): Promise<Result<void>> {
  if (bytes.length === 0) return fail('empty_file', `「${name}」是空文件（0 字节）：请确认选择了正确的文件`);
  if (bytes.length > LIMITS.fileBytes) return fail('too_large', tooLargeMessage(name, bytes.length));
  const ole = oleKind(bytes);
  if (ole === 'encrypted') return fail('encrypted', ENCRYPTED(name));
  if (ole === 'legacy') return fail('legacy_xls', `「${name}」是旧版 Excel 格式（.xls）：请在 Excel/WPS 中另存为 .xlsx 后导入`);
  const scan = await scanZip(bytes, {
    limits: { totalBytes: LIMITS.inflatedBytes, entries: LIMITS.entries },
    keep: () => false,
    inflate: () => true,
    observe: (part, chunk, previous) => (SHEET.test(part) ? countAcrossChunks(CELL_TAG, chunk, previous) : 0),
  });
  if (!scan.ok) {
    if (scan.failure === 'too_large')
      return fail('too_large', `「${name}」解压后过大（超过 ${mb(LIMITS.inflatedBytes)}）：请只保留年报三张表所在的工作表，另存后再导入`);
    if (scan.failure === 'encrypted') return fail('encrypted', ENCRYPTED(name));
    return fail('not_xlsx', brokenMessage(name));
  }
  if (!scan.value.names.includes('xl/workbook.xml')) return fail('not_xlsx', brokenMessage(name));
  const cells = [...scan.value.observed.values()].reduce((a, b) => a + b, 0);
  if (cells > LIMITS.cells) {
    return fail(
      'too_many_cells',
      `「${name}」文件过大：单元格超过 ${LIMITS.cells / 10_000} 万个：请删除与年报无关的工作表或数据，只保留三张表后另存再导入`,
    );
  }
  return ok(undefined);
}
