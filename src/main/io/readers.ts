// Every file type the program reads, in one registry: the CLI commands, the
// library import and the app's open dialog all read through `readReportFile`,
// so a reader added here works everywhere at once.
import { basename, extname } from 'node:path';
import { fail, ok, type Result } from '../../shared/api/result';
import { readReportJson } from '../../shared/model/schema';
import type { ReportReader, ReadOptions, ReadReport } from './formats';
import { readFileChecked } from './files';
import { xlsxReader } from '../services/excel';

export type { ReadOptions, ReadReport, ReportReader } from './formats';

const jsonReader: ReportReader = {
  extensions: ['.json'],
  async read(path, bytes, options) {
    let data: unknown;
    try {
      data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch {
      return fail('not_json', `「${basename(path)}」不是有效的 JSON 文件：请确认选择的是年报数据文件`);
    }
    const read = readReportJson(data);
    if (!read.ok) return fail('not_report', `「${basename(path)}」${read.error}`);
    const report = { ...read.value, ...(options.agency ? { agency: options.agency } : {}), ...(options.year ? { year: options.year } : {}) };
    return ok({ report, notes: [] });
  },
};

/** Every reader; one line here makes a file type readable by every command. */
const readers: readonly ReportReader[] = [jsonReader, xlsxReader];

export function readableExtensions(): string[] {
  return readers.flatMap((r) => r.extensions);
}

export async function readReportFile(path: string, options: ReadOptions = {}): Promise<Result<ReadReport>> {
  const unsupported = refuseUnknownType(path);
  if (unsupported) return unsupported;
  const bytes = await readFileChecked(path);
  if (!bytes.ok) return bytes;
  return readReportBytes(path, bytes.value, options);
}

/** Reads a file's content that arrived without a path (a file picked or dropped in the app). */
export async function readReportBytes(fileName: string, bytes: Buffer, options: ReadOptions = {}): Promise<Result<ReadReport>> {
  const unsupported = refuseUnknownType(fileName);
  if (unsupported) return unsupported;
  if (bytes.length === 0) return fail('empty_file', `「${basename(fileName)}」是空文件（0 字节）：请确认选择了正确的文件`);
  return readerFor(fileName)!.read(fileName, bytes, options);
}

function readerFor(name: string): ReportReader | undefined {
  const ext = extname(name).toLowerCase();
  return readers.find((r) => r.extensions.includes(ext));
}

function refuseUnknownType(name: string): Result<never> | undefined {
  if (readerFor(name)) return undefined;
  const hint = extname(name).toLowerCase() === '.xls' ? '：请在 Excel/WPS 中另存为 .xlsx 后导入' : `：目前可以读取 ${readableExtensions().filter((e) => e !== '.xls').join('、')} 文件`;
  return fail('unsupported_type', `无法读取「${basename(name)}」${hint}`);
}
