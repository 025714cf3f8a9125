// `nianbao export --to docx|html|pdf` through the one writer list: the file is
// written whole, a draft is marked 草稿, a failed write names the file.
import { testDir } from '../helpers/temp-dir';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { AUDIT_SHEET_NAME } from '../../src/main/services/excel';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, main, type CliIO } from '../../src/main/cli';
import { seedReport } from './documents-fixtures';

function capture(): CliIO & { errors: string[] } {
  const errors: string[] = [];
  return { out: () => undefined, err: (line) => errors.push(line), errors };
}

function workspace(): { dir: string; input: string } {
  const dir = testDir('nianbao-cli-');
  const input = join(dir, 'report.json');
  writeFileSync(input, JSON.stringify(seedReport()));
  return { dir, input };
}

describe('nianbao export to documents', () => {
  it('writes a draft .docx marked 草稿 in its header', async () => {
    const { dir, input } = workspace();
    const out = join(dir, '年报.docx');
    const io = capture();
    expect(await main(['export', input, '--to', 'docx', '--out', out, '--draft'], io)).toBe(EXIT.ok);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const headers = Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n));
    expect(headers.length).toBeGreaterThan(0);
    expect(await zip.file(headers[0]!)!.async('string')).toContain('草稿');
    expect(readdirSync(dir).sort()).toEqual(['report.json', '年报.docx']); // no temporary file left behind
  });

  it('writes the HTML page, marked 草稿 only with --draft', async () => {
    const { dir, input } = workspace();
    const draft = join(dir, 'draft.html');
    expect(await main(['export', input, '--to', 'html', '--out', draft, '--draft'], capture())).toBe(EXIT.ok);
    expect(readFileSync(draft, 'utf8')).toContain('<p class="draft-mark" role="note">草稿</p>');
  });

  it('writes a PDF through the installed browser', async () => {
    const { dir, input } = workspace();
    const out = join(dir, 'report.pdf');
    expect(await main(['export', input, '--to', 'pdf', '--out', out, '--draft'], capture())).toBe(EXIT.ok);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('leaves the 审核情况 sheet out of the workbook with --no-audit, and keeps it by default', async () => {
    const { dir, input } = workspace();
    const sheets = async (path: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
      return wb.worksheets.map((w) => w.name);
    };
    expect(await main(['export', input, '--to', 'xlsx', '--out', join(dir, 'with.xlsx'), '--draft'], capture())).toBe(EXIT.ok);
    expect(await main(['export', input, '--to', 'xlsx', '--out', join(dir, 'without.xlsx'), '--draft', '--no-audit'], capture())).toBe(
      EXIT.ok,
    );
    expect(await sheets(join(dir, 'with.xlsx'))).toContain(AUDIT_SHEET_NAME);
    expect(await sheets(join(dir, 'without.xlsx'))).not.toContain(AUDIT_SHEET_NAME);
  });

  it('prints 落款 and 成文日期 on the web page only with --closing', async () => {
    const { dir, input } = workspace();
    expect(await main(['export', input, '--to', 'html', '--out', join(dir, 'plain.html'), '--draft'], capture())).toBe(EXIT.ok);
    expect(await main(['export', input, '--to', 'html', '--out', join(dir, 'closed.html'), '--draft', '--closing'], capture())).toBe(
      EXIT.ok,
    );
    expect(readFileSync(join(dir, 'plain.html'), 'utf8')).not.toContain('class="closing"');
    expect(readFileSync(join(dir, 'closed.html'), 'utf8')).toContain('<p class="signature"');
  });

  it('says which file could not be written, and leaves nothing behind', async () => {
    const { dir, input } = workspace();
    const target = join(dir, 'taken.docx');
    mkdirSync(target); // a folder where the document should go: the rename over it fails
    const io = capture();
    expect(await main(['export', input, '--to', 'docx', '--out', target, '--draft'], io)).toBe(EXIT.unreadable);
    expect(io.errors.join('\n')).toContain('taken.docx');
    expect(readdirSync(dir).sort()).toEqual(['report.json', 'taken.docx']);
  });
});
