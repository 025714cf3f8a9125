// Long texts on real files: the one limit on a section's length
// (MAX_SECTION_CHARS) refused with its message by every way in (a file in
// the CLI, the library, the API), and everything up to it exported to Word.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { Parser } from 'htmlparser2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/main/cli';
import { createHandlers } from '../../src/main/handlers';
import { openServices } from '../../src/main/open-services';
import { writeReportDocx } from '../../src/main/services/documents';
import { maxOf, minOf } from '../../src/shared/math';
import { MAX_SECTION_CHARS, textTooLongMessage } from '../../src/shared/model/limits';
import { reportToJson } from '../../src/shared/model/report-json';
import { open, seedReport, value } from './helpers/library';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-long-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l) };
  return { code: await main(argv, io), out, err };
}

/** `lines` lines of 第N段 text, joined as a pasted text would be. */
const linesOf = (lines: number) => Array.from({ length: lines }, (_, i) => `第${i + 1}段`).join('\n');

/** The paragraphs of a .docx, as Word reads them: the text of each w:p, by a real XML parser. */
async function docxParagraphs(path: string): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string');
  const paragraphs: string[] = [];
  let current: string | null = null;
  let inText = false;
  const parser = new Parser(
    {
      onopentag: (name) => {
        if (name === 'w:p') current = '';
        if (name === 'w:t') inText = true;
      },
      ontext: (text) => {
        if (inText && current !== null) current += text;
      },
      onclosetag: (name) => {
        if (name === 'w:t') inText = false;
        if (name === 'w:p' && current !== null) {
          paragraphs.push(current);
          current = null;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return paragraphs;
}

describe('a narrative of 150,000 lines', () => {
  const huge = () => ({ ...seedReport(), narratives: { ...seedReport().narratives, problems: linesOf(150_000) } });

  it('is refused by validate, export and import with one line and exit 2, creating nothing', async () => {
    const file = join(dir, '超长.json');
    const report = huge();
    writeFileSync(file, reportToJson(report));
    const line = `「超长.json」中${textTooLongMessage('problems', report.narratives.problems.length)}`;
    expect(line).toContain('「五、存在的主要问题及改进情况」有 1,238,894 个字符，超过每部分 50,000 个字符');
    const out = join(dir, '超长.docx');
    const db = join(dir, 'new', 'library.db');
    for (const argv of [
      ['validate', file],
      ['export', file, '--to', 'docx', '--out', out, '--draft'],
      ['import', file, '--db', db],
    ]) {
      expect(await run(...argv)).toEqual({ code: 2, out: [], err: [line] });
    }
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'new'))).toBe(false);
  });

  it('is refused by the library and by the API, and the stored text stays', async () => {
    const services = value(await openServices({ databasePath: join(dir, 'library.db'), shell: 'browser' }));
    try {
      const { id, revision } = value(services.library.add(seedReport()));
      const text = linesOf(150_000);
      const direct = services.library.applyEdit(id, { narratives: { problems: text } });
      expect(direct).toMatchObject({ ok: false, error: { message: `修改未保存：${textTooLongMessage('problems', text.length)}` } });
      const overApi = await createHandlers(services)['library.edit']({ id, revision, patch: { narratives: { problems: text } } });
      expect(overApi).toMatchObject({
        ok: false,
        error: { code: 'bad_request', message: expect.stringContaining('超过每部分 50,000 个字符') },
      });
      expect(services.library.add(huge())).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining('「五、存在的主要问题及改进情况」有') },
      });
      expect(value(services.library.get(id)).report.narratives.problems).toBe(seedReport().narratives.problems);
    } finally {
      await services.close();
    }
  });

  it('is exported to Word in full by the writer itself (no argument-list overflow)', async () => {
    const out = join(dir, '超长.docx');
    value(await writeReportDocx(huge(), out, { draft: true }));
    const paragraphs = await docxParagraphs(out);
    expect(paragraphs).toContain('第1段');
    expect(paragraphs).toContain('第150000段');
  }, 60_000);
});

describe('a section at the limit', () => {
  it('is stored, and exported to Word line for line', async () => {
    // As many short lines as the limit takes: the most paragraphs a section can have.
    const lines: string[] = [];
    for (let n = 1, length = -1; length + `${n}`.length + 1 <= MAX_SECTION_CHARS; n++) {
      lines.push(`${n}`);
      length += `${n}`.length + 1;
    }
    const text = lines.join('\n');
    expect(text.length).toBeLessThanOrEqual(MAX_SECTION_CHARS);
    expect(text.length).toBeGreaterThan(MAX_SECTION_CHARS - 6);
    const { library } = await open(join(dir, 'library.db'));
    const { id } = value(library.add({ ...seedReport(), narratives: { ...seedReport().narratives, other: text } }));
    const report = value(library.get(id)).report;
    library.close();
    expect(report.narratives.other).toBe(text);
    const out = join(dir, '上限.docx');
    value(await writeReportDocx(report, out, { draft: false }));
    const paragraphs = await docxParagraphs(out);
    const from = paragraphs.indexOf('六、其他需要报告的事项') + 1;
    expect(paragraphs.slice(from, from + lines.length)).toEqual(lines);
  }, 60_000);
});

describe('maxOf and minOf', () => {
  it('take lists far longer than a call may take arguments', () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(maxOf(values)).toBe(values.reduce((a, b) => (b > a ? b : a)));
    expect(minOf(values)).toBe(0);
    expect([maxOf([]), minOf([]), maxOf([1, NaN, 3])]).toEqual([-Infinity, Infinity, NaN]);
  });
});
