// `nianbao inspect` on each document format, as users run it (a child
// process), and every reader's check of a file's kind and size before it
// reads a byte: a pipe, a device, a folder and a sparse 1.5 GB file are
// refused at once with one Chinese line.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportFile } from '../../src/main/formats/registry';
import { renderReportDocx } from '../../src/main/services/documents/docx-writer';
import { renderReportHtml } from '../../src/shared/document/report-html';
import { CELLS } from '../../src/shared/model/cells';
import { setCells, type Report } from '../../src/shared/model/report';
import { libreoffice, mhtml, portalPage } from '../fixtures/documents/office';
import { seedReport } from './documents-fixtures';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nianbao.cjs');
const work = mkdtempSync(join(tmpdir(), 'nianbao-cli-docs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function nianbao(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

const report: Report = setCells(
  seedReport(),
  CELLS.map((c, i) => [c.key, 1000 + i] as const),
);

describe('nianbao inspect reads every document format', () => {
  const files: Record<string, string> = {};
  beforeAll(async () => {
    files.docx = join(work, '年报.docx');
    writeFileSync(files.docx, await renderReportDocx(report, { draft: false }));
    files.html = join(work, '年报.html');
    writeFileSync(files.html, renderReportHtml(report, { draft: false }));
    files.mhtml = join(work, '年报.mhtml');
    writeFileSync(files.mhtml, mhtml(portalPage(report), 'gb2312'));
    files.pdf = libreoffice(files.docx, 'pdf', work);
  }, 120_000);

  it.each(['docx', 'html', 'mhtml', 'pdf'])('%s: exit 0, every cell exact, body and year', async (format) => {
    const run = await nianbao('inspect', files[format]!);
    expect(run.code).toBe(0);
    const back = JSON.parse(run.stdout) as Report;
    expect(back.tables).toEqual(report.tables);
    expect(back.agency).toBe('余杭区统计局');
    expect(back.year).toBe(2022);
    expect(back.narratives.problems).toBe(report.narratives.problems);
  });

  it('a page without the tables exits 2 with one line naming them', async () => {
    const html = join(work, '只有文字.html');
    writeFileSync(html, '<p>某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>公开了信息。</p>');
    const run = await nianbao('inspect', html);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      '「只有文字.html」中没有找到年报的三张统计表（二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况），只读到了文字：请确认网页完整、表格不是图片，或改用 Word 原文件',
    ]);
  });

  it('a legacy .doc exits 2 with its advice', async () => {
    const path = join(work, '旧.doc');
    writeFileSync(path, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const run = await nianbao('validate', path);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd()).toBe('无法读取「旧.doc」：请用 Word 或 WPS 另存为 .docx 后导入');
  });

  it('the help names every readable format', async () => {
    const run = await nianbao('--help');
    expect(run.stdout).toContain(
      'FILE 可以是Word 文档（.docx）、PDF（.pdf）、网页（.html、.htm、.mhtml、.mht）、Excel 表格（.xlsx、.xlsm）、文本文件（.txt）、年报数据（.json）；',
    );
  });
});

describe('the kind and size of a file are checked before it is read', () => {
  async function refused(path: string) {
    const started = performance.now();
    const result = await readReportFile(path);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.ok).toBe(false);
    return result.ok ? '' : result.error.message;
  }

  it('a FIFO (nothing ever written to it) is refused at once, not waited on', async () => {
    const fifo = join(work, '管道.json');
    execFileSync('mkfifo', [fifo]);
    expect(await refused(fifo)).toBe('「管道.json」不是普通文件（是管道或套接字）：请选择保存在磁盘上的报告文件');
  });

  it('a link to a device (/dev/zero) is refused, not read without end', async () => {
    const link = join(work, '零.pdf');
    symlinkSync('/dev/zero', link);
    expect(await refused(link)).toBe('「零.pdf」是设备，不是文件：请选择保存在磁盘上的报告文件');
  });

  it('a folder named like a report is refused', async () => {
    const dir = join(work, '文件夹.docx');
    execFileSync('mkdir', [dir]);
    expect(await refused(dir)).toBe('「文件夹.docx」是文件夹，不是文件：请选择一个文件');
  });

  it.each(['巨大.json', '巨大.pdf', '巨大.docx'])('a sparse 1.5 GB file (%s) is refused by its size', async (name) => {
    const path = join(work, name);
    writeFileSync(path, '');
    truncateSync(path, 1.5 * 1024 * 1024 * 1024);
    const message = await refused(path);
    expect(message).toMatch(new RegExp(`^「${name.replace('.', '\\.')}」文件过大（1536\\.0 MB，上限 40\\.0 MB）：`));
    expect(message).not.toMatch(/ERR_|E[A-Z]{3,}/);
  });

  it('the command line says the same in one line and exits 2', async () => {
    const path = join(work, '大.json');
    writeFileSync(path, '');
    truncateSync(path, 1.5 * 1024 * 1024 * 1024);
    const run = await nianbao('inspect', path);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
