// Read-only files, folders and libraries, on real files. The tests run as
// root here, where chmod does not stop a write: the program judges a file by
// its permission bits (no write bit at all = marked read-only by its owner,
// as Windows' 只读 attribute reads) and by access(2) otherwise, so the same
// files are refused for root and for anyone else alike. A read-only disk
// (EROFS) refuses access(2) even to root; it cannot be mounted in this
// sandbox, and a folder without write bits stands in for it.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/main/cli';
import { createHandlers } from '../../src/main/handlers';
import { openServices } from '../../src/main/open-services';
import { writabilityOf, writeFileAtomic } from '../../src/main/services/fs/files';
import { openLibrary } from '../../src/main/services/library';
import { migrate } from '../../src/main/services/library/migrations';
import { ManualClock, open, SEED_PATH, seedReport, tempDir, value, type TempDir } from './helpers/library';

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir('nianbao-readonly-test-');
});
afterEach(() => {
  // Give write back first, or the folder could not be removed by a non-root run.
  for (const p of [tmp.dir, ...readdirSync(tmp.dir, { recursive: true }).map((n) => join(tmp.dir, String(n)))])
    chmodSync(p, statSync(p).isDirectory() ? 0o755 : 0o644);
  tmp.remove();
});

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l) };
  return { code: await main(argv, io), out, err };
}

/** Everything about a file a write could change. */
function fingerprint(path: string) {
  const s = statSync(path);
  return { bytes: readFileSync(path), mode: s.mode, mtimeMs: s.mtimeMs, ino: s.ino };
}

describe('a read-only target file', () => {
  it('is judged by its permission bits, for root as for anyone', () => {
    const file = join(tmp.dir, 'a.txt');
    writeFileSync(file, 'x');
    expect(writabilityOf(file)).toBe('writable');
    chmodSync(file, 0o444);
    expect(writabilityOf(file)).toBe('read_only');
    expect(writabilityOf(join(tmp.dir, 'none.txt'))).toBe('missing');
  });

  it('is refused with a message and left exactly as it was, never replaced by a rename', async () => {
    const target = join(tmp.dir, '年报.docx');
    writeFileSync(target, 'the author’s own document');
    chmodSync(target, 0o444);
    const before = fingerprint(target);
    const written = await writeFileAtomic(target, 'new content');
    expect(written.ok).toBe(false);
    if (!written.ok) {
      expect(written.error.code).toBe('read_only');
      expect(written.error.message).toBe('无法写入「年报.docx」：文件是只读的，原文件未改动：请去掉它的只读属性，或换一个文件名保存');
    }
    expect(fingerprint(target)).toEqual(before);
    expect(readdirSync(tmp.dir)).toEqual(['年报.docx']);
  });

  it('is refused by the export command, exit 2 and one line', async () => {
    const target = join(tmp.dir, '年报.html');
    writeFileSync(target, '<p>已报送的版本</p>');
    chmodSync(target, 0o444);
    const before = fingerprint(target);
    const refused = await run('export', SEED_PATH, '--to', 'html', '--out', target, '--draft');
    expect(refused).toEqual({
      code: 2,
      out: [],
      err: ['无法写入「年报.html」：文件是只读的，原文件未改动：请去掉它的只读属性，或换一个文件名保存'],
    });
    expect(fingerprint(target)).toEqual(before);
  });

  it('in a read-only folder is refused, and nothing appears there', async () => {
    const folder = join(tmp.dir, '只读');
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    const written = await writeFileAtomic(join(folder, '年报.json'), '{}');
    expect(written.ok).toBe(false);
    if (!written.ok) expect(written.error.message).toBe(`无法写入「年报.json」：文件夹 ${folder} 是只读的，请换一个文件夹保存`);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('a new library in a read-only folder', () => {
  it('says the folder is read-only (not that it is missing) and creates nothing', () => {
    const folder = join(tmp.dir, '只读');
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    for (const path of [join(folder, 'library.db'), join(folder, '子文件夹', 'library.db')]) {
      const opened = openLibrary(path);
      expect(opened.ok).toBe(false);
      if (!opened.ok) {
        expect(opened.error.code).toBe('read_only');
        expect(opened.error.message).toContain(`文件夹 ${folder} 是只读的`);
        expect(opened.error.message).not.toContain('不存在');
      }
    }
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('an existing library that may not be written', () => {
  async function libraryWithSeed(): Promise<number> {
    const { library } = await open(tmp.dbPath);
    const { id } = value(library.add(seedReport()));
    library.close();
    return id;
  }

  const cases: [string, () => void, RegExp][] = [
    ['a read-only file', () => chmodSync(tmp.dbPath, 0o444), /资料库文件「.*library\.db」是只读的/],
    ['a read-only folder (a read-only disk)', () => chmodSync(tmp.dir, 0o555), /所在的文件夹 .* 不能写入/],
  ];
  for (const [what, makeReadOnly, why] of cases) {
    it(`opens read-only from ${what}, refuses every change with why, and leaves file and folder untouched`, async () => {
      const id = await libraryWithSeed();
      makeReadOnly();
      const before = fingerprint(tmp.dbPath);
      const listing = readdirSync(tmp.dir, { recursive: true }).sort();

      const opened = openLibrary(tmp.dbPath, { backupAtStart: true, now: new ManualClock().now });
      const { library, readOnly } = value(opened);
      expect(readOnly).toMatch(why);
      expect(readOnly).toContain('已以只读方式打开：可以查看、校验和导出报告，不能修改');
      expect(value(library.get(id)).report).toEqual(seedReport());
      expect(value(library.list()).map((r) => r.id)).toEqual([id]);
      const edit = library.applyEdit(id, { cells: { 'requests.received.natural': 1 } });
      expect(edit.ok).toBe(false);
      if (!edit.ok) {
        expect(edit.error.code).toBe('read_only');
        expect(edit.error.message).toBe(`保存修改未完成：${readOnly}`);
      }
      expect(library.add(seedReport()).ok).toBe(false);
      expect(value(await library.openingBackup)).toBeNull();
      library.close();

      // Not a byte, not a side file (-wal, -shm), not a backup.
      expect(fingerprint(tmp.dbPath)).toEqual(before);
      expect(readdirSync(tmp.dir, { recursive: true }).sort()).toEqual(listing);
    });
  }

  it('refuses a damaged or an older read-only library with why, moving nothing aside', async () => {
    writeFileSync(tmp.dbPath, Buffer.alloc(8192));
    chmodSync(tmp.dbPath, 0o444);
    const damaged = openLibrary(tmp.dbPath);
    expect(damaged).toMatchObject({
      ok: false,
      error: { code: 'damaged', message: expect.stringMatching(/^资料库文件损坏，且资料库文件「.*」是只读的，无法自动从备份恢复/) },
    });
    expect(readdirSync(tmp.dir)).toEqual(['library.db']);

    chmodSync(tmp.dbPath, 0o644);
    rmSync(tmp.dbPath);
    const old = new Database(tmp.dbPath);
    migrate(old, 1);
    old.close();
    chmodSync(tmp.dbPath, 0o444);
    const before = fingerprint(tmp.dbPath);
    const older = openLibrary(tmp.dbPath);
    expect(older).toMatchObject({
      ok: false,
      error: { code: 'read_only', message: expect.stringContaining('由旧版本的年报编制助手保存，须先升级才能打开') },
    });
    expect(fingerprint(tmp.dbPath)).toEqual(before);
    expect(readdirSync(tmp.dir)).toEqual(['library.db']);
  });

  it('tells the app why editing is off, and the API refuses edits with it', async () => {
    const id = await libraryWithSeed();
    chmodSync(tmp.dbPath, 0o444);
    const services = value(await openServices({ databasePath: tmp.dbPath, shell: 'browser' }));
    try {
      const handlers = createHandlers(services);
      const info = value(await handlers['app.info']({}));
      expect((info as { readOnly: string }).readOnly).toMatch(/是只读的，已以只读方式打开/);
      const edit = await handlers['library.edit']({ id, revision: 0, patch: { narratives: { other: '改' } } });
      expect(edit).toMatchObject({ ok: false, error: { code: 'read_only', message: expect.stringContaining('去掉文件的只读属性') } });
    } finally {
      await services.close();
    }
  });

  it('lists from the command line and refuses an import with one line, exit 2', async () => {
    const id = await libraryWithSeed();
    chmodSync(tmp.dbPath, 0o444);
    const before = fingerprint(tmp.dbPath);
    const listed = await run('list', '--db', tmp.dbPath);
    expect(listed.code).toBe(0);
    expect(listed.out[0]).toMatch(new RegExp(`^${id}\\t余杭区统计局`));
    const imported = await run('import', SEED_PATH, '--db', tmp.dbPath);
    expect(imported.code).toBe(2);
    expect(imported.err).toHaveLength(1);
    expect(imported.err[0]).toMatch(/^保存导入的报告未完成：资料库文件「.*」是只读的/);
    expect(fingerprint(tmp.dbPath)).toEqual(before);
    expect(existsSync(`${tmp.dbPath}-wal`)).toBe(false);
  });
});
