// Reading and writing user files with messages a clerk can act on. A write
// goes to a temporary file beside the target and is renamed over it, so a
// failed write never leaves a half-written document behind.
import { accessSync, closeSync, constants, fstatSync, openSync, promises as fs, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fail, ok, type Result } from '../../../shared/api/result';
import { FILE_LIMITS } from '../../../shared/model/limits';

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
    case 'ERR_FS_FILE_TOO_LARGE':
      return { code: 'too_large', message: `「${name}」文件过大：年报文件通常只有几 MB，请确认选择的是年报文件` };
    case 'ENAMETOOLONG':
      return { code: 'not_found', message: `无法${doing === 'read' ? '读取' : '写入'}「${name}」：路径过长，请移到路径较短的文件夹后重试` };
    case 'ELOOP':
      return {
        code: 'not_found',
        message: `无法${doing === 'read' ? '读取' : '写入'}「${name}」：快捷方式（链接）指向自身，请选择文件本身`,
      };
    case 'ENXIO':
    case 'ENODEV':
      return { code: 'not_a_file', message: `「${name}」不是普通文件：请选择保存在磁盘上的报告文件` };
    default:
      return { code: 'io', message: `${doing === 'read' ? '读取' : '写入'}「${name}」失败：请重试，或把文件复制到本机磁盘后再试` };
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
  if (target === 'read_only')
    return { code: 'read_only', message: `无法写入「${name}」：文件是只读的，原文件未改动：请去掉它的只读属性，或换一个文件名保存` };
  const folder = dirname(path);
  if (writabilityOf(folder) === 'read_only')
    return { code: 'read_only', message: `无法写入「${name}」：文件夹 ${folder} 是只读的，请换一个文件夹保存` };
  return undefined;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** What a path names when it is not a regular file, in the clerk's words. */
function notAFile(stat: import('node:fs').Stats): string | undefined {
  if (stat.isDirectory()) return '是文件夹，不是文件：请选择一个文件';
  if (stat.isFIFO() || stat.isSocket()) return '不是普通文件（是管道或套接字）：请选择保存在磁盘上的报告文件';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return '是设备，不是文件：请选择保存在磁盘上的报告文件';
  return stat.isFile() ? undefined : '不是普通文件：请选择保存在磁盘上的报告文件';
}

/**
 * Reads a whole file, after checking what it is and how big: a directory, a
 * FIFO or a device is refused at once (a FIFO would block the read for ever,
 * /dev/zero would never end), and so is a file over `maxBytes` — before a byte
 * is read. The handle is opened without blocking and checked with fstat, so a
 * link swapped between the check and the read changes nothing.
 */
export async function readFileChecked(path: string, limit: ReadLimit = {}): Promise<Result<Buffer>> {
  const { name, maxBytes, tooLarge } = limitsOf(path, limit);
  let handle: import('node:fs/promises').FileHandle | undefined;
  try {
    handle = await fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const refused = refusal(name, await handle.stat(), maxBytes, tooLarge);
    if (refused) return refused;
    return checkedSize(await handle.readFile(), maxBytes, (n) => tooLarge(name, n));
  } catch (err) {
    const e = describeFsError(err, path, 'read');
    return fail(e.code, e.message);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * readFileChecked for a thread that does nothing else (a review's reading
 * worker): the same checks, without a trip through the thread pool for each
 * step — for a small file that is most of its cost.
 */
export function readFileCheckedSync(path: string, limit: ReadLimit = {}): Result<Buffer> {
  const { name, maxBytes, tooLarge } = limitsOf(path, limit);
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const refused = refusal(name, fstatSync(fd), maxBytes, tooLarge);
    if (refused) return refused;
    return checkedSize(readFileSync(fd), maxBytes, (n) => tooLarge(name, n));
  } catch (err) {
    const e = describeFsError(err, path, 'read');
    return fail(e.code, e.message);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export interface ReadLimit {
  maxBytes?: number;
  tooLarge?: (name: string, bytes: number) => string;
}

function limitsOf(path: string, limit: ReadLimit) {
  const maxBytes = limit.maxBytes ?? FILE_LIMITS.reportBytes;
  const tooLarge =
    limit.tooLarge ??
    ((n: string, bytes: number) => `「${n}」文件过大（${mb(bytes)}，上限 ${mb(maxBytes)}）：年报文件通常只有几 MB，请确认选择的是年报文件`);
  return { name: basename(path), maxBytes, tooLarge };
}

/** Why a file whose handle is open is not read: not a plain file, or over the limit before a byte is read. */
function refusal(name: string, stat: import('node:fs').Stats, maxBytes: number, tooLarge: (n: string, b: number) => string) {
  const odd = notAFile(stat);
  if (odd) return fail(stat.isDirectory() ? 'is_directory' : 'not_a_file', `「${name}」${odd}`);
  if (stat.size > maxBytes) return fail('too_large', tooLarge(name, stat.size));
  return undefined;
}

/** A file that grew while it was read (a log still being written) is held to the same limit. */
function checkedSize(bytes: Buffer, maxBytes: number, message: (bytes: number) => string): Result<Buffer> {
  return bytes.length > maxBytes ? fail('too_large', message(bytes.length)) : ok(bytes);
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
