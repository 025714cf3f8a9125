// Reading and writing user files with messages a clerk can act on. A write
// goes to a temporary file beside the target and is renamed over it, so a
// failed write never leaves a half-written document behind.
import { accessSync, constants, promises as fs, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fail, ok, type Result } from '../../../shared/api/result';

/** Turns a Node file-system error into one Chinese sentence naming the file. */
export function describeFsError(err: unknown, path: string, doing: 'read' | 'write'): { code: string; message: string } {
  const code = (err as NodeJS.ErrnoException)?.code ?? 'EIO';
  const name = basename(path);
  switch (code) {
    case 'ENOENT':
      return doing === 'read'
        ? { code: 'not_found', message: `找不到文件「${name}」：请确认路径 ${path} 是否正确` }
        : { code: 'not_found', message: `无法写入「${name}」：文件夹 ${dirname(path)} 不存在` };
    case 'EBUSY':
    case 'EPERM':
    case 'EACCES':
      return {
        code: 'locked',
        message:
          doing === 'read'
            ? `无法读取「${name}」：文件正被其他程序占用或没有读取权限，请关闭后重试`
            : `无法写入「${name}」：文件正被其他程序占用（如 Word、WPS 或 Excel）或没有写入权限，请关闭后重试`,
      };
    case 'EISDIR':
      return { code: 'is_directory', message: `「${name}」是文件夹，不是文件：请选择一个文件` };
    case 'ENOSPC':
      return { code: 'disk_full', message: `无法写入「${name}」：磁盘空间已满，请清理磁盘后重试，原文件未改动` };
    case 'EROFS':
      return { code: 'read_only', message: `无法写入「${name}」：该位置只读，请换一个文件夹保存` };
    default:
      return { code: 'io', message: `${doing === 'read' ? '读取' : '写入'}「${name}」失败（${code}）：请重试或换一个位置` };
  }
}

export type Writability = 'writable' | 'read_only' | 'missing';

/**
 * Whether a file or folder may be written. A file with no write permission
 * bit at all was marked read-only by its owner (Windows' 只读 attribute reads
 * the same way), and that is respected even where the system would let the
 * program write anyway: as root or an administrator, `access` says yes to
 * any file. Otherwise the system answers (`access`: permissions, a read-only
 * disk, which refuses root too). Folders on Windows carry the read-only
 * attribute as a mere display marker (文档, 桌面), so there only `access` counts.
 */
export function writabilityOf(path: string, platform: NodeJS.Platform = process.platform): Writability {
  try {
    const stats = statSync(path);
    if ((stats.mode & 0o222) === 0 && !(stats.isDirectory() && platform === 'win32')) return 'read_only';
    accessSync(path, constants.W_OK);
    return 'writable';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'read_only';
  }
}

/** The nearest folder of `path` that exists (the one a new file or folder would be made in). */
export function existingAncestor(path: string): string {
  let dir = dirname(path);
  while (writabilityOf(dir) === 'missing' && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Why `path` can't be written, before anything is tried: a read-only file is never replaced behind its owner's back. */
export function refuseReadOnly(path: string): { code: string; message: string } | undefined {
  const name = basename(path);
  const target = writabilityOf(path);
  if (target === 'read_only') return { code: 'read_only', message: `无法写入「${name}」：文件是只读的，原文件未改动：请去掉它的只读属性，或换一个文件名保存` };
  const folder = dirname(path);
  if (writabilityOf(folder) === 'read_only') return { code: 'read_only', message: `无法写入「${name}」：文件夹 ${folder} 是只读的，请换一个文件夹保存` };
  return undefined;
}

export async function readFileChecked(path: string): Promise<Result<Buffer>> {
  try {
    return ok(await fs.readFile(path));
  } catch (err) {
    const e = describeFsError(err, path, 'read');
    return fail(e.code, e.message);
  }
}

/** Writes all of `data` or nothing: temp file in the same folder, fsync, rename. */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<Result<void>> {
  // A rename replaces even a read-only file: look first.
  const refused = refuseReadOnly(path);
  if (refused) return fail(refused.code, refused.message);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const handle = await fs.open(tmp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, path);
    return ok(undefined);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const e = describeFsError(err, path, 'write');
    return fail(e.code, e.message);
  }
}
