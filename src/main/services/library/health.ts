// Looks at a library file's bytes before SQLite does, so a file that is not
// ours, is newer than this program, or is visibly damaged is recognised
// without opening it for writing (opening would already change its header).
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { APPLICATION_ID, SCHEMA_VERSION } from './migrations';

export type DamageKind = 'empty' | 'not_sqlite' | 'truncated' | 'foreign' | 'corrupt';

export type FileState =
  | { kind: 'missing' }
  | { kind: 'newer'; version: number }
  | { kind: 'damaged'; damage: DamageKind }
  /** Worth opening; SQLite and `integrity_check` have the last word. */
  | { kind: 'plausible' };

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_SIZE = 100;

function fileSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(HEADER_SIZE);
    const read = readSync(fd, header, 0, HEADER_SIZE, 0);
    return header.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export function inspectFile(path: string): FileState {
  const size = fileSize(path);
  if (size === undefined) return { kind: 'missing' };
  if (size === 0) return { kind: 'damaged', damage: 'empty' };
  const header = readHeader(path);
  if (header.length < HEADER_SIZE || !header.subarray(0, MAGIC.length).equals(MAGIC)) return { kind: 'damaged', damage: 'not_sqlite' };

  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return { kind: 'damaged', damage: 'not_sqlite' };

  const applicationId = header.readUInt32BE(68);
  // 0 is a file SQLite created but our first migration never committed; SQLite decides.
  if (applicationId !== 0 && applicationId !== APPLICATION_ID) return { kind: 'damaged', damage: 'foreign' };
  const version = header.readUInt32BE(60);
  if (version > SCHEMA_VERSION) return { kind: 'newer', version };

  // With a write-ahead log holding pages not yet copied back, the main file may
  // legitimately be shorter than its header says; only judge its size alone.
  const walSize = fileSize(`${path}-wal`) ?? 0;
  if (walSize === 0) {
    const pages = header.readUInt32BE(28);
    const headerSizeValid = pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
    if (size % pageSize !== 0 || (headerSizeValid && size < pages * pageSize)) return { kind: 'damaged', damage: 'truncated' };
  }
  return { kind: 'plausible' };
}

export const DAMAGE_DESCRIPTION: Record<DamageKind, string> = {
  empty: '资料库文件是空的（0 字节）',
  not_sqlite: '资料库文件已损坏（不是有效的数据库文件）',
  truncated: '资料库文件不完整（已被截断）',
  foreign: '资料库文件不是本程序的资料库',
  corrupt: '资料库文件损坏',
};
