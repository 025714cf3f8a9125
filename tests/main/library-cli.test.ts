// `nianbao import` and `nianbao list` on a real library file, and where the
// library lives by default (the same file the desktop app opens).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main, type CliIO } from '../../src/main/cli';
import { defaultDatabasePath } from '../../src/main/services/library';
import { open, SEED_PATH, seedReport, tempDir, value, type TempDir } from './helpers/library';

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir('nianbao-cli-');
});
afterEach(() => tmp.remove());

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('nianbao import and list', () => {
  it('imports a report, prints its id, and lists it', async () => {
    const imported = await run('import', SEED_PATH, '--db', tmp.dbPath);
    expect(imported).toMatchObject({ code: 0, err: [] });
    expect(imported.out).toHaveLength(1);
    const id = Number(imported.out[0]);
    expect(Number.isInteger(id)).toBe(true);

    const { library } = await open(tmp.dbPath);
    expect(value(library.get(id)).report).toEqual(seedReport());
    library.close();

    const listed = await run('list', '--db', tmp.dbPath);
    expect(listed.code).toBe(0);
    expect(listed.out).toHaveLength(1);
    expect(listed.out[0]).toMatch(new RegExp(`^${id}\\t余杭区统计局\\t2022\\t草稿\\t\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$`));
  });

  it("stores a past year's Word export as 已发布, and the same report as JSON as a draft", async () => {
    // The seed may carry findings; --draft writes it whatever they are: what matters is the file type.
    const docx = join(tmp.dir, '2022年报.docx');
    expect(await run('export', SEED_PATH, '--to', 'docx', '--out', docx, '--draft')).toMatchObject({ code: 0 });
    const fromWord = await run('import', docx, '--db', tmp.dbPath);
    expect(fromWord.code).toBe(0);
    const fromJson = await run('import', SEED_PATH, '--db', tmp.dbPath);
    expect(fromJson.code).toBe(0);

    const listed = await run('list', '--db', tmp.dbPath);
    const statusOf = (id: string) => listed.out.find((l) => l.startsWith(`${id}\t`))?.split('\t')[3];
    expect([statusOf(fromWord.out[0]!), statusOf(fromJson.out[0]!)]).toEqual(['已发布', '草稿']);
  });

  it("refuses an unreadable file with the reader's message and exit 2, writing nothing", async () => {
    const bad = join(tmp.dir, '坏文件.json');
    writeFileSync(bad, '{ not json');
    const refused = await run('import', bad, '--db', tmp.dbPath);
    expect(refused.code).toBe(2);
    expect(refused.out).toEqual([]);
    expect(refused.err.join('\n')).toContain('「坏文件.json」不是有效的 JSON 文件');
    expect(existsSync(tmp.dbPath)).toBe(false);

    const missing = await run('import', join(tmp.dir, '没有.json'), '--db', tmp.dbPath);
    expect(missing.code).toBe(2);
    expect(missing.err.join('\n')).toContain('找不到文件「没有.json」');
    expect(existsSync(tmp.dbPath)).toBe(false);
  });

  it('stores a workbook without a title with --agency, --year and --level', async () => {
    const workbook = join(__dirname, '..', 'fixtures', 'xlsx', 'one-sheet-messy.xlsx');
    const db = join(tmp.dir, '新资料库', 'library.db');
    // Without them: refused before the library is opened, so no empty library is left behind.
    const refused = await run('import', workbook, '--db', db);
    expect(refused.code).toBe(2);
    expect(refused.out).toEqual([]);
    expect(refused.err).toEqual([
      '「one-sheet-messy.xlsx」中没有写明机关名称，未导入：请加 --agency 机关名称（如有需要再加 --year 年度、--level 层级）',
    ]);
    expect(existsSync(join(tmp.dir, '新资料库'))).toBe(false);

    const imported = await run('import', workbook, '--db', db, '--agency', '某县某局', '--year', '2023', '--level', '县区部门');
    expect(imported.code).toBe(0);
    const { library } = await open(db);
    const stored = value(library.get(Number(imported.out[0])));
    library.close();
    expect(stored).toMatchObject({ agency: '某县某局', year: 2023, level: '县区部门' });
    // The guesses the options made unnecessary are not reported.
    expect(imported.err.join('\n')).not.toMatch(/没有写明(机关名称|报告年度)/);
  });

  it('refuses a wrong --level or --year as a usage error, creating nothing', async () => {
    for (const bad of [
      ['--level', '区县'],
      ['--year', '二〇二三'],
    ]) {
      const refused = await run('import', SEED_PATH, '--db', tmp.dbPath, ...bad);
      expect(refused.code).toBe(2);
      expect(refused.err[0]).toMatch(
        bad[0] === '--level'
          ? /^参数有误：--level 应为 乡镇街道、县区政府、县区部门、市政府、市级部门、省级 之一/
          : /^参数有误：--year 应为 2000 至 2100 之间的四位数年份/,
      );
    }
    expect(existsSync(tmp.dbPath)).toBe(false);
  });

  it('leaves no library behind when the report is refused (a file without a body)', async () => {
    const nameless = join(tmp.dir, '无机关.json');
    writeFileSync(nameless, JSON.stringify({ ...JSON.parse(readFileSync(SEED_PATH, 'utf8')), agency: '' }));
    const refused = await run('import', nameless, '--db', tmp.dbPath);
    expect(refused).toEqual({
      code: 2,
      out: [],
      err: ['「无机关.json」中没有写明机关名称，未导入：请加 --agency 机关名称（如有需要再加 --year 年度、--level 层级）'],
    });
    expect(existsSync(tmp.dbPath)).toBe(false);
    expect(existsSync(join(tmp.dir, 'backups'))).toBe(false);
  });

  it('keeps its backups through eleven runs of list: reading takes none, and rolls none away', async () => {
    expect((await run('import', SEED_PATH, '--db', tmp.dbPath)).code).toBe(0);
    // The second import is the day's first change to a library with something in it: it is backed up first.
    expect((await run('import', SEED_PATH, '--db', tmp.dbPath)).code).toBe(0);
    const backupDir = join(tmp.dir, 'backups');
    const before = readdirSync(backupDir);
    expect(before).toHaveLength(1);
    for (let n = 0; n < 11; n++) expect((await run('list', '--db', tmp.dbPath)).out).toHaveLength(2);
    expect(readdirSync(backupDir)).toEqual(before);
    const copy = new Database(join(backupDir, before[0]!), { readonly: true });
    expect(copy.prepare('SELECT agency FROM reports').all()).toEqual([{ agency: '余杭区统计局' }]);
    copy.close();
  });

  it('says how to add reports when the library is empty', async () => {
    const listed = await run('list', '--db', tmp.dbPath);
    expect(listed).toMatchObject({ code: 0, out: [] });
    expect(listed.err).toEqual(['资料库中还没有报告：可用 nianbao import FILE 导入']);
  });

  it("uses the app's library when --db is not given", async () => {
    const saved = process.env.NIANBAO_DATA_DIR;
    process.env.NIANBAO_DATA_DIR = tmp.dir;
    try {
      const imported = await run('import', SEED_PATH);
      expect(imported.code).toBe(0);
      expect(existsSync(join(tmp.dir, 'library.db'))).toBe(true);
      expect((await run('list')).out).toHaveLength(1);
    } finally {
      if (saved === undefined) delete process.env.NIANBAO_DATA_DIR;
      else process.env.NIANBAO_DATA_DIR = saved;
    }
  });

  it('exits 0 and prints the id from the real command line', () => {
    const cli = join(__dirname, '..', '..', 'bin', 'nianbao.cjs');
    const done = spawnSync(process.execPath, [cli, 'import', SEED_PATH, '--db', tmp.dbPath], { encoding: 'utf8' });
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(/^\d+\n$/);
  });
});

describe('defaultDatabasePath', () => {
  it('is the folder Electron would use for 年报编制助手 on each system', () => {
    expect(defaultDatabasePath({ APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'win32', 'C:\\Users\\li')).toBe(
      'C:\\Users\\li\\AppData\\Roaming\\年报编制助手\\library.db',
    );
    expect(defaultDatabasePath({}, 'win32', 'C:\\Users\\li')).toBe('C:\\Users\\li\\AppData\\Roaming\\年报编制助手\\library.db');
    expect(defaultDatabasePath({}, 'darwin', '/Users/li')).toBe('/Users/li/Library/Application Support/年报编制助手/library.db');
    expect(defaultDatabasePath({}, 'linux', '/home/li')).toBe('/home/li/.config/年报编制助手/library.db');
    expect(defaultDatabasePath({ XDG_CONFIG_HOME: '/data/cfg' }, 'linux', '/home/li')).toBe('/data/cfg/年报编制助手/library.db');
  });

  it('is overridden by NIANBAO_DATA_DIR (the portable build)', () => {
    expect(defaultDatabasePath({ NIANBAO_DATA_DIR: '/media/usb/年报数据', APPDATA: 'x' }, 'linux', '/home/li')).toBe(
      '/media/usb/年报数据/library.db',
    );
  });
});
