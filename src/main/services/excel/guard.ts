// Checks a workbook's bytes before exceljs parses them: legacy and encrypted
// files (both OLE containers), broken archives, and workbooks too large to
// read in seconds. The zip directory tells the sizes without inflating, and
// the sheets are counted for cells with a byte search, far cheaper than a parse.
import { constants, inflateRawSync } from 'node:zlib';
import { fail, ok, type Result } from '../../../shared/api/result';

export const LIMITS = {
  /** Bytes of the file itself. */
  fileBytes: 40 * 1024 * 1024,
  /** Bytes of all parts once inflated (a zip bomb is refused here). */
  inflatedBytes: 400 * 1024 * 1024,
  /** Cells of all worksheets together. */
  cells: 1_500_000,
};

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream name an encrypted OOXML file keeps inside its OLE container. */
const ENCRYPTED_STREAM = Buffer.from('EncryptedPackage', 'utf16le');

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function tooLargeMessage(name: string, bytes: number): string {
  return `「${name}」文件过大（${mb(bytes)}，上限 ${mb(LIMITS.fileBytes)}）：请只保留年报三张表所在的工作表，另存后再导入`;
}

function brokenMessage(name: string): string {
  return `「${name}」已损坏或不是 Excel 工作簿（.xlsx）：请在 Excel/WPS 中打开确认，另存为 .xlsx 后再导入`;
}

/** Reads the central directory; undefined when the bytes are not a readable zip. */
function readZipDirectory(bytes: Buffer): ZipEntry[] | undefined {
  const floor = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

function entryData(bytes: Buffer, entry: ZipEntry): Buffer | undefined {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) return undefined;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const raw = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return raw;
  if (entry.method !== 8) return undefined;
  try {
    return inflateRawSync(raw, { maxOutputLength: LIMITS.inflatedBytes });
  } catch {
    return undefined;
  }
}

const CELL_TAG = Buffer.from('<c ');
/** The fewest bytes a cell takes in sheet XML: <c r="A1"/>. */
const MIN_CELL_BYTES = 11;
const DIMENSION = /<(?:\w+:)?dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** The used range a sheet declares at its start (`<dimension ref="A1:K40">`), read by inflating only its first bytes. */
function declaredArea(bytes: Buffer, entry: ZipEntry): number | undefined {
  const at = entry.localOffset;
  if (entry.method !== 8 || at + 30 > bytes.length) return undefined;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  let head: string;
  try {
    head = inflateRawSync(bytes.subarray(start, start + Math.min(entry.compressedSize, 2048)), { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1', 0, 4096);
  } catch {
    return undefined;
  }
  const m = DIMENSION.exec(head);
  if (!m) return undefined;
  const rows = m[4] ? Number(m[4]) - Number(m[2]) + 1 : 1;
  const cols = m[3] ? columnNumber(m[3]) - columnNumber(m[1]!) + 1 : 1;
  return rows * cols;
}

/** Counts cell elements, stopping once past `stopAt`. */
function countCells(xml: Buffer, stopAt: number): number {
  let n = 0;
  for (let i = xml.indexOf(CELL_TAG); i >= 0 && n <= stopAt; i = xml.indexOf(CELL_TAG, i + 3)) n++;
  return n;
}

/**
 * Whether the sheets hold more cells than the limit, as cheaply as can be
 * told: each sheet's declared range (or, without one, the most cells its XML
 * could hold) settles it for ordinary workbooks; only when those bounds pass
 * the limit are the sheets inflated and their cells counted.
 */
function tooManyCells(bytes: Buffer, sheets: readonly ZipEntry[]): boolean | undefined {
  const bound = sheets.reduce((sum, e) => sum + Math.min(declaredArea(bytes, e) ?? Infinity, e.size / MIN_CELL_BYTES), 0);
  if (bound <= LIMITS.cells) return false;
  let cells = 0;
  for (const entry of sheets) {
    const xml = entryData(bytes, entry);
    if (!xml) return undefined;
    cells += countCells(xml, LIMITS.cells - cells);
    if (cells > LIMITS.cells) return true;
  }
  return false;
}

/**
 * Refuses, with one Chinese sentence naming the file, anything exceljs should
 * not be handed: a legacy or encrypted workbook, a broken archive, a workbook
 * over the size or cell limits. Passing bytes are a well-formed xlsx archive.
 */
export function checkWorkbookBytes(bytes: Buffer, name: string): Result<void> {
  if (bytes.length === 0) return fail('empty_file', `「${name}」是空文件（0 字节）：请确认选择了正确的文件`);
  if (bytes.length > LIMITS.fileBytes) return fail('too_large', tooLargeMessage(name, bytes.length));
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    if (bytes.includes(ENCRYPTED_STREAM)) {
      return fail(
        'encrypted',
        `「${name}」设有打开密码（已加密），无法读取：请在 Excel/WPS 中打开，取消文档加密密码后另存为 .xlsx 再导入`,
      );
    }
    return fail('legacy_xls', `「${name}」是旧版 Excel 格式（.xls）：请在 Excel/WPS 中另存为 .xlsx 后导入`);
  }
  const entries = readZipDirectory(bytes);
  if (!entries || !entries.some((e) => e.name === 'xl/workbook.xml')) return fail('not_xlsx', brokenMessage(name));
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > LIMITS.inflatedBytes) return fail('too_large', tooLargeMessage(name, declared));
  const many = tooManyCells(
    bytes,
    entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name)),
  );
  if (many === undefined) return fail('not_xlsx', brokenMessage(name));
  if (many) {
    return fail(
      'too_many_cells',
      `「${name}」文件过大：单元格超过 ${LIMITS.cells / 10_000} 万个：请删除与年报无关的工作表或数据，只保留三张表后另存再导入`,
    );
  }
  return ok(undefined);
}
