// Reading a batch of report files: the files named, and in each folder named
// every file of a report format (subfolders too), read a few at a time by the
// reader the caller passes in (the CLI passes the format registry's). Files
// are only read: nothing in the user's folders is written, moved or renamed.
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { ok, type Result } from '../../../shared/api/result';
import { extensionOf, reportFileExtensions } from '../../../shared/formats';
import type { Report } from '../../../shared/model/report';
import type { ReviewInput } from '../../../shared/review';
import type { ImportRecord } from '../../../shared/api/import';
import { documentOutline } from '../../../shared/rules/outline';
import type { DocumentOutline } from '../../../shared/rules/types';

/** A document's outline as the review input carries it (none for a workbook or report JSON). */
function outlineOf(record: ImportRecord | undefined): { outline?: DocumentOutline } {
  const outline = documentOutline(record?.text);
  return outline ? { outline } : {};
}
import { describeFsError } from '../fs/files';

export type ReportReader = (path: string) => Promise<Result<{ report: Report; notes: string[]; record?: ImportRecord }>>;

const REPORT_EXTENSIONS = new Set(reportFileExtensions());

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))) {
    // Office's lock files (~$报告.docx) and hidden files are not reports.
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(path)));
    else if (e.isFile() && REPORT_EXTENSIONS.has(extensionOf(e.name))) out.push(path);
  }
  return out;
}

export interface BatchFile {
  path: string;
  /** What the lists call it: the file's name, with its subfolder where it came from a folder ("统计局/年报.xlsx"). */
  name: string;
}

/** The files the arguments stand for: a file as itself, a folder as the report files in it. */
export async function expandPaths(paths: readonly string[]): Promise<Result<BatchFile[]>> {
  const out = new Map<string, BatchFile>();
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) for (const f of await filesUnder(path)) out.set(f, { path: f, name: relative(path, f) });
      else out.set(path, { path, name: basename(path) });
    } catch (err) {
      return { ok: false, error: describeFsError(err, path, 'read') };
    }
  }
  return ok([...out.values()]);
}

export interface BatchOptions {
  /** Files read at once: the readers are asynchronous, a few in flight keep the disk and the CPU busy. */
  concurrency?: number;
  onRead?: (done: number, total: number) => void;
}

/** Every file read into a review input, in the order given; a file that can't be read is an input with its message. */
export async function readBatch(files: readonly BatchFile[], reader: ReportReader, options: BatchOptions = {}): Promise<ReviewInput[]> {
  const results = new Array<ReviewInput>(files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const { path, name } = files[i]!;
      const read = await reader(path);
      results[i] = read.ok
        ? { fileName: name, report: read.value.report, notes: read.value.notes, ...outlineOf(read.value.record) }
        : { fileName: name, error: read.error.message };
      options.onRead?.(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, files.length) }, worker));
  return results;
}
