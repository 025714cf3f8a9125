// 开始今年的报告's files, read by the real readers: a real body's published
// 2024 PDF, its 2025 workbook typed by hand and its 2025 Word draft. Which is
// which comes from what they are, in any order; the new report's name, year
// and level from what they say; and files that cannot be right together are
// named before anything is created.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportBytes } from '../../src/main/formats/registry';
import { CELLS } from '../../src/shared/model/cells';
import { valueAt } from '../../src/shared/model/report';
import { assignRoles, draftTexts, lastYearOf, proposeIdentity, startProblems, type SourceFile } from '../../src/shared/start/sources';
import {
  figures2025,
  HONGZE,
  HONGZE_2024_PDF,
  HONGZE_2025_DRAFT,
  HONGZE_2025_DRAFT_TEXT,
  hongze2025Text,
  hongzeWorkbook2025,
} from '../fixtures/start-files';

let dir: string;
const files: Record<string, SourceFile> = {};

async function read(path: string, name = path.split('/').pop()!): Promise<SourceFile> {
  const res = await readReportBytes(name, readFileSync(path), { allowNoTables: true });
  if (!res.ok) throw new Error(res.error.message);
  return { name, read: { report: res.value.report, record: res.value.record ?? null, notes: res.value.notes } };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-start-'));
  files.pdf = await read(HONGZE_2024_PDF);
  files.workbook = await read(await hongzeWorkbook2025(join(dir, '统计表.xlsx')));
  files.titled2024 = await read(
    await hongzeWorkbook2025(join(dir, '2024统计表.xlsx'), { title: `${HONGZE}2024年政府信息公开工作年度报告` }),
  );
  files.draft = await read(HONGZE_2025_DRAFT);
  files.draftText = await read(HONGZE_2025_DRAFT_TEXT);
  const text = [
    `${HONGZE}`,
    '2025年政府信息公开工作年度报告',
    '一、总体情况',
    ...hongze2025Text().narratives.overview.split('\n'),
    '五、存在的主要问题及改进情况',
    hongze2025Text().narratives.problems,
    '六、其他需要报告的事项',
    hongze2025Text().narratives.other,
  ].join('\r\n');
  writeFileSync(join(dir, '正文.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
  files.txt = await read(join(dir, '正文.txt'));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('which file is which', () => {
  it('tells last year’s PDF, this year’s workbook and this year’s draft apart in every order', () => {
    const three = [files.pdf!, files.workbook!, files.draft!];
    for (const order of [
      [0, 1, 2],
      [2, 1, 0],
      [1, 2, 0],
      [2, 0, 1],
    ]) {
      const given = order.map((i) => three[i]!);
      const roles = assignRoles(given);
      expect([given[roles.last!], given[roles.workbook!], given[roles.draft!]]).toEqual(three);
      expect(roles.extra).toEqual([]);
    }
  });

  it('takes a text without tables for this year’s draft, alone or beside last year’s report in the library', () => {
    expect(assignRoles([files.draftText!])).toMatchObject({ draft: 0 });
    expect(assignRoles([files.draft!], { libraryYear: 2024 })).toMatchObject({ draft: 0 });
    expect(assignRoles([files.pdf!], { libraryYear: 2024 })).toMatchObject({ last: 0 });
    expect(assignRoles([files.txt!, files.workbook!])).toMatchObject({ draft: 0, workbook: 1 });
  });

  it('reads a draft’s sections, preamble and closing from Word and from plain text (UTF-8 with BOM, CRLF)', () => {
    const expected = hongze2025Text();
    for (const f of [files.draft!, files.draftText!]) {
      expect(draftTexts(f)).toEqual(expected.narratives);
      expect(f.read.report.preamble).toBe(expected.preamble);
      expect(f.read.report.date).toBe('2026-01-20');
    }
    expect(draftTexts(files.txt!)).toEqual(expected.narratives);
    expect(files.txt!.read.report).toMatchObject({ agency: HONGZE, year: 2025 });
    // The draft's tables go through the same finder: every cell placed, each with this year's figure.
    for (const c of CELLS) expect(valueAt(files.draft!.read.report, c.key)).toBe(figures2025(c.key));
    expect(files.draftText!.read.record!.counts.matched).toBe(0);
  });
});

describe('what the new report is called', () => {
  it('is this year’s, of last year’s body as the library writes it, at the level its name says', () => {
    const roles = assignRoles([files.draft!, files.workbook!, files.pdf!]);
    const last = lastYearOf(files.pdf!);
    const input = { last, draft: files.draft!, workbook: files.workbook!, fallbackYear: 2030 };
    expect(proposeIdentity({ ...input, libraryAgencies: [] })).toMatchObject({
      agency: { value: HONGZE },
      year: { value: 2025, from: expect.stringContaining('今年的正文') },
      level: { value: '县区政府' },
    });
    // 淮安市洪泽区人民政府 is the library's 洪泽区人民政府: the new report takes the library's name, so last year's is found.
    expect(proposeIdentity({ ...input, libraryAgencies: ['余杭区统计局', '洪泽区人民政府'] }).agency.value).toBe('洪泽区人民政府');
    expect(startProblems({ files: [files.draft!, files.workbook!, files.pdf!], roles, last, year: 2025 })).toEqual([]);
  });

  it('takes the year after last year’s where this year’s files state none, and asks the level where nothing tells', () => {
    const roles = assignRoles([files.pdf!, files.workbook!]);
    const last = lastYearOf(files.pdf!);
    expect(proposeIdentity({ last, workbook: files.workbook!, libraryAgencies: [], fallbackYear: 2030 }).year.value).toBe(2025);
    const nameless = proposeIdentity({ workbook: files.workbook!, libraryAgencies: [], fallbackYear: 2030 });
    expect(nameless).toMatchObject({ agency: { value: '' }, year: { value: 2030 }, level: { value: null } });
    expect(startProblems({ files: [files.pdf!, files.workbook!], roles, last, year: 2025 })).toEqual([]);
  });
});

describe('files that cannot be right', () => {
  it('last year’s PDF with a workbook of the same year, by its title or by its figures', () => {
    const last = lastYearOf(files.pdf!);
    const titled = [files.pdf!, files.titled2024!];
    const problems = startProblems({ files: titled, roles: assignRoles(titled), last, year: 2024 });
    expect(problems.find((p) => p.key === 'same-year:workbook')).toMatchObject({ blocking: true });
    // Untitled, the workbook says no year: its figures, all of last year's, say it.
    const lastYearsFigures = { ...files.workbook!, read: { ...files.pdf!.read, record: files.pdf!.read.record } };
    const untitled: SourceFile[] = [files.pdf!, { ...lastYearsFigures, name: '统计表.xlsx' }];
    const same = startProblems({ files: untitled, roles: { last: 0, workbook: 1, extra: [] }, last, year: 2025 });
    expect(same.find((p) => p.key === 'same-figures')).toMatchObject({ blocking: true });
    expect(same.find((p) => p.key === 'same-figures')!.message).toMatch(/完全相同（\d+ 个不为 0 的格子都一样）/);
  });

  it('files given the wrong way round: this year’s draft as last year’s report, with a swap offered', () => {
    const given = [files.draft!, files.pdf!];
    const problems = startProblems({ files: given, roles: { last: 0, draft: 1, extra: [] }, last: lastYearOf(files.draft!), year: 2025 });
    expect(problems.find((p) => p.key === 'order:draft')).toMatchObject({ blocking: true, swap: ['last', 'draft'] });
  });

  it('another body’s file, and a draft and workbook of different years', () => {
    const other: SourceFile = {
      ...files.draft!,
      read: { ...files.draft!.read, report: { ...files.draft!.read.report, agency: '余杭区统计局' } },
    };
    const given = [files.pdf!, other];
    const problems = startProblems({ files: given, roles: assignRoles(given), last: lastYearOf(files.pdf!), year: 2025 });
    expect(problems.map((p) => p.key)).toContain('body:今年的正文「hongze-2025-draft.docx」');
    const years = [files.draft!, files.titled2024!];
    expect(startProblems({ files: years, roles: { draft: 0, workbook: 1, extra: [] }, year: 2025 }).map((p) => p.key)).toContain(
      'draft-workbook-year',
    );
  });
});
