// Files that are not a readable workbook of the report: each gets one Chinese
// sentence naming the file and what to do, and nothing is written anywhere.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importWorkbook, LIMITS } from '../../src/main/services/excel';
import { main } from '../../src/main/cli';
import { bigWorkbook } from '../fixtures/xlsx/zip';

const DIR = join(__dirname, '../fixtures/xlsx');
const work = mkdtempSync(join(tmpdir(), 'nianbao-excel-bad-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function refusal(path: string) {
  const result = await importWorkbook(path);
  expect(result.ok).toBe(false);
  return result.ok ? { code: '', message: '' } : result.error;
}

describe('bad workbooks are refused with a message that names the file', () => {
  it.each([
    ['legacy.xls', 'legacy_xls', '「legacy.xls」是旧版 Excel 格式（.xls）：请在 Excel/WPS 中另存为 .xlsx 后导入'],
    ['encrypted.xlsx', 'encrypted', '「encrypted.xlsx」设有打开密码'],
    ['corrupt.xlsx', 'not_xlsx', '「corrupt.xlsx」已损坏或不是 Excel 工作簿'],
    ['empty.xlsx', 'empty_file', '「empty.xlsx」是空文件'],
    ['no-tables.xlsx', 'no_tables', '「no-tables.xlsx」中没有找到年报的三张表'],
    ['foreign.html', 'not_xlsx', '「foreign.html」已损坏或不是 Excel 工作簿'],
  ])('%s', async (file, code, message) => {
    const error = await refusal(join(DIR, file));
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  it('a legacy workbook renamed to .xlsx is still recognised as .xls', async () => {
    copyFileSync(join(DIR, 'legacy.xls'), join(work, '旧表.xlsx'));
    expect((await refusal(join(work, '旧表.xlsx'))).code).toBe('legacy_xls');
  });

  it('a file over the size limit is refused before it is read', async () => {
    const path = join(work, '巨大.xlsx');
    writeFileSync(path, '');
    truncateSync(path, LIMITS.fileBytes + 1); // sparse: no bytes to read, only a size
    const error = await refusal(path);
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/^「巨大\.xlsx」文件过大（40\.0 MB，上限 40\.0 MB）/);
  });

  it('a sheet of too many cells is refused while it is read, naming the file', async () => {
    const cells = LIMITS.cells + 26 * 1000;
    const bytes = await bigWorkbook(Math.ceil(cells / 26), 26);
    expect(bytes.length).toBeLessThan(LIMITS.fileBytes);
    const result = await importWorkbook(bytes, { fileName: '全年台账.xlsx' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('too_many_cells');
    expect(result.error.message).toContain('「全年台账.xlsx」文件过大：单元格超过 150 万个');
  });

  it('a file that cannot be opened (another program, no permission) says so', async () => {
    const path = join(work, '被占用.xlsx');
    copyFileSync(join(DIR, 'three-sheets.xlsx'), path);
    chmodSync(path, 0o000);
    chmodSync(work, 0o755);
    // Root reads any file; an unprivileged child process meets the refusal a locked file gives.
    const script = `require('tsx/cjs/api').register(); require(${JSON.stringify(join(__dirname, '../../src/main/services/excel/index.ts'))}).importWorkbook(${JSON.stringify(path)}).then((r) => process.stdout.write(JSON.stringify(r)));`;
    const child = spawnSync(process.execPath, ['-e', script], { cwd: join(__dirname, '../..'), encoding: 'utf8', uid: 65534, gid: 65534 });
    const result = JSON.parse(child.stdout) as { ok: boolean; error: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('locked');
    expect(result.error.message).toBe('无法读取「被占用.xlsx」：文件正被其他程序占用或没有读取权限，请关闭后重试');
  });
});

describe('the command line writes nothing for a bad workbook', () => {
  it.each(['legacy.xls', 'encrypted.xlsx', 'corrupt.xlsx', 'empty.xlsx', 'no-tables.xlsx'])('export of %s', async (file) => {
    const out = join(work, `out-${file}.json`);
    const errors: string[] = [];
    const code = await main(['export', join(DIR, file), '--to', 'json', '--out', out], {
      out: () => undefined,
      err: (l) => errors.push(l),
    });
    expect(code).toBe(2);
    expect(errors.join('\n')).toContain(`「${file}」`);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((f) => f.startsWith('.out-'))).toEqual([]);
  });
});
