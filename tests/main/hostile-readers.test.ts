// Every document reader under attack (issue 27): Word files, web pages,
// .mhtml and PDFs made at test time to be small on disk and enormous once
// read — spans of 10^15 columns, 100,000 tables, 10,000 levels of nesting, a
// million unclosed elements, list level 4294967295, nested MIME parts, a
// stream inflating to 1 GB (plain and encrypted), a million lines on a page,
// a form drawn 10,000 times, 100,000 nested saves, 200 heavy pages, a page
// tree pointing at itself. Each, through each command and the app's API, is
// refused (or read) with one Chinese line naming the file, never
// 「内部错误」, exit 2, in bounded memory — the child's own peak, measured by
// itself — and leaves nothing written.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatOfName } from '../../src/shared/formats';
import {
  hostileFiles,
  hostilePages,
  hostilePdfs,
  hostileTexts,
  hostileWord,
  writeHostileFiles,
  type HostileFile,
} from '../fixtures/hostile';
import { apiOverLibrary } from '../helpers/api';
import { nianbao, type Run } from '../helpers/nianbao';

/** The memory a command may take on the worst of these files (the bound). */
const MAX_MB = 400;

const work = mkdtempSync(join(tmpdir(), 'nianbao-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let files: string[] = [];
beforeAll(async () => {
  files = await writeHostileFiles(join(work, 'files'));
}, 300_000);

/** What every refusal must be: exit 2, nothing on stdout, one Chinese line naming the file, no internal error, no trace. */
function expectOneLineRefusal(run: Run, file: string): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`「${basename(file)}」`);
  expect(lines[0]).not.toMatch(/内部错误|Error|\bat\s+\S+:\d+/);
  expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
  expect(run.peakMb).toBeLessThan(MAX_MB);
}

describe('nianbao inspect refuses every hostile file in one line', () => {
  const names = hostileFiles().map((f) => f.name);
  it.concurrent.each(names)(
    '%s',
    async (name) => {
      const file = join(work, 'files', name);
      expectOneLineRefusal(await nianbao(['inspect', file]), file);
    },
    360_000,
  );
});

describe('the other commands refuse them the same way, and write nothing', () => {
  const pick = (suffix: string) => files.find((f) => f.endsWith(suffix))!;

  it('validate, export and import on one file of each kind', { timeout: 600_000 }, async () => {
    for (const file of [
      pick('word-10k-nested-sdt.docx'),
      pick('page-nested-mime-parts.mhtml'),
      pick('pdf-inflates-to-1gb.pdf'),
      pick('text-line-of-5-million-cells.txt'),
    ]) {
      const out = join(work, `${basename(file)}.json`);
      const db = join(work, `${basename(file)}.db`);
      expectOneLineRefusal(await nianbao(['validate', file]), file);
      expectOneLineRefusal(await nianbao(['export', file, '--to', 'json', '--out', out]), file);
      expectOneLineRefusal(await nianbao(['import', file, '--db', db]), file);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(db)).toBe(false);
    }
  });

  it(
    'review of the folder holding them all: each report file named in a line, nothing read, no internal error',
    { timeout: 600_000 },
    async () => {
      const run = await nianbao(['review', join(work, 'files')]);
      expect(run.code).toBe(2);
      const lines = `${run.stdout}\n${run.stderr}`.split('\n');
      // A text file in a folder of reports is a note beside them, not a report: review leaves it.
      const reports = files.filter((f) => formatOfName(f)?.inFolders);
      expect(reports.length).toBe(files.length - hostileTexts().length);
      for (const file of reports) expect(lines.filter((l) => l.includes(basename(file)))).toHaveLength(1);
      expect(run.stderr).not.toMatch(/内部错误|\bat\s+\S+:\d+/);
      expect(run.peakMb).toBeLessThan(MAX_MB);
    },
  );
});

describe('the app reads them through its API the same way', () => {
  const state = apiOverLibrary('nianbao-hostile-api-');

  it('import.read answers each with its one line, never an internal error', async () => {
    const some: HostileFile[] = [
      ...hostileWord().filter((f) => /gridspan|numbering|nested-sdt/.test(f.name)),
      ...hostilePages().filter((f) => /nested|spans/.test(f.name)),
      ...hostilePdfs().filter((f) => /circular|nested-saves|form-drawn/.test(f.name)),
    ];
    for (const f of some) {
      const read = await state.api.files.read({ fileName: f.name, data: readFileSync(join(work, 'files', f.name)).toString('base64') });
      expect(read.ok, f.name).toBe(false);
      if (read.ok) continue;
      expect(read.error.code).not.toBe('internal');
      expect(read.error.message).toContain(`「${f.name}」`);
    }
  });
});
