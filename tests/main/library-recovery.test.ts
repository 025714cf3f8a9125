// Damaged, foreign and newer library files, and the backups that rescue them.
// Every damaged file must be kept aside byte for byte, never deleted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { valueAt } from '../../src/shared/model/report';
import { openLibrary, type ReportLibrary } from '../../src/main/services/library';
import { localMinute } from '../../src/shared/model/dates';
import { SCHEMA_VERSION, migrate } from '../../src/main/services/library/migrations';
import { ManualClock, open, seedReport, tempDir, value, type TempDir } from './helpers/library';

let tmp: TempDir;
let clock: ManualClock;

beforeEach(() => {
  tmp = tempDir();
  clock = new ManualClock();
});
afterEach(() => tmp.remove());

const backupDir = () => join(tmp.dir, 'backups');
const backups = () =>
  readdirSync(backupDir())
    .filter((n) => n.endsWith('.db'))
    .sort();

function integrityOf(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('\n');
  } finally {
    db.close();
  }
}

/** A library holding the seed, backed up a day after opening (so the backup holds the seed), then closed. */
async function libraryWithBackup(): Promise<{ id: number; backupAt: Date }> {
  const { library } = await open(tmp.dbPath, { now: clock.now });
  const { id } = value(library.add(seedReport()));
  clock.advanceMinutes(24 * 60);
  const backup = value(library.backupToday(clock.now()));
  library.close();
  clock.advanceMinutes(60);
  return { id, backupAt: backup!.takenAt };
}

async function reopenExpectingRecovery(damaged: Buffer): Promise<{ library: ReportLibrary; recovery: string }> {
  const { library, recovery } = await open(tmp.dbPath, { now: clock.now });
  expect(recovery).toBeDefined();
  const aside = readdirSync(tmp.dir).filter((n) => n.startsWith('library.db.damaged-') && !n.endsWith('-wal') && !n.endsWith('-shm'));
  expect(aside).toHaveLength(1);
  expect(recovery).toContain(`已另存为「${aside[0]}」`);
  expect(readFileSync(join(tmp.dir, aside[0]!)).equals(damaged)).toBe(true);
  expect(integrityOf(tmp.dbPath)).toBe('ok');
  return { library, recovery: recovery! };
}

describe('recovery at opening', () => {
  const damages: [string, (path: string) => void, RegExp][] = [
    ['a truncated file', (p) => truncateSync(p, Math.floor(statSync(p).size / 2) + 100), /不完整/],
    ['a file of zeros', (p) => writeFileSync(p, Buffer.alloc(statSync(p).size)), /不是有效的数据库文件/],
    ['a file that is not SQLite', (p) => writeFileSync(p, '这不是数据库，是一份文字说明。\n'.repeat(100)), /不是有效的数据库文件/],
    ['an empty file', (p) => writeFileSync(p, ''), /空的/],
    [
      'a damaged page inside a valid header',
      (p) => {
        const bytes = readFileSync(p);
        const pageSize = bytes.readUInt16BE(16);
        for (let page = 1; page * pageSize < bytes.length; page++) bytes.fill(0xa5, page * pageSize, page * pageSize + 200);
        writeFileSync(p, bytes);
      },
      /损坏/,
    ],
  ];

  for (const [what, damage, reason] of damages) {
    it(`moves ${what} aside and restores the newest good backup`, async () => {
      const { id, backupAt } = await libraryWithBackup();
      damage(tmp.dbPath);
      const damaged = readFileSync(tmp.dbPath);
      const { library, recovery } = await reopenExpectingRecovery(damaged);
      expect(recovery).toMatch(reason);
      expect(recovery).toContain(`并从 ${localMinute(backupAt)} 的备份恢复`);
      expect(value(library.get(id)).report).toEqual(seedReport());
      library.close();
    });
  }

  it('moves a SQLite file that is not ours aside', async () => {
    const { id } = await libraryWithBackup();
    rmSync(tmp.dbPath);
    const foreign = new Database(tmp.dbPath);
    foreign.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('张三')");
    foreign.close();
    const { library, recovery } = await reopenExpectingRecovery(readFileSync(tmp.dbPath));
    expect(recovery).toMatch(/不是本程序的资料库/);
    expect(value(library.get(id)).agency).toBe('余杭区统计局');
    library.close();
  });

  it('skips a damaged backup for an older good one', async () => {
    const { library } = await open(tmp.dbPath, { now: clock.now });
    const { id } = value(library.add(seedReport()));
    clock.advanceMinutes(24 * 60);
    const good = value(library.backupToday(clock.now()))!;
    clock.advanceMinutes(24 * 60);
    const bad = value(library.backupToday(clock.now()))!;
    library.close();
    writeFileSync(bad.path, Buffer.alloc(statSync(bad.path).size));
    writeFileSync(tmp.dbPath, 'broken');
    const reopened = await reopenExpectingRecovery(readFileSync(tmp.dbPath));
    expect(reopened.recovery).toContain(`并从 ${localMinute(good.takenAt)} 的备份恢复`);
    expect(value(reopened.library.get(id)).year).toBe(2022);
    reopened.library.close();
  });

  it('starts an empty library when no good backup exists, keeping the damaged file and saying so', async () => {
    await libraryWithBackup();
    for (const b of backups()) rmSync(join(backupDir(), b));
    writeFileSync(tmp.dbPath, Buffer.alloc(8192));
    const { library, recovery } = await reopenExpectingRecovery(Buffer.alloc(8192));
    expect(recovery).toMatch(/没有可用的备份，已新建一个空的资料库/);
    expect(value(library.list({ includeDeleted: true }))).toEqual([]);
    library.close();
  });

  it('brings back a library file that has gone missing from its newest backup', async () => {
    const { id, backupAt } = await libraryWithBackup();
    rmSync(tmp.dbPath);
    const { library, recovery } = await open(tmp.dbPath, { now: clock.now });
    expect(recovery).toBe(`未找到资料库文件，已从 ${localMinute(backupAt)} 的备份恢复；此后所做的修改需要重新录入`);
    expect(value(library.get(id)).report).toEqual(seedReport());
    library.close();
  });

  it('opens a healthy library without any recovery', async () => {
    const { id } = await libraryWithBackup();
    const { library, recovery } = await open(tmp.dbPath, { now: clock.now });
    expect(recovery).toBeUndefined();
    expect(value(library.get(id)).year).toBe(2022);
    expect(readdirSync(tmp.dir).some((n) => n.includes('damaged'))).toBe(false);
    library.close();
  });
});

describe('a library from a newer version of the program', () => {
  it('is refused with a Chinese message and left byte-identical', async () => {
    await libraryWithBackup();
    const db = new Database(tmp.dbPath);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = readFileSync(tmp.dbPath);
    const listing = readdirSync(tmp.dir).sort();
    const backupsBefore = backups();

    const opened = openLibrary(tmp.dbPath, { now: clock.now });
    expect(opened.ok).toBe(false);
    if (!opened.ok) {
      expect(opened.error.code).toBe('newer_version');
      expect(opened.error.message).toContain(`数据版本 ${SCHEMA_VERSION + 1}`);
      expect(opened.error.message).toContain('请安装最新版本');
    }
    expect(readFileSync(tmp.dbPath).equals(before)).toBe(true);
    expect(readdirSync(tmp.dir).sort()).toEqual(listing);
    expect(backups()).toEqual(backupsBefore);
  });
});

describe('backups', () => {
  const agencyIn = (path: string, id: number) => {
    const copy = new Database(path, { readonly: true });
    try {
      return (copy.prepare('SELECT agency FROM reports WHERE id = ?').get(id) as { agency: string } | undefined)?.agency;
    } finally {
      copy.close();
    }
  };

  it('keeps the older backups through eleven opens, by the command line and by the app alike', async () => {
    const { id, backupAt } = await libraryWithBackup();
    const older = backups();
    expect(older).toHaveLength(1);
    // Reads (nianbao list, inspect of the library) take no backup at all.
    for (let n = 0; n < 11; n++) {
      clock.advanceMinutes(10);
      const { library } = await open(tmp.dbPath, { now: clock.now });
      value(library.list());
      library.close();
    }
    expect(backups()).toEqual(older);
    // Eleven starts of the app: a backup each, the newest 3 kept, the day's backup untouched.
    for (let n = 0; n < 11; n++) {
      clock.advanceMinutes(10);
      const { library } = await open(tmp.dbPath, { now: clock.now, backupAtStart: true });
      library.close();
    }
    const after = backups();
    expect(after.filter((b) => b.endsWith('-start.db'))).toHaveLength(3);
    expect(after).toEqual(expect.arrayContaining(older));
    const kept = value(openLibrary(tmp.dbPath, { now: clock.now })).library;
    expect(kept.listBackups().find((b) => b.kind === 'daily')!.takenAt).toEqual(backupAt);
    kept.close();
    for (const b of after) {
      expect(integrityOf(join(backupDir(), b))).toBe('ok');
      expect(agencyIn(join(backupDir(), b), id)).toBe('余杭区统计局');
    }
    expect(readdirSync(backupDir()).filter((n) => !n.endsWith('.db'))).toEqual([]);
  });

  it("takes the day's backup at the day's first change, holding the library as the day found it", async () => {
    const { library } = await open(tmp.dbPath, { now: clock.now });
    const { id } = value(library.add(seedReport()));
    // An empty library has nothing worth a backup: the first report goes in without one…
    expect(backups()).toEqual([]);
    // …and the day's next change keeps it.
    clock.advanceMinutes(60);
    value(library.applyEdit(id, { meta: { agency: '余杭区数据资源局' } }));
    // Copied in the background from a snapshot taken before the change: the change did not wait for it.
    await library.dailyBackup;
    expect(backups()).toHaveLength(1);
    expect(agencyIn(join(backupDir(), backups()[0]!), id)).toBe('余杭区统计局');
    // The next day: one backup before its first change, however many follow.
    clock.advanceMinutes(24 * 60);
    value(library.applyEdit(id, { meta: { agency: '余杭区大数据局' } }));
    for (let n = 0; n < 20; n++) value(library.applyEdit(id, { cells: { 'requests.received.natural': n } }));
    await library.backupsDone();
    library.close();
    expect(backups()).toHaveLength(2);
    expect(agencyIn(join(backupDir(), backups()[1]!), id)).toBe('余杭区数据资源局');
  });

  it("copies the day's backup in the background: saves made while it copies never reach it", async () => {
    const { library } = await open(tmp.dbPath, { now: clock.now });
    // Enough reports that the copy takes many steps, with saves between them.
    const ids = Array.from({ length: 60 }, () => value(library.add(seedReport())).id);
    clock.advanceMinutes(24 * 60);
    value(library.applyEdit(ids[0]!, { meta: { agency: '今天第一次修改' } }));
    const copying = library.dailyBackup;
    expect(copying).toBeDefined();
    let finished = false;
    void copying!.then(() => (finished = true));
    let during = 0;
    for (let n = 0; !finished && n < 10_000; n++) {
      value(library.applyEdit(ids[n % ids.length]!, { cells: { 'requests.received.natural': 1000 + n } }));
      during += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const backup = value(await copying!)!;
    library.close();
    // The copy ran while the library took saves: it did not hold them up, and it holds none of them.
    expect(during).toBeGreaterThan(1);
    expect(integrityOf(backup.path)).toBe('ok');
    expect(agencyIn(backup.path, ids[0]!)).toBe('余杭区统计局');
    const copy = new Database(backup.path, { readonly: true });
    const edited = copy.prepare("SELECT count(*) AS n FROM cells WHERE key = 'requests.received.natural' AND value >= 1000").get() as {
      n: number;
    };
    copy.close();
    expect(edited.n).toBe(0);
  });

  it("holds the day's snapshot connection open ahead, only while the library is open, even when it closes mid-copy", async () => {
    // This process's open handles on the library file (Linux lists them under /proc/self/fd).
    const handles = () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(join('/proc/self/fd', fd)) === realpathSync(tmp.dbPath);
        } catch {
          return false;
        }
      }).length;
    const { library } = await open(tmp.dbPath, { now: clock.now });
    const ids = Array.from({ length: 60 }, () => value(library.add(seedReport())).id);
    // The first day's backup (taken at its second change, the first with a report to keep), finished.
    await library.backupsDone();
    // The library's connection and the one the next day's snapshot will be read from, opened before any change needs it.
    expect(handles()).toBe(2);
    clock.advanceMinutes(24 * 60);
    value(library.applyEdit(ids[0]!, { meta: { agency: '今天第一次修改' } }));
    const copying = library.dailyBackup!;
    library.close();
    // The copy keeps its connection until it is done (and SQLite the closed one's handle, while locks on the file remain), then
    // none is left, and the backup is whole.
    expect(handles()).toBeGreaterThan(0);
    const backup = value(await copying)!;
    expect(handles()).toBe(0);
    expect(integrityOf(backup.path)).toBe('ok');
    expect(agencyIn(backup.path, ids[0]!)).toBe('余杭区统计局');
  });

  it("counts the day's backup another program took after this one opened: one a day, as the day found the library", async () => {
    const { library: app } = await open(tmp.dbPath, { now: clock.now });
    const { id } = value(app.add(seedReport()));
    await app.backupsDone();
    clock.advanceMinutes(24 * 60);
    // The next morning, before the app's first change, a command changes the library and takes the day's backup.
    const { library: command } = await open(tmp.dbPath, { now: clock.now });
    value(command.applyEdit(id, { meta: { agency: '命令行修改' } }));
    await command.backupsDone();
    command.close();
    expect(backups()).toHaveLength(1);
    value(app.applyEdit(id, { meta: { agency: '程序修改' } }));
    await app.backupsDone();
    app.close();
    expect(backups()).toHaveLength(1);
    expect(agencyIn(join(backupDir(), backups()[0]!), id)).toBe('余杭区统计局');
  });

  it('keeps one backup for each of the newest 14 days the library was written, however long ago', async () => {
    const { library } = await open(tmp.dbPath, { now: clock.now });
    const { id } = value(library.add(seedReport()));
    const days: string[] = [];
    for (let day = 1; day <= 20; day++) {
      // Written every third day: the days that count are days of work, not calendar days.
      clock.advanceMinutes(3 * 24 * 60);
      value(library.applyEdit(id, { cells: { 'requests.received.natural': day } }));
      await library.dailyBackup;
      days.push(library.listBackups()[0]!.path);
    }
    library.close();
    // A month untouched, then read: nothing rolls away.
    clock.advanceMinutes(30 * 24 * 60);
    (await open(tmp.dbPath, { now: clock.now })).library.close();
    expect(backups().map((b) => join(backupDir(), b))).toEqual(days.slice(-14));
  });

  it('keeps the library as an older version left it, before upgrading its schema', async () => {
    const old = new Database(tmp.dbPath);
    migrate(old, 1);
    old
      .prepare(
        "INSERT INTO reports (agency, year, level, format, status, created_at, updated_at) VALUES ('某局', 2022, '县区部门', 'gov-info-disclosure/2021', '草稿', 'x', 'x')",
      )
      .run();
    old.close();
    const { library } = await open(tmp.dbPath, { now: clock.now });
    expect(value(library.list()).map((r) => [r.agency, r.revision])).toEqual([['某局', 0]]);
    library.close();
    expect(backups()).toHaveLength(1);
    const copy = new Database(join(backupDir(), backups()[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT agency FROM reports').all()).toEqual([{ agency: '某局' }]);
    copy.close();
  });

  it('reads backups left by earlier versions as daily ones, one a day kept', async () => {
    const { library } = await open(tmp.dbPath, { now: clock.now });
    value(library.add(seedReport()));
    library.close();
    // Ten backups of one morning, as every open took them before.
    for (let n = 0; n < 10; n++) copyFileSync(tmp.dbPath, join(backupDir(), `library-20261126T0${n}0000000Z.db`));
    clock.advanceMinutes(24 * 60);
    const { library: again } = await open(tmp.dbPath, { now: clock.now });
    value(again.applyEdit(1, { cells: { 'requests.received.natural': 1 } }));
    await again.backupsDone();
    again.close();
    expect(backups()).toEqual(['library-20261126T090000000Z.db', expect.stringMatching(/^library-20261127T\d{9}Z\.db$/)]);
  });

  it('removes a backup left unfinished by a crash, and only its own files', async () => {
    await libraryWithBackup();
    writeFileSync(join(backupDir(), 'library-20261126T020000000Z.db.partial'), 'half a copy');
    writeFileSync(join(backupDir(), '说明.txt'), '用户自己的文件');
    const { library } = await open(tmp.dbPath, { now: clock.now });
    library.close();
    expect(existsSync(join(backupDir(), 'library-20261126T020000000Z.db.partial'))).toBe(false);
    expect(readFileSync(join(backupDir(), '说明.txt'), 'utf8')).toBe('用户自己的文件');
  });

  it('keeps the stored figures exactly through a backup and restore', async () => {
    const { id } = await libraryWithBackup();
    writeFileSync(tmp.dbPath, 'x');
    const { library } = await open(tmp.dbPath, { now: clock.now });
    expect(valueAt(value(library.get(id)).report, 'proactive.penalty.decisions')).toBe(6);
    library.close();
  });
});
