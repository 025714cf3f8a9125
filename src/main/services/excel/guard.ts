// The limits a workbook is read under, and the one Chinese sentence for each
// way a file can fail them. The bytes are looked at before they are unzipped
// (a legacy or encrypted file, an empty or enormous one); everything else is
// counted while the workbook is read, part by part and cell by cell, so a zip
// bomb or a sheet of millions of cells stops at the first byte or cell over.
import { fail, ok, type Result } from '../../../shared/api/result';
import { oleKind, type UnzipFailure } from '../zip';
import { FILE_LIMITS } from '../../../shared/model/limits';

export const LIMITS = {
  /** Bytes of the file itself. */
  fileBytes: FILE_LIMITS.reportBytes,
  /** Bytes of the parts read, once inflated (a zip bomb is refused here). */
  inflatedBytes: 400 * 1024 * 1024,
  /** Cells of one worksheet (every <c>, and every cell a merge covers). */
  cells: 1_500_000,
  /** Cells of all worksheets together: the time a read may take. */
  workbookCells: 8_000_000,
  /** Characters of the shared strings kept in memory. */
  sharedStringChars: 50_000_000,
  /** Parts in the archive. */
  entries: 10_000,
};

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function tooLargeMessage(name: string, bytes: number): string {
  return `「${name}」文件过大（${mb(bytes)}，上限 ${mb(LIMITS.fileBytes)}）：请只保留年报三张表所在的工作表，另存后再导入`;
}

const ENCRYPTED = (name: string) =>
  `「${name}」设有打开密码（已加密），无法读取：请在 Excel/WPS 中打开，取消文档加密密码后另存为 .xlsx 再导入`;

export function brokenWorkbook(name: string): Result<never> {
  return fail('not_xlsx', `「${name}」已损坏或不是 Excel 工作簿（.xlsx）：请在 Excel/WPS 中打开确认，另存为 .xlsx 后再导入`);
}

/** Refuses what must not be unzipped at all: an empty, an enormous, a legacy (.xls) or an encrypted file. */
export function checkWorkbookBytes(bytes: Buffer, name: string): Result<void> {
  if (bytes.length === 0) return fail('empty_file', `「${name}」是空文件（0 字节）：请确认选择了正确的文件`);
  if (bytes.length > LIMITS.fileBytes) return fail('too_large', tooLargeMessage(name, bytes.length));
  const ole = oleKind(bytes);
  if (ole === 'encrypted') return fail('encrypted', ENCRYPTED(name));
  if (ole === 'legacy') return fail('legacy_xls', `「${name}」是旧版 Excel 格式（.xls）：请在 Excel/WPS 中另存为 .xlsx 后导入`);
  return ok(undefined);
}

/** The archive failed while being read. */
export function unzipRefusal(name: string, failure: UnzipFailure): Result<never> {
  if (failure === 'too_large')
    return fail('too_large', `「${name}」解压后过大（超过 ${mb(LIMITS.inflatedBytes)}）：请只保留年报三张表所在的工作表，另存后再导入`);
  if (failure === 'encrypted') return fail('encrypted', ENCRYPTED(name));
  return brokenWorkbook(name);
}

/** A sheet (or the whole workbook) holds more cells than the limits allow. */
export function tooManyCells(name: string, sheet: string | undefined): Result<never> {
  const limit = sheet === undefined ? LIMITS.workbookCells : LIMITS.cells;
  return fail(
    'too_many_cells',
    `「${name}」文件过大：单元格超过 ${limit / 10_000} 万个${sheet === undefined ? '' : `（工作表「${sheet}」）`}：请删除与年报无关的工作表或数据，只保留三张表后另存再导入`,
  );
}

/** The shared strings hold more text than the limit. */
export function tooMuchText(name: string): Result<never> {
  return fail(
    'too_large',
    `「${name}」中的文字过多（超过 ${LIMITS.sharedStringChars / 10_000} 万字）：请只保留年报三张表所在的工作表，另存后再导入`,
  );
}
