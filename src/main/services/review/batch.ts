// The files of a batch: the files named, and in each folder named every file
// of a report format (subfolders too). Entries that are not plain files — a
// link, a pipe, a device, a folder that can't be opened — are skipped and
// listed with the reason, never followed or read (a pipe would wait forever,
// a link may lead anywhere); so are files of other types. Files are only
// read: nothing in the user's folders is written, moved or renamed.
import { opendir, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ok, type Result } from '../../../shared/api/result';
import { extensionOf, hasReportExtension, isIgnoredFile } from '../../../shared/formats';
import { describeFsError } from '../fs/files';

export interface BatchFile {
  path: string;
  /** What the lists call it: the file's name, with its subfolder where it came from a folder ("统计局/年报.xlsx"). */
  name: string;
}

/** An entry of a folder that was not read, and why, in the clerk's words. */
export interface SkippedEntry {
  name: string;
  reason: string;
}

export interface Batch {
  files: BatchFile[];
  skipped: SkippedEntry[];
}

/** Why an entry that is no plain file or folder is not read; undefined for a file or folder. */
function notAFile(entry: Dirent | Stats): string | undefined {
  if (entry.isSymbolicLink()) return '是快捷方式（链接），未读取：请把报告文件本身放进文件夹';
  if (entry.isFIFO() || entry.isSocket()) return '不是普通文件（是管道或套接字），未读取';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return '是设备，不是文件，未读取';
  if (!entry.isFile() && !entry.isDirectory()) return '不是普通文件，未读取';
  return undefined;
}

const collator = new Intl.Collator('zh-CN');

/** A folder's entries in name order, or why it could not be opened. */
async function entriesOf(dir: string): Promise<Dirent[] | string> {
  const entries: Dirent[] = [];
  try {
    for await (const e of await opendir(dir)) entries.push(e);
  } catch (err) {
    return `文件夹无法打开，未读取：${describeFsError(err, dir, 'read').message}`;
  }
  return entries.filter((e) => !isIgnoredFile(e.name)).sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * The report files under `root` in name order, a subfolder's files where the
 * subfolder stands; a walk with its own stack, so a deep tree of folders is no
 * deeper a call stack.
 */
async function walk(root: string, batch: Batch): Promise<void> {
  const stack: { dir: string; entries: Dirent[]; next: number }[] = [];
  const enter = async (dir: string) => {
    const entries = await entriesOf(dir);
    if (typeof entries === 'string') batch.skipped.push({ name: relative(root, dir) || basename(dir), reason: entries });
    else stack.push({ dir, entries, next: 0 });
  };
  await enter(root);
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    const e = top.entries[top.next++];
    if (!e) {
      stack.pop();
      continue;
    }
    const path = join(top.dir, e.name);
    const name = relative(root, path);
    const odd = notAFile(e);
    if (odd) batch.skipped.push({ name, reason: odd });
    else if (e.isDirectory()) await enter(path);
    else if (hasReportExtension(e.name)) batch.files.push({ path, name });
    else batch.skipped.push({ name, reason: `不是报告文件（${extensionOf(e.name) || '没有扩展名'}），未读取` });
  }
}

/** The files the arguments stand for: a file as itself, a folder as the report files in it; what was left out, with why. */
export async function expandPaths(paths: readonly string[]): Promise<Result<Batch>> {
  const batch: Batch = { files: [], skipped: [] };
  const seen = new Set<string>();
  for (const path of paths) {
    let info: Stats;
    try {
      info = await stat(path);
    } catch (err) {
      return { ok: false, error: describeFsError(err, path, 'read') };
    }
    if (info.isDirectory()) await walk(path, batch);
    else {
      const odd = notAFile(info);
      if (odd) batch.skipped.push({ name: basename(path), reason: odd });
      else batch.files.push({ path, name: basename(path) });
    }
  }
  batch.files = batch.files.filter((f) => !seen.has(f.path) && seen.add(f.path));
  return ok(batch);
}
