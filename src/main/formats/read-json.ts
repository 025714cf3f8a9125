// Reading a report's JSON, and the checks every reader's result passes
// (an empty file, a text past the limit). Apart from readers.ts because it
// needs no reading library: a review's reading worker reads the JSON files
// of a folder through this alone and loads exceljs and the document sources
// only when a workbook or a document comes (read-worker.ts).
import { basename } from 'node:path';
import { fail, ok, type Result } from '../../shared/api/result';
import { readReportJson } from '../../shared/model/report-json';
import { overlongTexts, textTooLongMessage } from '../../shared/model/limits';
import type { ReadFormat, ReadOptions, ReadReport } from './types';

export const readJson: ReadFormat = async (fileName, bytes, options) => {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return fail('not_json', `「${basename(fileName)}」不是有效的 JSON 文件：请确认选择的是年报数据文件`);
  }
  const read = readReportJson(data);
  if (!read.ok) return read.tooLong ? tooLong(fileName, read.error) : fail('not_report', `「${basename(fileName)}」${read.error}`);
  const report = { ...read.value, ...(options.agency ? { agency: options.agency } : {}), ...(options.year ? { year: options.year } : {}) };
  return ok({ report, notes: [] });
};

/** A file's content read by `reader`: refused when empty, and whatever the format, when a text is past the limit. */
export async function readChecked(fileName: string, bytes: Buffer, options: ReadOptions, reader: ReadFormat): Promise<Result<ReadReport>> {
  if (bytes.length === 0) return fail('empty_file', `「${basename(fileName)}」是空文件（0 字节）：请确认选择了正确的文件`);
  const read = await reader(fileName, bytes, options);
  if (!read.ok) return read;
  // Before the library, the rules or a writer sees it.
  const overlong = overlongTexts(read.value.report)[0];
  return overlong ? tooLong(fileName, textTooLongMessage(overlong.id, overlong.length)) : read;
}

function tooLong(fileName: string, message: string): Result<never> {
  return fail('too_long', `「${basename(fileName)}」中${message}`);
}
